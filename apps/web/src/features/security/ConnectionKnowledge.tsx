// What the server knows about each live connection, read from the server every two seconds: the
// 4-tuple, headers, cookie (masked), Socket.IO auth and socket.data, when it connected, its rooms.

import { useEffect, useState } from 'react';
import type { KnownConnection, KnownConnectionsResponse } from '@loopwire/contract';
import { requestJson } from '../../lib/api.ts';
import { WidgetError } from '../../lib/ui/WidgetError.tsx';
import './security.css';

const refreshMs = 2000;

function ago(at: number): string {
  const seconds = Math.max(0, Math.round((Date.now() - at) / 1000));
  return seconds < 60 ? `${seconds} s ago` : `${Math.round(seconds / 60)} min ago`;
}

function Row({ connection }: { connection: KnownConnection }) {
  const extras = { auth: connection.auth, data: connection.data, headers: connection.headers };
  return (
    <tr className={connection.yours ? 'lab-yours' : undefined} data-yours={connection.yours || undefined}>
      <td>
        {connection.kind} <span className="mono">{connection.endpoint}</span>
        {connection.yours ? <strong> (yours)</strong> : null}
      </td>
      <td>{connection.transport}</td>
      <td className="mono">
        {connection.remote.address}:{connection.remote.port} → {connection.local.address}:{connection.local.port}
      </td>
      <td className="mono">{connection.sid ?? '—'}</td>
      <td className="mono" title={connection.headersOf === 'websocket-upgrade' ? 'from the WebSocket upgrade request' : 'from the first long-poll request'}>
        {connection.origin ?? (connection.headersOf === 'first-request' ? '(none: still long polling)' : '(none)')}
      </td>
      <td>{ago(connection.connectedAt)}</td>
      <td className="mono">{connection.rooms.join(', ') || '—'}</td>
      <td>
        <details className="lab-details">
          <summary>auth, socket.data, headers</summary>
          <pre>{JSON.stringify(extras, null, 2)}</pre>
        </details>
      </td>
    </tr>
  );
}

export default function ConnectionKnowledge() {
  const [known, setKnown] = useState<KnownConnectionsResponse | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    const load = () =>
      requestJson<KnownConnectionsResponse>('/api/security/connections').then(
        (value) => {
          if (!live) return;
          setKnown(value);
          setError(null);
        },
        (caught: Error) => live && setError(caught.message),
      );
    void load();
    const timer = setInterval(() => void load(), refreshMs);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, []);

  return (
    <figure className="widget" aria-label="What the server knows about each connection">
      <div className="widget__bar">
        <strong className="widget__title">What the server knows</strong>
        <span className="widget__caption" data-testid="known-connections-counts">
          {known
            ? `${known.connections.length + known.omitted} of yours listed; other browsers hold ${known.others.websocket} WebSocket and ${known.others.socketIo} Socket.IO connections (counted, never shown), plus ${known.others.devices} devices`
            : 'Loading…'}
        </span>
      </div>
      <WidgetError>{error}</WidgetError>
      {known ? (
        <div className="table-scroll">
          <table className="table" data-testid="known-connections">
            <thead>
              <tr>
                <th scope="col">connection</th>
                <th scope="col">transport</th>
                <th scope="col">4-tuple (client → server)</th>
                <th scope="col">cookie sid</th>
                <th scope="col">Origin</th>
                <th scope="col">connected</th>
                <th scope="col">rooms</th>
                <th scope="col">more</th>
              </tr>
            </thead>
            <tbody>
              {known.connections.map((connection) => (
                <Row key={connection.id} connection={connection} />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <figcaption className="widget__caption">
        Read live from the server’s own objects for each socket. Secrets (cookie values, tokens) are masked here; the
        server itself holds them in full.
      </figcaption>
    </figure>
  );
}
