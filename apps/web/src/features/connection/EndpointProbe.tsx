// Asks the live server for the 4-tuple of a real connection, over HTTP (keep-alive) or a new WebSocket.

import { useState } from 'react';
import type { ConnectionInfo } from '@loopwire/contract';
import { whoamiOverHttp, whoamiOverWebSocket } from './whoami.ts';
import { browserCheckContext } from '../../lib/live/context.ts';
import { WidgetError } from '../../lib/ui/WidgetError.tsx';
import { useAction } from '../../lib/useAction.ts';
import { useReportObservedWhen } from '../../lib/observed.ts';

interface Row {
  n: number;
  via: 'HTTP' | 'WebSocket';
  info: ConnectionInfo;
}

const keptRows = 8;

export default function EndpointProbe() {
  const [rows, setRows] = useState<Row[]>([]);
  const { busy, error, run } = useAction();
  const overWebSocket = rows.find((row) => row.via === 'WebSocket');
  useReportObservedWhen(
    overWebSocket
      ? { summary: `your WebSocket arrived on server port ${overWebSocket.info.local.port}; this page came from port ${location.port || (location.protocol === 'https:' ? '443' : '80')}.` }
      : null,
  );

  function ask(via: Row['via']) {
    return run(async () => {
      const info =
        via === 'HTTP' ? await whoamiOverHttp(browserCheckContext) : await whoamiOverWebSocket(browserCheckContext);
      setRows((previous) => [{ n: (previous[0]?.n ?? 0) + 1, via, info }, ...previous].slice(0, keptRows));
    });
  }

  return (
    <figure className="widget" aria-label="Endpoint probe">
      <div className="widget__bar">
        <strong className="widget__title">Endpoint probe</strong>
        <div className="widget__actions">
          <button type="button" className="button" disabled={busy} onClick={() => void ask('HTTP')}>
            Ask over HTTP
          </button>
          <button type="button" className="button" disabled={busy} onClick={() => void ask('WebSocket')}>
            Ask over WebSocket
          </button>
        </div>
      </div>
      <WidgetError>{error}</WidgetError>
      {rows.length === 0 ? (
        <p className="widget__empty">No connections yet. Ask the server which 4-tuple your request used.</p>
      ) : (
        <table className="table" data-testid="endpoint-rows">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">via</th>
              <th scope="col">your side (client)</th>
              <th scope="col">server side</th>
              <th scope="col">requests on this connection</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ n, via, info }) => (
              <tr key={n}>
                <td>{n}</td>
                <td>{via}</td>
                <td className="mono">
                  {info.remote.address}:<mark>{info.remote.port}</mark>
                </td>
                <td className="mono" data-testid="server-side">
                  {info.local.address}:{info.local.port}
                </td>
                <td>{info.requestsOnConnection}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <figcaption className="widget__caption">
        Answered by the live server from the TCP socket each request arrived on.
      </figcaption>
    </figure>
  );
}
