// Small probes of the live feed that challenges check against: a posted message, the SSE stream's
// `retry:` line, and the Engine.IO open packet a plain WebSocket receives from Socket.IO.

import type { FeedMessage, FeedMessages, PostedFeedMessage } from '@loopwire/contract';
import { requestJson } from '../../lib/api.ts';
import type { CheckContext } from '../../lib/live/context.ts';

export async function postFeedMessage(ctx: CheckContext, text: string): Promise<FeedMessage> {
  return (await requestJson<PostedFeedMessage>('/api/poll/messages', { body: { text }, fetch: ctx.fetch })).message;
}

/** The feed message with exactly this id, if the server still holds it. */
export async function feedMessageById(ctx: CheckContext, id: number): Promise<FeedMessage | null> {
  const response = await ctx.fetch(`/api/poll/short?after=${id - 1}`);
  if (response.status !== 200) return null;
  const { messages } = (await response.json()) as FeedMessages;
  return messages.find((message) => message.id === id) ?? null;
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
