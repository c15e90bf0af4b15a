// Socket.IO is its own protocol, shown live: a plain WebSocket to /socket.io/ receives Engine.IO packets
// it does not understand, and a Socket.IO client pointed at the plain /ws echo never connects.

import { useEffect, useRef, useState } from 'react';
import { decodePacket } from 'engine.io-parser';
import { Decoder, type Packet } from 'socket.io-parser';
import { io, type Socket } from 'socket.io-client';
import { webSocketUrl } from '../checks/context.ts';
import './transports.css';

interface Received {
  at: number;
  raw: string;
  meaning: string;
}

const socketIoPacketNames = ['CONNECT', 'DISCONNECT', 'EVENT', 'ACK', 'CONNECT_ERROR', 'BINARY_EVENT', 'BINARY_ACK'];

/** What an Engine.IO packet (and a Socket.IO packet inside a `message`) means, in words. */
export function explainEngineIo(raw: string): string {
  const packet = decodePacket(raw);
  if (packet.type === 'error') return 'not an Engine.IO packet';
  if (packet.type === 'open') return 'Engine.IO open: session id and ping settings';
  if (packet.type === 'ping') return 'Engine.IO ping: answer "3" (pong) or be dropped';
  if (packet.type !== 'message' || typeof packet.data !== 'string') return `Engine.IO ${packet.type}`;
  let decoded: Packet | null = null;
  const decoder = new Decoder();
  decoder.on('decoded', (value: Packet) => (decoded = value));
  try {
    decoder.add(packet.data);
  } catch {
    return 'Engine.IO message carrying something that is not a Socket.IO packet';
  }
  const inner = decoded as Packet | null;
  return inner ? `Engine.IO message → Socket.IO ${socketIoPacketNames[inner.type]}` : 'Engine.IO message';
}

function PlainWebSocketToSocketIo() {
  const [received, setReceived] = useState<Received[]>([]);
  const [closed, setClosed] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const socket = useRef<WebSocket | null>(null);
  const openedAt = useRef(0);

  useEffect(() => () => socket.current?.close(), []);

  function connect() {
    socket.current?.close();
    setReceived([]);
    setClosed(null);
    openedAt.current = performance.now();
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
      <h4>Plain WebSocket → /socket.io/</h4>
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
  const client = useRef<Socket | null>(null);

  useEffect(() => () => void client.current?.disconnect(), []);

  function connect(transport: 'websocket' | 'polling') {
    client.current?.disconnect();
    setOutcome('connecting…');
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
      <h4>Socket.IO client → /ws (plain echo)</h4>
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
