// The learner's exchanges with the cluster as each worker's own tap recorded them: which worker
// answered each request, and a refused one byte for byte.

import { useState } from 'react';
import type { ScaleCapturesResponse } from '@loopwire/contract';
import { useAction } from '../../lib/useAction.ts';
import { WidgetError } from '../../lib/ui/WidgetError.tsx';
import { fetchClusterCaptures } from './api.ts';

type ClusterCapture = ScaleCapturesResponse['captures'][number];

const shown = 12;

function shortUrl(url: string): string {
  const params = new URLSearchParams(url.split('?')[1] ?? '');
  const sid = params.get('sid');
  return `${params.get('transport') ?? url}${sid ? ` sid=${sid.slice(0, 6)}…` : ' (handshake)'}`;
}

export function ClusterCaptures() {
  const [captures, setCaptures] = useState<ClusterCapture[] | null>(null);
  const { busy, error, run } = useAction();
  const refused = captures?.find((capture) => capture.status === 400);
  return (
    <section className="lab-panel" aria-label="Your exchanges with the cluster">
      <div className="lab-row">
        <h3>What the workers' taps recorded</h3>
        <button type="button" className="button" disabled={busy} onClick={() => void run(async () => setCaptures(await fetchClusterCaptures()))}>
          {captures ? 'Read again' : 'Read the cluster’s captures'}
        </button>
      </div>
      <WidgetError>{error}</WidgetError>
      {captures && captures.length === 0 ? <p className="widget__empty">No exchange of yours with the cluster yet.</p> : null}
      {captures && captures.length > 0 ? (
        <table className="scale-captures">
          <thead>
            <tr>
              <th scope="col">worker pid</th>
              <th scope="col">request</th>
              <th scope="col">status</th>
            </tr>
          </thead>
          <tbody>
            {captures.slice(0, shown).map((capture) => (
              <tr key={`${capture.workerPid}-${capture.id}`} className={capture.status === 400 ? 'scale-captures__refused' : undefined}>
                <td>{capture.workerPid}</td>
                <td>
                  {capture.method} {shortUrl(capture.url)}
                </td>
                <td>{capture.status ?? (capture.kind === 'socket.io' ? '101 → frames' : 'open')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {refused ? (
        <div data-testid="refused-exchange">
          <p>
            Worker {refused.workerPid} never created this session, so it refused the request ({refused.method} {shortUrl(refused.url)}):
          </p>
          <pre className="lab-frame">
            {refused.responseHead}
            {refused.responseBody?.preview}
          </pre>
        </div>
      ) : null}
    </section>
  );
}
