// Showing captured bytes: byte strings (latin1, one char per byte) as text, hex, and with visible line endings.

import { byteStringToBytes } from '@loopwire/protocol';

export function byteStringToText(byteString: string): string {
  return new TextDecoder().decode(byteStringToBytes(byteString));
}

/** Control characters (other than tab and line endings) shown as a middle dot, so nothing invisible hides. */
export function printable(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.charCodeAt(0);
    const control = (code < 0x20 && char !== '\t' && char !== '\n' && char !== '\r') || (code >= 0x7f && code <= 0x9f);
    out += control ? '·' : char;
  }
  return out;
}

export function formatBytes(count: number): string {
  return count < 1024 ? `${count} B` : `${(count / 1024).toFixed(1)} KiB`;
}
