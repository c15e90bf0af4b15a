// The page shown when a route cannot be drawn, inside the shell (header and all) instead of React
// Router's developer screen: its code could not load (the server is unreachable: it reloads by itself
// once the server answers, since the browser never retries a failed module import) or it broke.

import { useEffect, useState } from 'react';
import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { isChunkLoadError } from '../lib/ui/WidgetBoundary.tsx';
import { useDocumentTitle } from '../lib/useDocumentTitle.ts';
import NotFound from '../lib/ui/NotFound.tsx';

const retryEveryMs = 2000;

async function serverAnswers(): Promise<boolean> {
  try {
    return (await fetch('/api/health', { cache: 'no-store' })).ok;
  } catch {
    return false;
  }
}

/** Checks every few seconds (and when the browser says it is back online) until the server answers. */
function useReloadWhenServerAnswers(): void {
  useEffect(() => {
    let timer: number | undefined;
    let stopped = false;
    const check = async () => {
      window.clearTimeout(timer);
      if (await serverAnswers()) {
        if (!stopped) window.location.reload();
        return;
      }
      if (!stopped) timer = window.setTimeout(() => void check(), retryEveryMs);
    };
    const onOnline = () => void check();
    timer = window.setTimeout(() => void check(), retryEveryMs);
    window.addEventListener('online', onOnline);
    return () => {
      stopped = true;
      window.clearTimeout(timer);
      window.removeEventListener('online', onOnline);
    };
  }, []);
}

export default function RouteError() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFound />;
  return isChunkLoadError(error) ? <PageUnreachable /> : <PageBroke error={error} />;
}

function PageUnreachable() {
  const [retrying, setRetrying] = useState(false);
  useDocumentTitle('Couldn’t load · Loopwire');
  useReloadWhenServerAnswers();
  return (
    <div className="not-found" role="alert" data-testid="route-error">
      <p className="eyebrow">Server unreachable</p>
      <h1>Couldn’t load this page</h1>
      <p>
        Its code could not be loaded: the Loopwire server is unreachable (stopped, restarting, or this computer is
        offline).
      </p>
      <p>It reloads by itself as soon as the server answers again. Your progress is saved in this browser.</p>
      <button
        type="button"
        className="button button--primary"
        aria-disabled={retrying}
        onClick={() => {
          if (retrying) return;
          setRetrying(true);
          void serverAnswers().then((up) => {
            if (up) window.location.reload();
            else setRetrying(false);
          });
        }}
      >
        {retrying ? 'Retrying…' : 'Retry now'}
      </button>
    </div>
  );
}

function PageBroke({ error }: { error: unknown }) {
  useDocumentTitle('Something failed · Loopwire');
  return (
    <div className="not-found" role="alert" data-testid="route-error">
      <p className="eyebrow">Page error</p>
      <h1>This page stopped working</h1>
      <p>It failed with: {error instanceof Error ? error.message : String(error)}</p>
      <p>
        <button type="button" className="button button--primary" onClick={() => location.reload()}>
          Reload
        </button>{' '}
        or go back to the <Link to="/">curriculum</Link>. Your progress is saved in this browser.
      </p>
    </div>
  );
}
