// The first bytes of a string's UTF-8 encoding without encoding all of it: what the tap keeps of a
// WebSocket payload a library hands to the socket as text (Socket.IO does), when the text is not
// plain ASCII (that goes straight into the frame log) or is only part of its frame's payload.

/**
 * Writes the first min(UTF-8 length, `capacity`) bytes of `text`'s UTF-8 encoding into `target` (at
 * least 4 × (capacity + 1) bytes long). The caller knows the whole length (Buffer.byteLength).
 */
export function writeUtf8Prefix(text: string, target: Buffer, capacity: number): void {
  const length = text.length;
  if (length <= capacity) {
    // Short ASCII text: its bytes are its char codes, copied in the same pass that checks them.
    let i = 0;
    for (; i < length; i++) {
      const code = text.charCodeAt(i);
      if (code > 0x7f) break;
      target[i] = code;
    }
    if (i === length) return;
  }
  // One UTF-16 unit more than the bytes kept, so a surrogate pair straddling the cut still encodes whole.
  target.write(length <= capacity + 1 ? text : text.slice(0, capacity + 1), 0, 'utf8');
}
