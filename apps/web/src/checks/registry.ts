// Live challenge checks. Each reads the server's record of what this learner did (their sid's
// captures, their attempt log, their job and experiment history, their broadcasts) and never does
// the experiment itself: a learner who did nothing fails every check, and a typed answer counts
// only together with the record of doing it. solutions.test.ts runs each both ways.

import type { LiveCheckId } from '@loopwire/lessons';
import type { HandshakeOutcomes, ReleasedLongPolls } from '@loopwire/protocol';
import { latestBroadcast } from '../features/fanout/latest-broadcast.ts';
import type { CheckContext } from '../lib/live/context.ts';
import { capturesOf, frameText, pathOf, webSocketKeyOf } from '../features/inspector/checks.ts';
import { labChecks } from '../features/loop-lab/checks.ts';

/** A message posted this long ago still counts as "just posted". */
const recentMs = 15 * 60 * 1000;

export interface CheckResult {
  pass: boolean;
  message: string;
}

export type LiveCheck = (answer: string, ctx: CheckContext) => Promise<CheckResult>;

async function json<T>(ctx: CheckContext, path: string): Promise<T> {
  const response = await ctx.fetch(path);
  if (!response.ok) throw new Error(`The server answered ${response.status}`);
  return (await response.json()) as T;
}

export const liveChecks: Record<LiveCheckId, LiveCheck> = {
  async 'server-port-of-websocket'(answer, ctx) {
    const probe = (await capturesOf(ctx, 'websocket')).find((capture) => pathOf(capture) === '/ws/whoami' && capture.status === 101);
    if (!probe) return { pass: false, message: 'No WebSocket from the probe in your captures yet: press Ask over WebSocket first.' };
    const port = probe.local.port;
    return answer.trim() === String(port)
      ? { pass: true, message: `Right: the server saw your WebSocket arrive on port ${port}, the page's own port.` }
      : { pass: false, message: 'Not that one. Read the server side of the 4-tuple your WebSocket arrived on.' };
  },
  async 'request-head-size'(answer, ctx) {
    // The widget marks its requests with ?exchange=…; the page's own health checks do not count.
    const newest = (await capturesOf(ctx, 'http')).find((capture) => pathOf(capture) === '/api/health' && capture.url.includes('exchange='));
    if (!newest) return { pass: false, message: 'No /api/health request from the exchange widget was captured yet: send one first.' };
    const size = newest.requestHead.length;
    return answer.trim() === String(size)
      ? { pass: true, message: `Right: your newest /api/health request head was ${size} bytes, the blank line included.` }
      : { pass: false, message: 'Not that number. Count every byte of your newest /api/health request head, including each CR LF and the final empty line.' };
  },
  async 'own-websocket-key'(answer, ctx) {
    const key = answer.trim();
    const sockets = await capturesOf(ctx, 'websocket');
    const found = key.length > 0 && sockets.some((capture) => webSocketKeyOf(capture) === key);
    return found
      ? { pass: true, message: 'Right: the server received exactly that key from your browser, and answered with its Accept.' }
      : { pass: false, message: 'The server never received that key from you. Open a WebSocket and copy Sec-WebSocket-Key from the captured request head.' };
  },
  async 'server-answered-426'(answer, ctx) {
    const refused = (await capturesOf(ctx)).find((capture) => capture.status === 426 && pathOf(capture) === '/ws');
    if (!refused) return { pass: false, message: 'No 426 from /ws in your captures yet. Send a request to /ws that does not ask for an upgrade.' };
    return /\b426\b/.test(answer)
      ? { pass: true, message: `Yes: the server answered ${refused.method} /ws with 426 Upgrade Required (capture ${refused.id}).` }
      : { pass: false, message: 'The server did refuse your request; now type the status code its answer carried.' };
  },
  async 'bytes-of-hi-frame'(answer, ctx) {
    const frames = (await capturesOf(ctx, 'websocket')).flatMap((capture) => capture.frames);
    const hi = frames.find((frame) => frame.direction === 'client' && frame.opcode === 0x1 && frameText(frame.payloadPreview) === 'hi');
    if (!hi) return { pass: false, message: 'No text frame "hi" from your browser was captured yet: send hi over a WebSocket first.' };
    const onWire = hi.headerBytes.length + hi.payloadLength;
    return answer.trim() === String(onWire)
      ? { pass: true, message: `Right: ${hi.headerBytes.length} header bytes (the mask key included) + ${hi.payloadLength} payload bytes = ${onWire}.` }
      : { pass: false, message: 'Not that number. Add the frame header, the masking key and the payload of your "hi" frame.' };
  },
  async 'private-close-code'(answer, ctx) {
    const code = Number(answer.trim());
    if (!Number.isInteger(code) || code < 4000 || code > 4999) return { pass: false, message: 'Type a code from 4000 to 4999, the private-use range.' };
    const frames = (await capturesOf(ctx, 'websocket')).flatMap((capture) => capture.frames);
    return frames.some((frame) => frame.direction === 'client' && frame.closeCode === code)
      ? { pass: true, message: `Right: your browser's close frame carried ${code}, and the server answered with its own close frame.` }
      : { pass: false, message: `The server never received a close frame with ${code} from you. Close a WebSocket with that code first.` };
  },
  ...labChecks,
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
  async 'reused-ticket-status'(answer, ctx) {
    const { attempts } = await json<HandshakeOutcomes>(ctx, '/api/security/attempts');
    const reuse = attempts.findLast((attempt) => attempt.path === '/ws/private' && /already used/.test(attempt.reason));
    if (!reuse) return { pass: false, message: 'The server has not refused a reused ticket of yours yet: reuse one in the token widget first.' };
    return answer.trim() === String(reuse.status)
      ? { pass: true, message: `Right: your reused ticket got ${reuse.status}. The browser only saw a failed connection; the server said why.` }
      : { pass: false, message: 'Not that status. Press “Ask the server why” after reusing the ticket.' };
  },
  async 'rate-limit-close-code'(answer, ctx) {
    const closes = (await capturesOf(ctx, 'websocket'))
      .filter((capture) => pathOf(capture) === '/ws/limited')
      .flatMap((capture) => capture.frames)
      .filter((frame) => frame.direction === 'server' && frame.closeCode === 1008);
    const close = closes[0];
    if (!close) return { pass: false, message: 'The server has not closed a flooding socket of yours yet: flood /ws/limited in the limits widget first.' };
    return closes.some((frame) => answer.trim() === String(frame.closeCode))
      ? { pass: true, message: `Right: ${answer.trim()}, the close code the server sent when your socket went over its limit.` }
      : { pass: false, message: 'Not that code. Read the close code the limits widget reported for your flood.' };
  },
  async 'broadcast-ack-count'(answer, ctx) {
    const latest = await latestBroadcast(ctx);
    if (!latest) return { pass: false, message: 'You have not broadcast yet: start a fleet and press Broadcast first.' };
    if (!latest.done) return { pass: false, message: 'Your latest broadcast is still collecting acks; try again in a moment.' };
    return answer.trim() === String(latest.acked)
      ? { pass: true, message: `Right: ${latest.acked} of ${latest.recipients} devices acknowledged your latest broadcast.` }
      : { pass: false, message: `Not quite: the server counted a different number of acks for your broadcast ${latest.id.slice(0, 8)}.` };
  },
};

/** The id of a message that released at least one of this learner's held long polls, recently. */
async function checkReleasingMessage(answer: string, ctx: CheckContext): Promise<CheckResult> {
  const id = Number(answer.trim());
  if (!/^\d+$/.test(answer.trim()) || id < 1) return { pass: false, message: 'Type the id as a whole number, e.g. 42.' };
  const { released } = await json<ReleasedLongPolls>(ctx, '/api/poll/long/released');
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
