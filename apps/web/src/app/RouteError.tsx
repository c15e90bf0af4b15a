// The page shown when a route cannot be drawn (its code failed to load, or it threw while drawing),
// instead of React Router's developer screen: what failed, and the way back.

import { Link, useRouteError } from 'react-router';
import { isChunkLoadError } from '../lib/ui/WidgetBoundary.tsx';
import { useDocumentTitle } from '../lib/useDocumentTitle.ts';

export default function RouteError() {
  const error = useRouteError();
  useDocumentTitle('Something failed · Loopwire');
  const chunk = isChunkLoadError(error);
  return (
    <div className="not-found" role="alert" data-testid="route-error">
      <p className="eyebrow">{chunk ? 'Could not load' : 'Error'}</p>
      <h1>{chunk ? 'This page could not be loaded' : 'This page stopped working'}</h1>
      <p>
        {chunk
          ? 'Its code did not arrive: the server may have been restarted or rebuilt since you opened Loopwire, or it is not running.'
          : `It failed with: ${error instanceof Error ? error.message : String(error)}`}
      </p>
      <p>
        <button type="button" className="button button--primary" onClick={() => location.reload()}>
          Reload
        </button>{' '}
        or go back to the <Link to="/">curriculum</Link>. Your progress is saved in this browser.
      </p>
    </div>
  );
}
