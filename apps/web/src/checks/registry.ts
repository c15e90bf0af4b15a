// Live challenge checks: each asks the real server, so a pass means the learner did the real thing.
// Every check has a solution in solutions.test.ts that performs it against a real server.

import type { LiveCheckId } from '@loopwire/lessons';
import { whoamiOverWebSocket } from '../features/connection/whoami.ts';
import { floodCloseCode, latestBroadcast, reusedTicketStatus } from '../features/security/probes.ts';
import type { CheckContext } from '../lib/live/context.ts';
import { capturesOf, frameText, pathOf, webSocketKeyOf } from '../features/inspector/checks.ts';
import { labChecks } from '../features/loop-lab/checks.ts';
import { feedMessageById, readEngineIoOpen, readSseRetry } from '../features/transports/feed-probes.ts';

/** A message posted this long ago still counts as "just posted". */
const recentMs = 15 * 60 * 1000;

export interface CheckResult {
  pass: boolean;
  message: string;
}

export type LiveCheck = (answer: string, ctx: CheckContext) => Promise<CheckResult>;

export const liveChecks: Record<LiveCheckId, LiveCheck> = {
  async 'server-port-of-websocket'(answer, ctx) {
    const seen = await whoamiOverWebSocket(ctx);
    const port = seen.local.port;
    return answer.trim() === String(port)
      ? { pass: true, message: `Right: the server saw your WebSocket arrive on port ${port}, the page's own port.` }
      : { pass: false, message: 'Not that one. Open a WebSocket with the probe and read the server side of its 4-tuple.' };
  },
  async 'request-head-size'(answer, ctx) {
    const newest = (await capturesOf(ctx, 'http')).find((capture) => pathOf(capture) === '/api/health');
    if (!newest) return { pass: false, message: 'No /api/health request of yours was captured yet: send one with the widget first.' };
    const size = newest.requestHead.length;
    return answer.trim() === String(size)
      ? { pass: true, message: `Right: your newest /api/health request head was ${size} bytes, the blank line included.` }
      : { pass: false, message: 'Not that number. Count every byte of the newest /api/health request head, including each CR LF and the final empty line.' };
  },
  async 'own-websocket-key'(answer, ctx) {
    const key = answer.trim();
    const sockets = await capturesOf(ctx, 'websocket');
    const found = key.length > 0 && sockets.some((capture) => webSocketKeyOf(capture) === key);
    return found
      ? { pass: true, message: 'Right: the server received exactly that key from your browser, and answered with its Accept.' }
      : { pass: false, message: 'The server never received that key from you. Open a WebSocket and copy Sec-WebSocket-Key from the captured request head.' };
  },
  async 'server-answered-426'(_answer, ctx) {
    const refused = (await capturesOf(ctx)).find((capture) => capture.status === 426 && pathOf(capture) === '/ws');
    return refused
      ? { pass: true, message: `Yes: the server answered ${refused.method} /ws with 426 Upgrade Required (capture ${refused.id}).` }
      : { pass: false, message: 'No 426 from /ws in your captures yet. Send a request to /ws that does not ask for an upgrade.' };
  },
  async 'bytes-of-hi-frame'(answer, ctx) {
    const frames = (await capturesOf(ctx, 'websocket')).flatMap((capture) => capture.frames);
    const hi = frames.find((frame) => frame.direction === 'client' && frame.opcode === 0x1 && frameText(frame.payloadPreview) === 'hi');
    if (!hi) return { pass: false, message: 'No text frame "hi" from your browser was captured yet: send hi over a WebSocket first.' };
    const onWire = hi.headerBytes.length + hi.payloadLength;
    return answer.trim() === String(onWire)
      ? { pass: true, message: `Right: ${hi.headerBytes.length} header bytes (the mask key included) + ${hi.payloadLength} payload bytes = ${onWire}.` }
      : { pass: false, message: 'Not that number. Add the frame header (2 bytes), the masking key (4) and the payload.' };
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
  async 'reused-ticket-status'(answer, ctx) {
    const status = await reusedTicketStatus(ctx);
    return answer.trim() === String(status)
      ? { pass: true, message: `Right: a used ticket gets ${status}. The browser only saw a failed connection; the server said why.` }
      : { pass: false, message: 'Not that status. Reuse a ticket in the token widget, then press “Ask the server why”.' };
  },
  async 'rate-limit-close-code'(answer, ctx) {
    const code = await floodCloseCode(ctx);
    return answer.trim() === String(code)
      ? { pass: true, message: `Right: ${code}, Policy Violation. The token bucket let a burst through, then the server hung up.` }
      : { pass: false, message: 'Not that code. Flood /ws/limited in the limits widget and read the close code it reports.' };
  },
  async 'broadcast-ack-count'(answer, ctx) {
    const latest = await latestBroadcast(ctx);
    if (!latest) return { pass: false, message: 'No broadcast yet: start a fleet and press Broadcast first.' };
    if (!latest.done) return { pass: false, message: 'Your latest broadcast is still collecting acks; try again in a moment.' };
    return answer.trim() === String(latest.acked)
      ? { pass: true, message: `Right: ${latest.acked} of ${latest.recipients} devices acknowledged your latest broadcast.` }
      : { pass: false, message: `Not quite: the server counted a different number of acks for broadcast ${latest.id.slice(0, 8)}.` };
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
