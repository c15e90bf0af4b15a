// WebSocket frames (RFC 6455 §5.2): an incremental decoder that is fed whatever a TCP read
// delivered (half a header, several frames, a 64-bit length) and reports each whole frame with
// the byte range of every header field, so a view can highlight exactly which bytes mean what.

export const opcodeNames: Readonly<Record<number, string>> = {
  0x0: 'continuation',
  0x1: 'text',
  0x2: 'binary',
  0x8: 'close',
  0x9: 'ping',
  0xa: 'pong',
};

/** Close codes (RFC 6455 §7.4.1 and the IANA registry). */
export const closeCodeNames: Readonly<Record<number, string>> = {
  1000: 'Normal Closure',
  1001: 'Going Away',
  1002: 'Protocol Error',
  1003: 'Unsupported Data',
  1005: 'No Status Received',
  1006: 'Abnormal Closure',
  1007: 'Invalid Frame Payload Data',
  1008: 'Policy Violation',
  1009: 'Message Too Big',
  1010: 'Mandatory Extension',
  1011: 'Internal Error',
  1012: 'Service Restart',
  1013: 'Try Again Later',
  1015: 'TLS Handshake',
};

/** Why a page may not close a WebSocket this way, or null when it may: browsers only send 1000 and
 *  3000–4999, with a reason of at most 123 UTF-8 bytes (WebSocket standard, close() steps 1–3); any
 *  other call throws. The rest of the codes are the server's and the protocol's to send. */
export function browserCloseProblem(code: number, reason: string): string | null {
  if (code !== 1000 && !(Number.isInteger(code) && code >= 3000 && code <= 4999)) {
    return `A browser may only send close code 1000 or 3000–4999, not ${code}; the server can send the others.`;
  }
  if (utf8Length(reason) > 123) return 'A close reason may be at most 123 bytes of UTF-8.';
  return null;
}

function utf8Length(text: string): number {
  let bytes = 0;
  for (const char of text) {
    const point = char.codePointAt(0)!;
    bytes += point < 0x80 ? 1 : point < 0x800 ? 2 : point < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/** The message the server sends as three frames when the page asks (`POST /api/ws/fragment`). */
export const fragmentedMessageParts = ['One message, ', 'sent as three ', 'frames.'] as const;

/** Codes this server sends on request, to show the ones a browser cannot (RFC 6455 §7.4.1). */
export const serverCloseCodesOnRequest = [1001, 1008, 1011] as const;
export type ServerCloseCodeOnRequest = (typeof serverCloseCodesOnRequest)[number];

export function opcodeName(opcode: number): string {
  return opcodeNames[opcode] ?? `reserved (0x${opcode.toString(16)})`;
}

export function closeCodeName(code: number): string {
  if (closeCodeNames[code]) return closeCodeNames[code];
  if (code >= 3000 && code <= 3999) return 'Registered (libraries and frameworks)';
  if (code >= 4000 && code <= 4999) return 'Private use (application)';
  return 'Unassigned';
}

export interface FrameHeader {
  fin: boolean;
  rsv: [boolean, boolean, boolean];
  opcode: number;
  opcodeName: string;
  masked: boolean;
  maskingKey: Uint8Array | null;
  payloadLength: number;
  /** 2, 4, 8, 10 or 14 bytes. */
  headerLength: number;
}

export interface FrameField {
  name: 'FIN' | 'RSV1' | 'RSV2' | 'RSV3' | 'opcode' | 'MASK' | 'payload length' | 'extended payload length' | 'masking key' | 'payload';
  /** Byte range within the frame, [start, end). Bit fields share a byte; `bits` says which. */
  start: number;
  end: number;
  /** For fields inside one byte: the bit mask of the field in that byte. */
  bits?: number;
  value: string;
}

/** Reads a frame header at the start of `bytes`; null if more bytes are needed. */
export function parseFrameHeader(bytes: Uint8Array): FrameHeader | null {
  if (bytes.length < 2) return null;
  const first = bytes[0]!;
  const second = bytes[1]!;
  const masked = (second & 0x80) !== 0;
  const shortLength = second & 0x7f;
  const lengthBytes = shortLength === 126 ? 2 : shortLength === 127 ? 8 : 0;
  const headerLength = 2 + lengthBytes + (masked ? 4 : 0);
  if (bytes.length < headerLength) return null;
  const payloadLength = frameHeaderPayloadLength(bytes);
  const opcode = first & 0x0f;
  return {
    fin: (first & 0x80) !== 0,
    rsv: [(first & 0x40) !== 0, (first & 0x20) !== 0, (first & 0x10) !== 0],
    opcode,
    opcodeName: opcodeName(opcode),
    masked,
    maskingKey: masked ? bytes.slice(2 + lengthBytes, headerLength) : null,
    payloadLength,
    headerLength,
  };
}

const bit = (on: boolean) => (on ? '1' : '0');

/** Every field of a frame header with its byte range, in wire order, then the payload. */
export function describeFrameFields(header: FrameHeader): FrameField[] {
  const lengthBytes = header.headerLength - 2 - (header.masked ? 4 : 0);
  const shortLength = lengthBytes === 2 ? 126 : lengthBytes === 8 ? 127 : header.payloadLength;
  const fields: FrameField[] = [
    { name: 'FIN', start: 0, end: 1, bits: 0x80, value: bit(header.fin) },
    { name: 'RSV1', start: 0, end: 1, bits: 0x40, value: bit(header.rsv[0]) },
    { name: 'RSV2', start: 0, end: 1, bits: 0x20, value: bit(header.rsv[1]) },
    { name: 'RSV3', start: 0, end: 1, bits: 0x10, value: bit(header.rsv[2]) },
    { name: 'opcode', start: 0, end: 1, bits: 0x0f, value: `0x${header.opcode.toString(16)} (${header.opcodeName})` },
    { name: 'MASK', start: 1, end: 2, bits: 0x80, value: bit(header.masked) },
    {
      name: 'payload length',
      start: 1,
      end: 2,
      bits: 0x7f,
      value: lengthBytes === 0 ? String(shortLength) : `${shortLength} (${lengthBytes === 2 ? '16' : '64'}-bit length follows)`,
    },
  ];
  if (lengthBytes > 0) {
    fields.push({ name: 'extended payload length', start: 2, end: 2 + lengthBytes, value: String(header.payloadLength) });
  }
  if (header.maskingKey) {
    const at = 2 + lengthBytes;
    fields.push({ name: 'masking key', start: at, end: at + 4, value: Array.from(header.maskingKey, (b) => b.toString(16).padStart(2, '0')).join(' ') });
  }
  fields.push({
    name: 'payload',
    start: header.headerLength,
    end: header.headerLength + header.payloadLength,
    value: `${header.payloadLength} bytes${header.masked ? ', masked' : ''}`,
  });
  return fields;
}

export interface DecodedFrame extends FrameHeader {
  /** The header exactly as sent. */
  headerBytes: Uint8Array;
  /** The first payload bytes, unmasked (at most the decoder's preview size). */
  payloadPreview: Uint8Array;
  /** Close frames: the status code and reason (RFC 6455 §5.5.1), if the payload carries one. */
  closeCode?: number;
  closeReason?: Uint8Array;
}

/** Every field of a frame the decoder reported (its raw header and the unmasked payload preview). */
export function decodeFrame(headerBytes: Uint8Array, payloadPreview: Uint8Array): DecodedFrame {
  const header = parseFrameHeader(headerBytes);
  if (header === null) throw new Error('not a whole frame header');
  const frame: DecodedFrame = { ...header, headerBytes, payloadPreview };
  if (header.opcode === 0x8 && payloadPreview.length >= 2) {
    frame.closeCode = (payloadPreview[0]! << 8) | payloadPreview[1]!;
    frame.closeReason = payloadPreview.subarray(2);
  }
  return frame;
}

/** The payload bytes of a frame as sent, unmasked with the key in its header (a copy; unmasked frames too). */
export function unmaskPreview(headerBytes: Uint8Array, sent: Uint8Array): Uint8Array {
  const plain = Uint8Array.from(sent);
  if ((headerBytes[1]! & 0x80) === 0) return plain;
  const keyAt = headerBytes.length - 4;
  for (let i = 0; i < plain.length; i++) plain[i]! ^= headerBytes[keyAt + (i & 3)]!;
  return plain;
}

/**
 * A frame header's length once its first two bytes are in (`available` bytes from `offset`), else
 * -1: 2, plus 2 or 8 for an extended payload length, plus 4 for a masking key.
 */
export function frameHeaderLength(bytes: Uint8Array, offset: number, available: number): number {
  if (available < 2) return -1;
  const second = bytes[offset + 1]!;
  const shortLength = second & 0x7f;
  return 2 + (shortLength === 126 ? 2 : shortLength === 127 ? 8 : 0) + (second & 0x80 ? 4 : 0);
}

/** The payload length a whole frame header at `offset` declares (7-bit, 16-bit or 64-bit field). */
export function frameHeaderPayloadLength(header: Uint8Array, offset = 0): number {
  const shortLength = header[offset + 1]! & 0x7f;
  if (shortLength === 126) return (header[offset + 2]! << 8) | header[offset + 3]!;
  if (shortLength !== 127) return shortLength;
  // 2^53 is far beyond any frame a server accepts; the high bytes still count, as numbers, not bits.
  let length = 0;
  for (let i = 2; i < 10; i++) length = length * 256 + header[offset + i]!;
  return length;
}
