// The load generator's framing: client frames must be valid masked frames, and server frames are
// split correctly however TCP cuts them.

import { describe, expect, it } from 'vitest';
import { clientFrame, FrameSplitter, type Frame } from '../src/raw-websocket.js';

function unmask(frame: Buffer): { fin: boolean; opcode: number; payload: string } {
  expect(frame[1]! & 0x80).toBe(0x80); // MASK bit: RFC 6455 §5.3 requires it on every client frame
  const length = frame[1]! & 0x7f;
  const offset = length === 126 ? 4 : 2;
  const key = frame.subarray(offset, offset + 4);
  const payload = Buffer.from(frame.subarray(offset + 4).map((byte, index) => byte ^ key[index & 3]!));
  return { fin: (frame[0]! & 0x80) !== 0, opcode: frame[0]! & 0x0f, payload: payload.toString('utf8') };
}

describe('clientFrame', () => {
  it('makes a final, masked text frame that unmasks to the payload', () => {
    expect(unmask(clientFrame('421["echo:send","hi"]'))).toEqual({ fin: true, opcode: 1, payload: '421["echo:send","hi"]' });
  });

  it('uses the 16-bit extended length from 126 bytes on', () => {
    const frame = clientFrame('x'.repeat(300));
    expect(frame[1]! & 0x7f).toBe(126);
    expect(frame.readUInt16BE(2)).toBe(300);
    expect(unmask(frame).payload).toBe('x'.repeat(300));
  });
});

describe('FrameSplitter', () => {
  // Two unmasked server frames: text "hello" (81 05 …) and text "2" (81 01 32, an Engine.IO ping).
  const stream = Buffer.from([0x81, 0x05, ...Buffer.from('hello'), 0x81, 0x01, 0x32]);

  it('splits frames whether they arrive together or one byte at a time', () => {
    const whole: Frame[] = [];
    new FrameSplitter().push(stream, (frame) => whole.push(frame));
    const trickled: Frame[] = [];
    const splitter = new FrameSplitter();
    for (const byte of stream) splitter.push(Buffer.from([byte]), (frame) => trickled.push({ ...frame, payload: Buffer.from(frame.payload) }));
    for (const frames of [whole, trickled]) {
      expect(frames.map((frame) => [frame.opcode, frame.payload.toString()])).toEqual([
        [1, 'hello'],
        [1, '2'],
      ]);
    }
  });

  it('reads 16-bit lengths', () => {
    const payload = Buffer.alloc(200, 0x61);
    const frames: Frame[] = [];
    new FrameSplitter().push(Buffer.concat([Buffer.from([0x81, 126, 0, 200]), payload]), (frame) => frames.push(frame));
    expect(frames).toHaveLength(1);
    expect(frames[0]!.payload.length).toBe(200);
  });
});
