// Reading the learner's own captures from a live check (through the check context: the learner's
// cookie), for the checks of several features.

import type { Capture, CaptureKind, CaptureList } from '@loopwire/contract';
import { byteStringToBytes, headerValue, parseHttpHead } from '@loopwire/protocol';
import { requestJson } from '../api.ts';
import type { CheckContext } from './context.ts';

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
