// Live checks of the feed lessons (polling, SSE, Socket.IO): each reads the live feed itself.

import type { CheckContext, CheckResult, LiveCheck } from '../../lib/live/context.ts';
import { feedMessageById, readEngineIoOpen, readSseRetry } from './feed-probes.ts';

/** A message posted this long ago still counts as "just posted". */
const recentMs = 15 * 60 * 1000;

export const transportChecks: Record<'posted-feed-message' | 'sse-retry-delay' | 'engineio-ping-interval', LiveCheck> = {
  'posted-feed-message': (answer, ctx) => checkPostedMessage(answer, ctx),
  async 'sse-retry-delay'(answer, ctx) {
    const retry = await readSseRetry(ctx);
    return answer.trim() === String(retry)
      ? { pass: true, message: `Right: the stream opens with retry: ${retry}, so EventSource waits ${retry} ms before reconnecting.` }
      : { pass: false, message: 'Not that number. Open the raw stream and read the very first line the server writes.' };
  },
  async 'engineio-ping-interval'(answer, ctx) {
    const open = await readEngineIoOpen(ctx);
    return answer.trim() === String(open.pingInterval)
      ? { pass: true, message: `Right: pingInterval ${open.pingInterval}. A Socket.IO client answers each "2" with "3"; a plain WebSocket never does.` }
      : { pass: false, message: 'Not that number. Connect the plain WebSocket and read the JSON after the leading 0.' };
  },
};

async function checkPostedMessage(answer: string, ctx: CheckContext): Promise<CheckResult> {
  const id = Number(answer.trim());
  if (!/^\d+$/.test(answer.trim()) || id < 1) return { pass: false, message: 'Type the id as a whole number, e.g. 42.' };
  const message = await feedMessageById(ctx, id);
  if (!message) return { pass: false, message: `The feed has no message ${id}. Post one and copy the id from the 201 answer.` };
  if (Date.now() - message.at > recentMs) return { pass: false, message: `Message ${id} is older than 15 minutes: post a fresh one.` };
  return { pass: true, message: `Found it: message ${id}, “${message.text}”. Every open long poll was answered with it at once.` };
}
