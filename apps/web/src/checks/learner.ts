// What a learner does in the widgets, performed from Node so the check tests can act as one learner:
// post to the feed, read the SSE stream's first lines, meet Socket.IO with a plain WebSocket, reuse a
// ticket, flood a rate-limited socket. The checks themselves never call these.

import type { FeedMessage, HandshakeOutcome, IssuedTicket, PostedFeedMessage } from '@loopwire/contract';
import type { CheckContext, WebSocketLike } from '../lib/live/context.ts';

export async function postFeedMessage(ctx: CheckContext, text: string): Promise<FeedMessage> {
  const response = await ctx.fetch('/api/poll/messages', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ text }),
  });
  if (response.status !== 201) throw new Error(`POST /api/poll/messages answered ${response.status}`);
  return ((await response.json()) as PostedFeedMessage).message;
}

/** Opens the SSE stream, reads until its `retry:` line, and closes it. */
export async function readSseRetry(ctx: CheckContext): Promise<number> {
  const controller = new AbortController();
  const response = await ctx.fetch('/api/sse/ticker?updates=0', { signal: controller.signal });
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  try {
    for (let reads = 0; reads < 20; reads++) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
      const retry = /^retry: (\d+)$/m.exec(text);
      if (retry) return Number(retry[1]);
    }
    throw new Error('The stream sent no retry: line.');
  } finally {
    controller.abort();
  }
}

export interface EngineIoOpen {
  sid: string;
  pingInterval: number;
  pingTimeout: number;
  maxPayload: number;
}

/** Connects a plain WebSocket to Socket.IO's endpoint and returns the Engine.IO open packet it gets. */
export function readEngineIoOpen(ctx: CheckContext, timeoutMs = 5000): Promise<EngineIoOpen> {
  return new Promise((resolve, reject) => {
    const socket = ctx.openWebSocket('/socket.io/?EIO=4&transport=websocket');
    const timer = setTimeout(() => {
      socket.close();
      reject(new Error('No Engine.IO open packet arrived.'));
    }, timeoutMs);
    socket.onmessage = (event) => {
      clearTimeout(timer);
      socket.close();
      const raw = String(event.data);
      if (!raw.startsWith('0')) reject(new Error(`Expected an open packet ("0{…}"), got ${raw.slice(0, 40)}`));
      else resolve(JSON.parse(raw.slice(1)) as EngineIoOpen);
    };
    socket.onerror = () => {
      clearTimeout(timer);
      reject(new Error('The WebSocket to /socket.io/ failed.'));
    };
  });
}

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
  const response = await ctx.fetch('/api/security/tickets', { method: 'POST' });
  if (!response.ok) throw new Error(`The server answered ${response.status} to a ticket request`);
  const { ticket } = (await response.json()) as IssuedTicket;
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
