// Sec-WebSocket-Accept (RFC 6455 §4.2.2 item 5.4) as data: every step of the derivation, so a page
// can show key → key + GUID → SHA-1 → base64 instead of just the answer.

import { sha1 } from '@noble/hashes/legacy';
import { toBase64, toHex } from './bytes.js';

/** The fixed GUID every WebSocket server appends to the client's key (RFC 6455 §1.3). */
export const websocketGuid = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

export interface AcceptDerivation {
  key: string;
  guid: string;
  /** key + GUID, the string that is hashed. */
  concatenated: string;
  /** SHA-1 of the concatenation, 20 bytes as hex. */
  sha1Hex: string;
  /** base64 of the 20 SHA-1 bytes: the Sec-WebSocket-Accept value. */
  accept: string;
}

export function deriveAccept(key: string): AcceptDerivation {
  const concatenated = key + websocketGuid;
  // The key and GUID are ASCII, so each character is one byte.
  const digest = sha1(Uint8Array.from(concatenated, (char) => char.charCodeAt(0) & 0xff));
  return { key, guid: websocketGuid, concatenated, sha1Hex: toHex(digest, ''), accept: toBase64(digest) };
}
