// Frame headers and close codes against RFC 6455: lengths, field ranges, what a browser may send.
// (Finding frames in a stream of reads is the tap's: apps/server/src/tap/frame-stream.test.ts.)

import { describe, expect, it } from 'vitest';
import { bytesToByteString, hexToBytes } from './bytes.js';
import { browserCloseProblem, closeCodeName, decodeFrame, describeFrameFields, frameHeaderLength, frameHeaderPayloadLength, parseFrameHeader } from './ws-frame.js';

describe('frame headers', () => {
  it('knows a header\'s length from its first two bytes, and the payload length it declares (7-, 16- and 64-bit)', () => {
    const long = hexToBytes('82 ff 00 00 00 00 00 01 00 00 37 fa 21 3d'); // masked, 64-bit length
    const headers = [hexToBytes('81 05'), hexToBytes('81 85 37 fa 21 3d'), hexToBytes('82 7e 01 00'), long];
    expect(headers.map((header) => frameHeaderLength(header, 0, header.length))).toEqual([2, 6, 4, 14]);
    expect(headers.map((header) => frameHeaderPayloadLength(header))).toEqual([5, 5, 256, 65536]);
    expect(frameHeaderLength(hexToBytes('81'), 0, 1)).toBe(-1);
    // Where a header starts inside a read.
    const inRead = Uint8Array.from([0x48, 0x69, ...long]);
    expect([frameHeaderLength(inRead, 2, long.length), frameHeaderPayloadLength(inRead, 2)]).toEqual([14, 65536]);
  });

  it('decodes a masked close frame with code 1000 and a reason', () => {
    const bytes = hexToBytes(
      '88' + //          FIN=1, opcode=0x8 (close)
        '86' + //        MASK=1, length 6
        '00 00 00 00' + // masking key of zeros: the payload reads as sent
        '03 e8' + //     status code 1000
        '62 79 65 21', // "bye!"
    );
    const frame = decodeFrame(bytes.subarray(0, 6), bytes.subarray(6));
    expect(frame.closeCode).toBe(1000);
    expect(bytesToByteString(frame.closeReason!)).toBe('bye!');
    expect(closeCodeName(1000)).toBe('Normal Closure');
    expect(closeCodeName(4001)).toBe('Private use (application)');
  });

  it('names every header field with its byte range', () => {
    const fields = describeFrameFields(parseFrameHeader(hexToBytes('81 fe 00 7e 01 02 03 04'))!);
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

describe('browserCloseProblem', () => {
  it('allows exactly what a browser can send: 1000 and 3000–4999, a reason of at most 123 bytes', () => {
    for (const code of [1000, 3000, 4000, 4999]) expect(browserCloseProblem(code, 'done'), String(code)).toBeNull();
    for (const code of [999, 1001, 1005, 1008, 1011, 2999, 5000]) expect(browserCloseProblem(code, ''), String(code)).toMatch(/1000 or 3000–4999/);
    expect(browserCloseProblem(1000, 'é'.repeat(61))).toBeNull();
    expect(browserCloseProblem(1000, 'é'.repeat(62))).toMatch(/123 bytes/);
  });
});
