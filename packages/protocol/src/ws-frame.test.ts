// Frame decoder against the examples of RFC 6455 §5.7, written as hex and fed in awkward pieces.

import { describe, expect, it } from 'vitest';
import { bytesToByteString, hexToBytes, toHex } from './bytes.js';
import { browserCloseProblem, closeCodeName, decodeFrame, describeFrameFields, FrameDecoder, unmaskPreview, type DecodedFrame } from './ws-frame.js';

function decodeAll(chunks: Uint8Array[], previewBytes = 256): DecodedFrame[] {
  const frames: DecodedFrame[] = [];
  // The decoder hands over the chunk or its scratch buffers, bytes as sent: copy, as every listener must, then unmask.
  const decoder = new FrameDecoder(
    (header, headerStart, headerLength, _payloadLength, preview, previewStart, previewLength) => {
      const headerBytes = header.slice(headerStart, headerStart + headerLength);
      frames.push(decodeFrame(headerBytes, unmaskPreview(headerBytes, preview.subarray(previewStart, previewStart + previewLength))));
    },
    { previewBytes },
  );
  for (const chunk of chunks) decoder.push(chunk);
  return frames;
}

const text = (bytes: Uint8Array) => bytesToByteString(bytes);

describe('FrameDecoder', () => {
  it('decodes a masked text frame "Hello" (RFC 6455 §5.7)', () => {
    const bytes = hexToBytes(
      '81' + //          FIN=1, RSV=000, opcode=0x1 (text)
        '85' + //        MASK=1, payload length=5
        '37 fa 21 3d' + // masking key
        '7f 9f 4d 51 58', // "Hello" XOR key
    );
    const [frame] = decodeAll([bytes]);
    expect(frame).toMatchObject({ fin: true, rsv: [false, false, false], opcode: 1, opcodeName: 'text', masked: true, payloadLength: 5, headerLength: 6 });
    expect(toHex(frame!.maskingKey!)).toBe('37 fa 21 3d');
    expect(toHex(frame!.headerBytes)).toBe('81 85 37 fa 21 3d');
    expect(text(frame!.payloadPreview)).toBe('Hello');
  });

  it('decodes the same bytes fed one at a time', () => {
    const bytes = hexToBytes('81 85 37 fa 21 3d 7f 9f 4d 51 58');
    const frames = decodeAll([...bytes].map((byte) => Uint8Array.of(byte)));
    expect(frames).toHaveLength(1);
    expect(text(frames[0]!.payloadPreview)).toBe('Hello');
  });

  it('decodes a header written alone and its payload in the next write (how ws sends), masked or not', () => {
    const frames = decodeAll([hexToBytes('81 05'), hexToBytes('48 65 6c 6c 6f'), hexToBytes('81 85 37 fa 21 3d'), hexToBytes('7f 9f 4d 51 58')]);
    expect(frames.map((frame) => [toHex(frame.headerBytes), text(frame.payloadPreview)])).toEqual([
      ['81 05', 'Hello'],
      ['81 85 37 fa 21 3d', 'Hello'],
    ]);
  });

  it('decodes whole frames and then one cut at the end of the read, finished by the next', () => {
    const hello = hexToBytes('81 85 37 fa 21 3d 7f 9f 4d 51 58');
    const twoAndAHalf = Uint8Array.from([...hello, ...hello, ...hello.subarray(0, 8)]);
    const frames = decodeAll([twoAndAHalf, hello.subarray(8)]);
    expect(frames.map((frame) => text(frame.payloadPreview))).toEqual(['Hello', 'Hello', 'Hello']);
  });

  it('decodes several frames in one read: a fragmented "Hel" + "lo", then an unmasked ping', () => {
    const bytes = hexToBytes(
      '01 03 48 65 6c' + //  FIN=0, opcode=0x1 (text, first fragment), length 3, "Hel"
        '80 02 6c 6f' + //   FIN=1, opcode=0x0 (continuation), length 2, "lo"
        '89 05 48 65 6c 6c 6f', // FIN=1, opcode=0x9 (ping), length 5, "Hello"
    );
    const frames = decodeAll([bytes]);
    expect(frames.map((frame) => [frame.fin, frame.opcodeName, text(frame.payloadPreview)])).toEqual([
      [false, 'text', 'Hel'],
      [true, 'continuation', 'lo'],
      [true, 'ping', 'Hello'],
    ]);
  });

  it('reads a 16-bit length (256 bytes) and keeps only the preview', () => {
    const payload = new Uint8Array(256).map((_, i) => i);
    const header = hexToBytes(
      '82' + //     FIN=1, opcode=0x2 (binary)
        '7e' + //   MASK=0, length=126: a 16-bit length follows
        '01 00', // extended payload length = 256
    );
    const [frame] = decodeAll([header, payload.subarray(0, 100), payload.subarray(100)], 16);
    expect(frame).toMatchObject({ opcodeName: 'binary', payloadLength: 256, headerLength: 4, masked: false });
    // Control frames need up to 125 bytes, so the preview is never shorter than that.
    expect(frame!.payloadPreview.length).toBe(125);
    expect(frame!.payloadPreview[124]).toBe(124);
  });

  it('reads a 64-bit length (65536 bytes) split across reads', () => {
    const header = hexToBytes(
      '82' + //                     FIN=1, opcode=0x2 (binary)
        '7f' + //                   MASK=0, length=127: a 64-bit length follows
        '00 00 00 00 00 01 00 00', // extended payload length = 65536
    );
    const body = new Uint8Array(65536);
    const frames = decodeAll([header.subarray(0, 3), header.subarray(3), body.subarray(0, 30000), body.subarray(30000), hexToBytes('8a 00')]);
    expect(frames.map((frame) => [frame.opcodeName, frame.payloadLength, frame.headerLength])).toEqual([
      ['binary', 65536, 10],
      ['pong', 0, 2],
    ]);
  });

  it('decodes a masked close frame with code 1000 and a reason', () => {
    const bytes = hexToBytes(
      '88' + //          FIN=1, opcode=0x8 (close)
        '86' + //        MASK=1, length 6
        '00 00 00 00' + // masking key of zeros: the payload reads as sent
        '03 e8' + //     status code 1000
        '62 79 65 21', // "bye!"
    );
    const [frame] = decodeAll([bytes]);
    expect(frame!.closeCode).toBe(1000);
    expect(text(frame!.closeReason!)).toBe('bye!');
    expect(closeCodeName(1000)).toBe('Normal Closure');
    expect(closeCodeName(4001)).toBe('Private use (application)');
  });

  it('names every header field with its byte range', () => {
    const [frame] = decodeAll([hexToBytes('81 fe 00 7e 01 02 03 04'), new Uint8Array(126)]);
    const fields = describeFrameFields(frame!);
    expect(fields.map((field) => [field.name, field.start, field.end])).toEqual([
      ['FIN', 0, 1],
      ['RSV1', 0, 1],
      ['RSV2', 0, 1],
      ['RSV3', 0, 1],
      ['opcode', 0, 1],
      ['MASK', 1, 2],
      ['payload length', 1, 2],
      ['extended payload length', 2, 4],
      ['masking key', 4, 8],
      ['payload', 8, 134],
    ]);
    expect(fields.find((field) => field.name === 'payload length')!.value).toBe('126 (16-bit length follows)');
  });
});

describe('FrameDecoder.pushPayload (payload handed over as its size and first bytes)', () => {
  const record = () => {
    const seen: string[] = [];
    const decoder = new FrameDecoder((header, headerStart, headerLength, payloadLength, preview, previewStart, previewLength) => {
      const headerBytes = header.slice(headerStart, headerStart + headerLength);
      seen.push(`${toHex(headerBytes)} | ${payloadLength} | ${toHex(unmaskPreview(headerBytes, preview.subarray(previewStart, previewStart + previewLength)))}`);
    });
    return { seen, decoder };
  };
  const payload = Uint8Array.from({ length: 300 }, (_, i) => (i * 7) & 0xff);
  const header16 = hexToBytes('81 7e 01 2c');

  it('reports what pushing the same bytes reports: whole, in two parts, then the next frame pushed as bytes', () => {
    const bytes = record();
    bytes.decoder.push(Uint8Array.from([...header16, ...payload, ...hexToBytes('81 05 48 65 6c 6c 6f')]));
    const whole = record();
    whole.decoder.push(header16);
    expect(whole.decoder.pushPayload(300, payload)).toBe(true);
    whole.decoder.push(hexToBytes('81 05 48 65 6c 6c 6f'));
    const parts = record();
    parts.decoder.push(header16);
    expect(parts.decoder.pushPayload(100, payload.subarray(0, 100))).toBe(true);
    expect(parts.decoder.pushPayload(200, payload.subarray(100))).toBe(true);
    parts.decoder.push(hexToBytes('81 05 48 65 6c 6c 6f'));
    expect(bytes.seen).toHaveLength(2);
    expect(whole.seen).toEqual(bytes.seen);
    expect(parts.seen).toEqual(bytes.seen);
  });

  it('takes nothing when a header is due or the bytes run past the frame', () => {
    const { seen, decoder } = record();
    expect(decoder.pushPayload(5, hexToBytes('48 65 6c 6c 6f'))).toBe(false);
    decoder.push(hexToBytes('81 05'));
    expect(decoder.pushPayload(6, hexToBytes('48 65 6c 6c 6f 21'))).toBe(false);
    expect(seen).toEqual([]);
    expect(decoder.pushPayload(5, hexToBytes('48 65 6c 6c 6f'))).toBe(true);
    expect(seen).toEqual(['81 05 | 5 | 48 65 6c 6c 6f']);
  });
});

describe('browserCloseProblem', () => {
  it('allows exactly what a browser can send: 1000 and 3000–4999, a reason of at most 123 bytes', () => {
    for (const code of [1000, 3000, 4000, 4999]) expect(browserCloseProblem(code, 'done'), String(code)).toBeNull();
    for (const code of [999, 1001, 1005, 1008, 1011, 2999, 5000]) expect(browserCloseProblem(code, ''), String(code)).toMatch(/1000 or 3000–4999/);
    expect(browserCloseProblem(1000, 'é'.repeat(61))).toBeNull();
    expect(browserCloseProblem(1000, 'é'.repeat(62))).toMatch(/123 bytes/);
  });
});
