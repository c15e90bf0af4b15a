// Experiments the security challenges run against the live server, in the page or in tests: reuse a
// WebSocket ticket, flood a rate-limited socket.

import type { HandshakeOutcome, IssuedTicket } from '@loopwire/contract';
import { requestJson } from '../../lib/api.ts';
import type { CheckContext, WebSocketLike } from '../../lib/live/context.ts';

const timeoutMs = 5000;

/** Resolves when the socket closes, with whether it ever opened and its close code. */
function settle(socket: WebSocketLike, onOpen: (socket: WebSocketLike) => void = () => {}): Promise<{ opened: boolean; code: number }> {
  return new Promise((resolve, reject) => {
    let opened = false;
    const timer = setTimeout(() => {
      socket.close();
      reject(new Error('The server did not answer within 5 s'));
    }, timeoutMs);
    socket.onopen = () => {
      opened = true;
      onOpen(socket);
    };
    socket.onerror = () => {};
    socket.onclose = (event) => {
      clearTimeout(timer);
      resolve({ opened, code: event.code });
    };
  });
}

/** Opens /ws/private with a fresh ticket, then again with the same one; returns the server's status for the second. */
export async function reusedTicketStatus(ctx: CheckContext): Promise<number> {
  const { ticket } = await requestJson<IssuedTicket>('/api/security/tickets', { method: 'POST', fetch: ctx.fetch });
  const first = await settle(ctx.openWebSocket(`/ws/private?ticket=${encodeURIComponent(ticket)}`), (socket) => socket.close(1000));
  if (!first.opened) throw new Error('A fresh ticket was refused');
  const attempt = `check-${Math.random().toString(36).slice(2, 10)}`;
  const second = await settle(ctx.openWebSocket(`/ws/private?ticket=${encodeURIComponent(ticket)}&attempt=${attempt}`));
  if (second.opened) return 101;
  const outcome = await ctx.fetch(`/api/security/attempts/${attempt}`);
  if (!outcome.ok) throw new Error('The server has no record of the refused handshake');
  return ((await outcome.json()) as HandshakeOutcome).status;
}

/** Opens /ws/limited, sends `count` messages at once, and returns the code the server closed with. */
export async function floodCloseCode(ctx: CheckContext, count = 300): Promise<number> {
  const { code } = await settle(ctx.openWebSocket('/ws/limited'), (socket) => {
    for (let n = 0; n < count; n += 1) socket.send(`flood ${n}`);
  });
  return code;
}
