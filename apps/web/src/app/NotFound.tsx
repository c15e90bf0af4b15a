import { Link } from 'react-router';
import { useDocumentTitle } from '../lib/useDocumentTitle.ts';

export default function NotFound({ what = 'page' }: { what?: string }) {
  useDocumentTitle('Not found · Loopwire');
  return (
    <div className="not-found">
      <p className="eyebrow">404</p>
      <h1>There is no such {what}</h1>
      <p>
        The link may be old, or mistyped. The <Link to="/">curriculum</Link> lists every lesson.
      </p>
    </div>
  );
}
