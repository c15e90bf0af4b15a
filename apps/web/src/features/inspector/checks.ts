// Live checks of the HTTP and WebSocket lessons: each reads the learner's own captures (through the
// check context: the learner's cookie), so only what their browser really sent passes.

import { type Capture, type CaptureKind, type CaptureList } from '@loopwire/contract';
import { byteStringToBytes, headerValue, parseHttpHead } from '@loopwire/protocol';
import { requestJson } from '../../lib/api.ts';
import type { CheckContext, LiveCheck } from '../../lib/live/context.ts';

export async function capturesOf(ctx: CheckContext, kind?: CaptureKind): Promise<Capture[]> {
  return (await requestJson<CaptureList>(`/api/captures?limit=200${kind ? `&kind=${kind}` : ''}`, { fetch: ctx.fetch })).captures;
}

export function pathOf(capture: Capture): string {
  return capture.url.split('?')[0]!;
}

export function webSocketKeyOf(capture: Capture): string | undefined {
  return headerValue(parseHttpHead(capture.requestHead), 'sec-websocket-key');
}

export function frameText(payloadPreview: string): string {
  return new TextDecoder().decode(byteStringToBytes(payloadPreview));
}

export const inspectorChecks: Record<
  'request-head-size' | 'own-websocket-key' | 'server-answered-426' | 'bytes-of-hi-frame' | 'private-close-code',
  LiveCheck
> = {
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
};
