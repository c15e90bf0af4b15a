// Byte helpers shared by the decoders: captured bytes travel as latin1 "byte strings" (one char per
// byte, 0–255) because JSON cannot carry a Uint8Array and the heads are latin1 on the wire anyway.

export function bytesToByteString(bytes: Uint8Array): string {
  let out = '';
  // Chunked so a large preview never hits the argument limit of String.fromCharCode.
  for (let start = 0; start < bytes.length; start += 4096) {
    out += String.fromCharCode(...bytes.subarray(start, start + 4096));
  }
  return out;
}

export function byteStringToBytes(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i) & 0xff;
  return bytes;
}

export function toHex(bytes: Uint8Array, separator = ' '): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join(separator);
}

export function hexToBytes(hex: string): Uint8Array {
  const digits = hex.replace(/\s+/g, '');
  if (digits.length % 2 !== 0 || /[^0-9a-f]/i.test(digits)) throw new Error(`not a hex string: ${hex}`);
  const bytes = new Uint8Array(digits.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(digits.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

const base64Alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard base64 with padding (RFC 4648 §4), as Sec-WebSocket-Accept uses. */
export function toBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    const triple = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += base64Alphabet[(triple >> 18) & 63]! + base64Alphabet[(triple >> 12) & 63]!;
    out += b === undefined ? '=' : base64Alphabet[(triple >> 6) & 63]!;
    out += c === undefined ? '=' : base64Alphabet[triple & 63]!;
  }
  return out;
}
