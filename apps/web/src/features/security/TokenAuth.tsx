// Token auth, both ways: Socket.IO sends a signed token in the handshake's `auth` payload (the
// server's middleware answers connect_error when it is missing, forged or expired); a raw WebSocket
// first fetches a short-lived single-use ticket over HTTP and puts only that in the URL (else 401).

import { useMachine } from '@xstate/react';
import { useEffect, useMemo, useState } from 'react';
import { io } from 'socket.io-client';
import type { HandshakeOutcome, IssuedTicket, IssuedToken } from '@loopwire/contract';
import { ioSessionMachine } from '../../lib/live/ioSession.machine.ts';
import { labSocketMachine } from './labSocket.machine.ts';
import { browserCheckContext } from '../../lib/live/context.ts';
import { requestJson } from '../../lib/api.ts';
import { newAttemptId } from './attempt.ts';
import '../../design/lab-panels.css';
import './security.css';

const connectSecure = (auth: Record<string, unknown>) =>
  io('/secure', { auth, forceNew: true, reconnection: false, transports: ['websocket'] });

function tamper(token: string): string {
  const last = token.at(-1) === 'A' ? 'B' : 'A';
  return `${token.slice(0, -1)}${last}`;
}

function SocketIoToken() {
  const input = useMemo(() => ({ connect: connectSecure }), []);
  const [state, send] = useMachine(ioSessionMachine, { input });
  const [name, setName] = useState('ada');
  const [note, setNote] = useState<string | null>(null);
  const [identity, setIdentity] = useState<string | null>(null);
  const busy = state.matches({ session: 'connecting' });

  async function connectWith(kind: 'none' | 'valid' | 'forged' | 'expired') {
    setIdentity(null);
    setNote(null);
    try {
      if (kind === 'none') return send({ type: 'CONNECT', auth: {} });
      const ttlMs = kind === 'expired' ? 1000 : 10 * 60_000;
      const issued = await requestJson<IssuedToken>('/api/security/tokens', { method: 'POST', body: { name, ttlMs } });
      if (kind === 'expired') {
        setNote('Got a token that lives 1 s; waiting 1.5 s before using it…');
        await new Promise((resolve) => setTimeout(resolve, 1500));
      }
      send({ type: 'CONNECT', auth: { token: kind === 'forged' ? tamper(issued.token) : issued.token } });
    } catch (caught) {
      setNote((caught as Error).message);
    }
  }

  const [throttled, setThrottled] = useState<string | null>(null);
  const socket = state.context.socket;

  useEffect(() => {
    if (!socket) return;
    let notices = 0;
    const onThrottled = (notice: { limitPerSecond: number }) => {
      notices += 1;
      setThrottled(`The server dropped events over ${notice.limitPerSecond}/s (secure:throttled × ${notices}).`);
    };
    socket.on('secure:throttled', onThrottled);
    return () => {
      socket.off('secure:throttled', onThrottled);
    };
  }, [socket]);

  function flood() {
    setThrottled(null);
    for (let n = 0; n < 120; n += 1) socket?.emit('secure:send', `event ${n}`, () => {});
  }

  async function whoami() {
    const socket = state.context.socket;
    if (!socket) return;
    const answer = (await socket.emitWithAck('secure:whoami')) as { user: string; expiresAt: number };
    setIdentity(`The server says you are “${answer.user}” until ${new Date(answer.expiresAt).toLocaleTimeString()}.`);
  }

  const status = state.matches('refused')
    ? `connect_error: ${state.context.error?.code} — ${state.context.error?.message}`
    : state.matches({ session: 'open' })
      ? 'connected to /secure'
      : state.matches('closed')
        ? `disconnected${state.context.dropReason ? ` (${state.context.dropReason})` : ''}`
        : busy
          ? 'connecting…'
          : 'not connected';

  return (
    <section className="lab-panel" aria-label="Socket.IO token">
      <h3>Socket.IO: token in the handshake’s auth payload</h3>
      <div className="lab-row">
        <label htmlFor="token-name">Name in the token</label>
        <input id="token-name" className="input" value={name} maxLength={32} onChange={(event) => setName(event.target.value)} />
      </div>
      <div className="lab-row">
        <button type="button" className="button" disabled={busy} onClick={() => void connectWith('none')}>No token</button>
        <button type="button" className="button" disabled={busy} onClick={() => void connectWith('forged')}>Tampered token</button>
        <button type="button" className="button" disabled={busy} onClick={() => void connectWith('expired')}>Expired token</button>
        <button type="button" className="button button--primary" disabled={busy} onClick={() => void connectWith('valid')}>Valid token</button>
      </div>
      <p aria-live="polite" data-testid="token-status">
        <strong>{status}</strong>
      </p>
      {note ? <p className="widget__caption">{note}</p> : null}
      {state.matches({ session: 'open' }) ? (
        <div className="lab-row">
          <button type="button" className="button" onClick={() => void whoami()}>Ask the server who I am</button>
          <button type="button" className="button" onClick={flood}>Send 120 events at once</button>
          <button type="button" className="button" onClick={() => socket?.emit('secure:send', 'x'.repeat(1_100_000), () => {})}>
            Send a 1.1 MB event
          </button>
          <button type="button" className="button" onClick={() => send({ type: 'DISCONNECT' })}>Disconnect</button>
        </div>
      ) : null}
      {throttled ? <p>{throttled}</p> : null}
      {identity ? <p>{identity}</p> : null}
    </section>
  );
}

function WebSocketTicket() {
  const input = useMemo(() => ({ open: (path: string) => browserCheckContext.openWebSocket(path) }), []);
  const [state, send] = useMachine(labSocketMachine, { input });
  const [ticket, setTicket] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [attempt, setAttempt] = useState<string | null>(null);

  function open(withTicket: string | null) {
    const tag = newAttemptId('ticket');
    setAttempt(tag);
    setRefusal(null);
    send({ type: 'OPEN', path: `/ws/private?attempt=${tag}${withTicket ? `&ticket=${encodeURIComponent(withTicket)}` : ''}` });
  }

  async function fetchAndOpen() {
    const issued = await requestJson<IssuedTicket>('/api/security/tickets', { method: 'POST' });
    setTicket(issued.ticket);
    open(issued.ticket);
  }

  async function explainRefusal() {
    if (!attempt) return;
    try {
      const outcome = await requestJson<HandshakeOutcome>(`/api/security/attempts/${attempt}`);
      setRefusal(`${outcome.status}: ${outcome.reason}`);
    } catch (caught) {
      setRefusal((caught as Error).message);
    }
  }

  const refused = state.matches('refused');
  return (
    <section className="lab-panel" aria-label="WebSocket ticket">
      <h3>Raw WebSocket: single-use ticket, fetched over HTTP first</h3>
      <div className="lab-row">
        <button type="button" className="button" onClick={() => open(null)}>Open without a ticket</button>
        <button type="button" className="button button--primary" onClick={() => void fetchAndOpen()}>Fetch a ticket, then open</button>
        <button type="button" className="button" disabled={!ticket} onClick={() => open(ticket)}>Reuse the same ticket</button>
      </div>
      <p aria-live="polite" data-testid="ticket-status">
        <strong>
          {refused
            ? `refused (the browser only says close ${state.context.closeCode})`
            : state.matches({ session: 'open' })
              ? 'open: the private feed arrived'
              : state.matches('closed')
                ? `closed ${state.context.closeCode}`
                : state.matches('session')
                  ? 'connecting…'
                  : 'not opened'}
        </strong>
      </p>
      {refused ? (
        <button type="button" className="button" onClick={() => void explainRefusal()}>Ask the server why</button>
      ) : null}
      {refusal ? <p>{refusal}</p> : null}
      {state.context.lastMessage ? <pre className="lab-details">{state.context.lastMessage}</pre> : null}
    </section>
  );
}

export default function TokenAuth() {
  return (
    <figure className="widget" aria-label="Token authentication">
      <div className="widget__bar">
        <strong className="widget__title">Tokens and tickets</strong>
      </div>
      <div className="lab-grid">
        <SocketIoToken />
        <WebSocketTicket />
      </div>
      <figcaption className="widget__caption">
        Browsers cannot set an Authorization header on a WebSocket. Socket.IO carries the token in its own handshake
        payload; a raw WebSocket carries a ticket that dies after one use or 30 seconds, so a URL in a log is worthless.
      </figcaption>
    </figure>
  );
}
