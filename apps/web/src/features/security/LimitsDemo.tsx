// Limits on /ws/limited, hit from your browser: a message over the size limit (close 1009), a
// flood past the per-connection token bucket (close 1008), and one connection too many for your
// browser's sid (handshake refused 429, looked up on the server because browsers hide it).

import { useMachine } from '@xstate/react';
import { useMemo, useState } from 'react';
import type { HandshakeOutcome } from '@loopwire/contract';
import { labSocketMachine } from './labSocket.machine.ts';
import { browserCheckContext, webSocketUrl } from '../../lib/live/context.ts';
import { requestJson } from '../../lib/api.ts';
import { newAttemptId } from './attempt.ts';
import { useSecurityInfo } from './useSecurityInfo.ts';
import '../../design/lab-panels.css';

const floodSize = 200;

/** Opens max + 1 sockets at once; the last one is refused. Closes them all afterwards. */
async function tryTooMany(max: number): Promise<string[]> {
  const opened: WebSocket[] = [];
  const lines: string[] = [];
  try {
    for (let n = 1; n <= max + 1; n += 1) {
      const attempt = newAttemptId('conn');
      const socket = new WebSocket(webSocketUrl(`/ws/limited?attempt=${attempt}`));
      opened.push(socket);
      const ok = await new Promise<boolean>((resolve) => {
        socket.onopen = () => resolve(true);
        socket.onclose = () => resolve(false);
      });
      if (ok) {
        lines.push(`connection ${n}: open`);
        continue;
      }
      const outcome = await requestJson<HandshakeOutcome>(`/api/security/attempts/${attempt}`).catch(() => null);
      lines.push(`connection ${n}: refused ${outcome ? `${outcome.status} — ${outcome.reason}` : '(status unknown)'}`);
    }
  } finally {
    for (const socket of opened) socket.close();
  }
  return lines;
}

export default function LimitsDemo() {
  const { info } = useSecurityInfo();
  const input = useMemo(() => ({ open: (path: string) => browserCheckContext.openWebSocket(path) }), []);
  const [state, send] = useMachine(labSocketMachine, { input });
  const [sent, setSent] = useState(0);
  const [connections, setConnections] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const socket = state.context.socket;
  const open = state.matches({ session: 'open' });

  function sendAll(messages: string[]) {
    if (!socket) return;
    for (const message of messages) socket.send(message);
    setSent((count) => count + messages.length);
  }

  async function runConnections() {
    if (!info) return;
    setBusy(true);
    setConnections(await tryTooMany(info.maxConnectionsPerSid));
    setBusy(false);
  }

  const verdict = state.matches('closed')
    ? `closed by the server: ${state.context.closeCode}${state.context.closeReason ? ` (${state.context.closeReason})` : ''}`
    : open
      ? 'open'
      : state.matches('refused')
        ? 'refused'
        : state.matches('session')
          ? 'connecting…'
          : 'not opened';

  return (
    <figure className="widget" aria-label="Size and rate limits">
      <div className="widget__bar">
        <strong className="widget__title">Limits</strong>
        <div className="widget__actions">
          <button
            type="button"
            className="button button--primary"
            disabled={open || state.matches({ session: 'connecting' })}
            onClick={() => {
              setSent(0);
              send({ type: 'OPEN', path: '/ws/limited' });
            }}
          >
            Open /ws/limited
          </button>
        </div>
      </div>
      {info ? (
        <ul className="lab-stats">
          <li>
            <span className="lab-stats__value">{(info.limitedMaxMessageBytes / 1024).toFixed(0)} KiB</span>
            <span className="lab-stats__label">max message</span>
          </li>
          <li>
            <span className="lab-stats__value">{info.messageRateLimit}/s</span>
            <span className="lab-stats__label">messages per connection</span>
          </li>
          <li>
            <span className="lab-stats__value">{info.maxConnectionsPerSid}</span>
            <span className="lab-stats__label">connections per browser</span>
          </li>
        </ul>
      ) : null}
      <div className="lab-row">
        <button type="button" className="button" disabled={!open || !info} onClick={() => sendAll(['x'.repeat((info?.limitedMaxMessageBytes ?? 0) + 1)])}>
          Send one message 1 byte over the limit
        </button>
        <button type="button" className="button" disabled={!open} onClick={() => sendAll(Array.from({ length: floodSize }, (_, n) => `flood ${n}`))}>
          Send {floodSize} messages at once
        </button>
        <button type="button" className="button" disabled={busy || !info} onClick={() => void runConnections()}>
          Open {info ? info.maxConnectionsPerSid + 1 : '…'} connections
        </button>
      </div>
      <p aria-live="polite" data-testid="limits-status">
        <strong>{verdict}</strong> · sent {sent}, echoed back {state.context.received}
      </p>
      {connections.length > 0 ? (
        <ul className="lab-log" data-testid="limits-connections">
          {connections.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : null}
      <figcaption className="widget__caption">
        1009 means Message Too Big and 1008 Policy Violation (RFC 6455 §7.4.1). The rate limit is a token bucket: a
        burst of {info?.messageRateLimit ?? 50} passes, then {info?.messageRateLimit ?? 50} per second refill.
      </figcaption>
    </figure>
  );
}
