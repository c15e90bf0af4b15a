// Live checks of the HTTP and WebSocket lessons: each reads the learner's own captures (through the
// check context: the learner's cookie), so only what their browser really sent passes.
// Checks read only the server's record of what this learner did, never run the experiment themselves:
// a learner who did nothing fails, and a typed answer counts only with the record of doing it.

import type { Frame } from '@loopwire/contract';
import type { LiveCheck } from '../../lib/live/context.ts';
import { capturesOf, frameText, pathOf, webSocketKeyOf } from '../../lib/live/captures.ts';

export const inspectorChecks: Record<
  'request-head-size' | 'own-websocket-key' | 'server-answered-426' | 'bytes-of-hi-frame' | 'private-close-code' | 'fragmented-message-frames',
  LiveCheck
> = {
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
  async 'fragmented-message-frames'(answer, ctx) {
    const fragmented = (await capturesOf(ctx, 'websocket')).map((capture) => fragmentedMessageIn(capture.frames)).find((frames) => frames !== null);
    if (!fragmented) {
      return { pass: false, message: 'No fragmented message to your browser was captured yet: open a WebSocket and ask the server for one.' };
    }
    return answer.trim() === String(fragmented.length)
      ? { pass: true, message: `Right: one message in ${fragmented.length} frames — FIN = 0 on all but the last, and opcode 0x0 (continuation) on all but the first.` }
      : { pass: false, message: 'Not that number. Count the frames from the one with FIN = 0 and opcode 0x1 to the continuation frame with FIN = 1.' };
  },
  async 'private-close-code'(answer, ctx) {
    const code = Number(answer.trim());
    if (!Number.isInteger(code) || code < 4000 || code > 4999) return { pass: false, message: 'Type a code from 4000 to 4999, the private-use range.' };
    const frames = (await capturesOf(ctx, 'websocket')).flatMap((capture) => capture.frames);
    return frames.some((frame) => frame.direction === 'client' && frame.closeCode === code)
      ? { pass: true, message: `Right: your browser's close frame carried ${code}, and the server answered with its own close frame.` }
      : { pass: false, message: `The server never received a close frame with ${code} from you. Close a WebSocket with that code first.` };
  },
};

/** The frames of the first message the server sent in fragments (RFC 6455 §5.4): a data frame with
 *  FIN = 0, continuation frames (opcode 0x0), the last with FIN = 1. Control frames may sit between them. */
function fragmentedMessageIn(frames: readonly Frame[]): Frame[] | null {
  const fromServer = frames.filter((frame) => frame.direction === 'server' && frame.opcode < 0x8);
  const first = fromServer.findIndex((frame) => !frame.fin && frame.opcode !== 0x0);
  if (first === -1) return null;
  const message = [fromServer[first]!];
  for (const frame of fromServer.slice(first + 1)) {
    if (frame.opcode !== 0x0) return null;
    message.push(frame);
    if (frame.fin) return message;
  }
  return null;
}
