// What a page shows when its code could not load (the server is unreachable) or it failed to
// render: the shell stays, the reason is said in words, and the page reloads by itself as soon as
// the server answers again (a failed module import is not retried by the browser, a reload is).

import { useEffect, useState } from 'react';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { useDocumentTitle } from '../lib/useDocumentTitle.ts';
import NotFound from '../lib/ui/NotFound.tsx';

const retryEveryMs = 2000;

/** A dynamic import or its CSS failed: the browser could not fetch this page's code. */
function isLoadFailure(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /dynamically imported module|Importing a module script failed|Unable to preload|Failed to fetch/i.test(message);
}

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

export default function PageLoadError() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFound />;
  return <PageUnavailable error={error} />;
}

function PageUnavailable({ error }: { error: unknown }) {
  const loadFailure = isLoadFailure(error);
  const [retrying, setRetrying] = useState(false);
  useDocumentTitle('Couldn’t load · Loopwire');
  useReloadWhenServerAnswers();
  return (
    <div className="not-found page-error" role="alert">
      <p className="eyebrow">{loadFailure ? 'Server unreachable' : 'Page error'}</p>
      <h1>Couldn’t load this page</h1>
      <p>
        {loadFailure
          ? 'The page’s code could not be fetched: the Loopwire server is unreachable (stopped, or this computer is offline).'
          : `This page stopped with an error: ${error instanceof Error ? error.message : String(error)}`}
      </p>
      <p>It reloads by itself as soon as the server answers again.</p>
      <button
        type="button"
        className="button"
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
