// Live checks of the feed lessons (polling, SSE, Socket.IO): the learner's own long polls a message
// released, their own SSE stream's first line, their own plain WebSocket's Engine.IO open packet.
// Checks read only the server's record of what this learner did, never run the experiment themselves:
// a learner who did nothing fails, and a typed answer counts only with the record of doing it.

import type { ReleasedLongPolls } from '@loopwire/contract';
import { requestJson } from '../../lib/api.ts';
import type { CheckContext, CheckResult, LiveCheck } from '../../lib/live/context.ts';
import { capturesOf, frameText, pathOf } from '../../lib/live/captures.ts';

/** A message posted this long ago still counts as "just posted". */
const recentMs = 15 * 60 * 1000;

export const transportChecks: Record<'posted-feed-message' | 'sse-retry-delay' | 'engineio-ping-interval', LiveCheck> = {
  'posted-feed-message': (answer, ctx) => checkReleasingMessage(answer, ctx),


  async 'sse-retry-delay'(answer, ctx) {
    const streams = (await capturesOf(ctx, 'sse')).filter((capture) => pathOf(capture) === '/api/sse/ticker');
    const retry = streams.map((capture) => /^retry: (\d+)$/m.exec(frameText(capture.responseBody?.preview ?? ''))?.[1]).find(Boolean);
    if (!retry) return { pass: false, message: 'No event stream of yours was captured yet: open the raw stream in the widget first.' };
    return answer.trim() === retry
      ? { pass: true, message: `Right: your stream opened with retry: ${retry}, so EventSource waits ${retry} ms before reconnecting.` }
      : { pass: false, message: 'Not that number. Read the very first line the server wrote on your stream.' };
  },


  async 'engineio-ping-interval'(answer, ctx) {
    // The plain WebSocket of the mismatch widget: straight to transport=websocket, with no Engine.IO sid.
    const plain = (await capturesOf(ctx, 'socket.io')).filter(
      (capture) => capture.status === 101 && capture.url.includes('transport=websocket') && !capture.url.includes('sid='),
    );
    const open = plain
      .flatMap((capture) => capture.frames)
      .map((frame) => (frame.direction === 'server' ? frameText(frame.payloadPreview) : ''))
      .find((text) => text.startsWith('0{'));
    const pingInterval = open ? /"pingInterval":(\d+)/.exec(open)?.[1] : undefined;
    if (!pingInterval) return { pass: false, message: 'No plain WebSocket of yours to /socket.io/ was captured yet: press Connect in the mismatch widget first.' };
    return answer.trim() === pingInterval
      ? { pass: true, message: `Right: pingInterval ${pingInterval}. A Socket.IO client answers each "2" with "3"; a plain WebSocket never does.` }
      : { pass: false, message: 'Not that number. Read the JSON after the leading 0 of the first message your plain WebSocket received.' };
  },
};

/** The id of a message that released at least one of this learner's held long polls, recently. */
async function checkReleasingMessage(answer: string, ctx: CheckContext): Promise<CheckResult> {
  const id = Number(answer.trim());
  if (!/^\d+$/.test(answer.trim()) || id < 1) return { pass: false, message: 'Type the id as a whole number, e.g. 42.' };
  const { released } = await requestJson<ReleasedLongPolls>('/api/poll/long/released', { fetch: ctx.fetch });
  const since = Date.now() - recentMs;
  const woken = released.filter((poll) => poll.at >= since && poll.messageIds.includes(id));
  if (woken.length === 0) {
    return released.some((poll) => poll.at >= since)
      ? { pass: false, message: `Message ${id} did not answer any of your waiting long polls. Type the id of the message that woke them.` }
      : { pass: false, message: 'None of your long polls has been answered by a message yet: send the long polls, then post while they wait.' };
  }
  const longest = Math.max(...woken.map((poll) => poll.heldMs));
  return { pass: true, message: `Found it: message ${id} answered ${woken.length} of your waiting long polls at once (one had waited ${(longest / 1000).toFixed(1)} s).` };
}
