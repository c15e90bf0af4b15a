// Reading the learner's own captures from a check (through the check context: the learner's cookie).

import { byteStringToBytes, headerValue, parseHttpHead, type Capture, type CaptureKind, type CaptureList } from '@loopwire/protocol';
import type { CheckContext } from '../../lib/live/context.ts';

export async function capturesOf(ctx: CheckContext, kind?: CaptureKind): Promise<Capture[]> {
  const response = await ctx.fetch(`/api/captures?limit=200${kind ? `&kind=${kind}` : ''}`);
  if (!response.ok) throw new Error(`The server answered ${response.status}`);
  return ((await response.json()) as CaptureList).captures;
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
