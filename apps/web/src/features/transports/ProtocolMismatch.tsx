// Socket.IO is its own protocol, shown live: a plain WebSocket to /socket.io/ receives Engine.IO packets
// it does not understand, and a Socket.IO client pointed at the plain /ws echo never connects.

import { useEffect, useRef, useState } from 'react';
import { decodeEnginePacket } from '@loopwire/protocol';
import { io, type Socket } from 'socket.io-client';
import { webSocketUrl } from '../../lib/live/context.ts';
import { CapturedExchange } from './CapturedExchange.tsx';
import { useReportObservedWhen } from '../../lib/observed.ts';
import './transports.css';

interface Received {
  at: number;
  raw: string;
  meaning: string;
}

/** What a received packet means, decoded by the same Engine.IO / Socket.IO decoder the tap uses. */
function explainEngineIo(raw: string): string {
  const packet = decodeEnginePacket(raw);
  if (packet.type === 'error') return 'not an Engine.IO packet';
  return `Engine.IO ${packet.meaning}${packet.socketIo ? ` → Socket.IO ${packet.socketIo.typeName}` : ''}`;
}

function PlainWebSocketToSocketIo() {
  const [received, setReceived] = useState<Received[]>([]);
  const [closed, setClosed] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [attemptAt, setAttemptAt] = useState<number | null>(null);
  const socket = useRef<WebSocket | null>(null);
  const openedAt = useRef(0);

  useEffect(() => () => socket.current?.close(), []);
  const first = received[0];
  useReportObservedWhen(
    first
      ? {
          outcome: first.raw.startsWith('0{') ? 'packets' : 'works',
          summary: `the handshake succeeded and the first message was ${first.raw.slice(0, 60)}${first.raw.length > 60 ? '…' : ''}.`,
        }
      : null,
  );

  function connect() {
    socket.current?.close();
    setReceived([]);
    setClosed(null);
    openedAt.current = performance.now();
    setAttemptAt(Date.now() - 1000);
    const ws = new WebSocket(webSocketUrl('/socket.io/?EIO=4&transport=websocket'));
    ws.onopen = () => setOpen(true);
    ws.onmessage = (event) => {
      const raw = String(event.data);
      setReceived((previous) =>
        [...previous, { at: performance.now() - openedAt.current, raw, meaning: explainEngineIo(raw) }].slice(-20),
      );
    };
    ws.onclose = (event) => {
      setOpen(false);
      setClosed(`closed by the server: code ${event.code}${event.reason ? `, “${event.reason}”` : ''}`);
    };
    socket.current = ws;
  }

  return (
    <section className="push-card" aria-label="A plain WebSocket talks to Socket.IO" data-testid="mismatch-plain-ws">
      <h3>Plain WebSocket → /socket.io/</h3>
      <p className="widget__caption mono">new WebSocket('ws://…/socket.io/?EIO=4&amp;transport=websocket')</p>
      <div className="widget__actions">
        <button type="button" className="button button--primary" onClick={connect}>
          Connect
        </button>
        <button
          type="button"
          className="button"
          disabled={!open}
          onClick={() => socket.current?.send('hello')}
        >
          Send “hello”
        </button>
      </div>
      <ul className="mismatch__packets" aria-label="Received from the Socket.IO server">
        {received.map((packet, index) => (
          <li key={index} data-testid="mismatch-packet">
            <code>{packet.raw}</code>
            <br />
            <span className="widget__caption">
              {Math.round(packet.at)} ms: {packet.meaning}
            </span>
          </li>
        ))}
      </ul>
      {closed ? (
        <p className="result result--fail" data-testid="mismatch-closed">
          {closed}
        </p>
      ) : null}
      {attemptAt !== null ? <CapturedExchange url="/socket.io/?EIO=4&transport=websocket" since={attemptAt} /> : null}
      <p className="widget__caption">
        The handshake succeeds (it is a real WebSocket), but what arrives is Engine.IO: <code>0{'{…}'}</code> opens a
        session, <code>2</code> is a ping every 25 s that this client never answers, and a plain “hello” is not a
        packet at all, so the server ends the connection.
      </p>
    </section>
  );
}

function SocketIoClientToPlainWebSocket() {
  const [outcome, setOutcome] = useState<string | null>(null);
  const [attemptAt, setAttemptAt] = useState<number | null>(null);
  const client = useRef<Socket | null>(null);

  useEffect(() => () => void client.current?.disconnect(), []);

  function connect(transport: 'websocket' | 'polling') {
    client.current?.disconnect();
    setOutcome('connecting…');
    setAttemptAt(Date.now() - 1000);
    const startedAt = performance.now();
    const socket = io({ path: '/ws', addTrailingSlash: false, transports: [transport], reconnection: false, timeout: 3000, forceNew: true });
    socket.on('connect', () => setOutcome('connected (unexpected!)'));
    socket.on('connect_error', (error) => {
      setOutcome(`connect_error after ${Math.round(performance.now() - startedAt)} ms: “${error.message}”`);
      socket.disconnect();
    });
    client.current = socket;
  }

  return (
    <section className="push-card" aria-label="A Socket.IO client talks to a plain WebSocket" data-testid="mismatch-socketio">
      <h3>Socket.IO client → /ws (plain echo)</h3>
      <p className="widget__caption mono">io({'{'} path: '/ws' {'}'})</p>
      <div className="widget__actions">
        <button type="button" className="button button--primary" onClick={() => connect('websocket')}>
          Connect over WebSocket
        </button>
        <button type="button" className="button" onClick={() => connect('polling')}>
          Connect with polling
        </button>
      </div>
      {outcome ? (
        <p className={outcome.startsWith('connect_error') ? 'result result--fail' : 'result'} data-testid="mismatch-outcome">
          {outcome}
        </p>
      ) : null}
      {attemptAt !== null ? <CapturedExchange urlPrefix="/ws?EIO=4" since={attemptAt} /> : null}
      <p className="widget__caption">
        Over WebSocket the handshake works, but the echo server never sends the Engine.IO open packet the client waits
        for, so it times out. With polling, <code>GET /ws?EIO=4&amp;transport=polling</code> is answered{' '}
        <code>426 Upgrade Required</code>: there is no Engine.IO server there at all.
      </p>
    </section>
  );
}

export default function ProtocolMismatch() {
  return (
    <figure className="widget" aria-label="Socket.IO and WebSocket do not understand each other" data-testid="protocol-mismatch">
      <div className="widget__bar">
        <strong className="widget__title">Socket.IO ≠ WebSocket, live</strong>
      </div>
      <div className="push-grid">
        <PlainWebSocketToSocketIo />
        <SocketIoClientToPlainWebSocket />
      </div>
      <figcaption className="widget__caption">
        Both attempts are real connections to this server; the wire tap captures them like any other.
      </figcaption>
    </figure>
  );
}
