// A string's UTF-8 size and first bytes without encoding all of it: what the tap needs of a
// WebSocket payload a library hands to the socket as text (Socket.IO does), without a Buffer per frame.

/**
 * Writes the first min(byteLength, `capacity`) bytes of `text`'s UTF-8 encoding into `target` (at
 * least 4 × (capacity + 1) bytes long) and returns the byte length of the whole encoding.
 */
export function utf8Prefix(text: string, target: Buffer, capacity: number): number {
  const length = text.length;
  if (length <= capacity) {
    // Short ASCII text (the usual JSON): its bytes are its char codes, copied in the same pass.
    let i = 0;
    for (; i < length; i++) {
      const code = text.charCodeAt(i);
      if (code > 0x7f) break;
      target[i] = code;
    }
    if (i === length) return length;
  }
  // One UTF-16 unit more than the bytes kept, so a surrogate pair straddling the cut still encodes whole.
  target.write(length <= capacity + 1 ? text : text.slice(0, capacity + 1), 0, 'utf8');
  return Buffer.byteLength(text, 'utf8');
}
