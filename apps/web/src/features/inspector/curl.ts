// "Copy as curl": the captured request as a curl command line (masked values stay masked).

import { type Capture } from '@loopwire/contract';
import { parseHttpHead } from '@loopwire/protocol';
import { byteStringToText } from './bytes.ts';

const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

export function curlCommand(capture: Capture, origin: string): string {
  const head = parseHttpHead(capture.requestHead);
  const skip = new Set(['host', 'content-length', 'connection']);
  const parts = ['curl', '--include'];
  if (capture.method !== 'GET') parts.push('-X', capture.method);
  for (const header of head.headers) {
    if (!skip.has(header.name.toLowerCase())) parts.push('-H', quote(`${header.name}: ${header.value}`));
  }
  if (capture.requestBody.length > 0) parts.push('--data-binary', quote(byteStringToText(capture.requestBody.preview)));
  parts.push(quote(new URL(capture.url, origin).toString()));
  return parts.join(' ');
}
