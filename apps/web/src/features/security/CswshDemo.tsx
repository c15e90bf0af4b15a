// Cross-Site WebSocket Hijacking, run in your browser: a page on another origin (the foreign port)
// tries WebSockets to this server with your cookie. Guarded endpoints answer 403; the demo endpoint
// without an Origin check hands over its (harmless) "private" feed.

import { useMachine } from '@xstate/react';
import { useMemo } from 'react';
import { cswshRunMachine, type TargetResult } from './cswshRun.machine.ts';
import { useSecurityInfo } from './useSecurityInfo.ts';
import { WidgetError } from '../../lib/ui/WidgetError.tsx';
import { useReportObservedWhen } from '../../lib/observed.ts';
import './security.css';

const targets = [
  { id: 'ws', path: '/ws', guard: 'Origin allowlist in the upgrade router' },
  { id: 'socket.io', path: '/socket.io/', guard: 'Origin allowlist (router + allowRequest)' },
  { id: 'demo', path: '/ws/cswsh-demo', guard: 'none (on purpose)' },
] as const;

function Verdict({ result, running }: { result: TargetResult | undefined; running: boolean }) {
  if (!result) {
    return <span className="lab-verdict lab-verdict--pending">{running ? 'trying…' : 'not run'}</span>;
  }
  if (result.opened) return <span className="lab-verdict lab-verdict--breached">opened: feed read</span>;
  if (result.status) return <span className="lab-verdict lab-verdict--blocked">blocked ({result.status})</span>;
  return <span className="lab-verdict lab-verdict--pending">refused (status unknown)</span>;
}

function readFeed(result: TargetResult | undefined): string | null {
  if (!result?.firstMessage) return null;
  try {
    const feed = JSON.parse(result.firstMessage) as { cookieSeen?: boolean; messages?: string[] };
    return `${feed.cookieSeen ? 'your cookie rode along; ' : ''}read “${feed.messages?.[0] ?? ''}”`;
  } catch {
    return result.firstMessage.slice(0, 80);
  }
}

function CswshRun({ foreignPort }: { foreignPort: number }) {
  const foreignOrigin = `${location.protocol}//${location.hostname}:${foreignPort}`;
  const input = useMemo(() => ({ foreignOrigin, expectedTargets: targets.length }), [foreignOrigin]);
  const [state, send] = useMachine(cswshRunMachine, { input });
  const running = state.matches('running');
  const { runId, results } = state.context;
  const cookieRode = results.find((result) => result.opened);
  useReportObservedWhen(
    results.length === targets.length
      ? {
          outcome: cookieRode ? 'server-decides' : undefined,
          summary: `${results.filter((result) => result.opened).length} of ${results.length} handshakes from the foreign page opened; the others were refused by the server.`,
        }
      : null,
  );

  return (
    <>
      <div className="widget__bar">
        <strong className="widget__title">Cross-Site WebSocket Hijacking</strong>
        <div className="widget__actions">
          <button type="button" className="button button--primary" disabled={running} onClick={() => send({ type: 'RUN', runId: `run${Date.now().toString(36)}` })}>
            {runId ? 'Run the foreign page again' : 'Run the foreign page'}
          </button>
        </div>
      </div>
      <p className="widget__caption">
        The foreign page lives at <code>{foreignOrigin}</code>: same host, another port, so another origin. It is
        framed below and its script runs in your browser, with your cookie.
      </p>
      <div className="table-scroll">
        <table className="table" data-testid="cswsh-results">
          <thead>
            <tr>
              <th scope="col">target on this server</th>
              <th scope="col">Origin check</th>
              <th scope="col">outcome</th>
              <th scope="col">what the foreign page got</th>
            </tr>
          </thead>
          <tbody>
            {targets.map((target) => {
              const result = results.find((candidate) => candidate.id === target.id);
              return (
                <tr key={target.id} data-target={target.id}>
                  <td className="mono">{target.path}</td>
                  <td>{target.guard}</td>
                  <td aria-live="polite">
                    <Verdict result={result} running={running} />
                  </td>
                  <td>{result?.opened ? readFeed(result) : result?.reason ?? ''}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {runId ? (
        <iframe
          key={runId}
          className="lab-frame"
          title={`The foreign page on ${foreignOrigin}`}
          src={`${foreignOrigin}/?run=${runId}`}
          sandbox="allow-scripts allow-same-origin"
        />
      ) : null}
    </>
  );
}

export default function CswshDemo() {
  const { info, error } = useSecurityInfo();
  return (
    <figure className="widget" aria-label="Cross-Site WebSocket Hijacking demo">
      <WidgetError>{error}</WidgetError>
      {info && info.foreignPort === null ? (
        <p className="widget__error" role="alert">
          The foreign page could not start: its port is taken. Set LAB_FOREIGN_PORT to a free port and restart.
        </p>
      ) : null}
      {info && !info.cswshDemo ? (
        <p className="widget__empty">
          The unguarded demo endpoint is off because this server listens beyond loopback (HOST); the guarded ones still answer 403.
        </p>
      ) : null}
      {info?.foreignPort ? <CswshRun foreignPort={info.foreignPort} /> : <p className="widget__empty">Loading…</p>}
      <figcaption className="widget__caption">
        A refused WebSocket handshake shows up in the page only as an error with close code 1006: browsers hide the
        status from scripts. The lab asks the server how it answered each tagged attempt.
      </figcaption>
    </figure>
  );
}
