import { describe, expect, it } from 'vitest';
import { FrameLog } from './capture-record.js';

const header = Uint8Array.of(0x81, 0x05);
const text = (value: string) => new TextEncoder().encode(value);
const read = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

function addText(log: FrameLog, at: number, value: string, from: 'client' | 'server' = 'server') {
  const payload = text(value);
  log.add(at, from, header, 0, header.length, payload.length, payload, 0, payload.length);
}

describe('FrameLog', () => {
  it('keeps the first 50 frames for good and the newest 150 in order, counting the rest', () => {
    const log = new FrameLog();
    for (let i = 0; i < 1000; i++) addText(log, i, `frame ${i}`);
    const frames = log.all();
    expect(frames).toHaveLength(200);
    expect(log.omitted).toBe(800);
    expect(frames.slice(0, 50).map((frame) => frame.at)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(frames.slice(50).map((frame) => frame.at)).toEqual(Array.from({ length: 150 }, (_, i) => 850 + i));
    expect(read(frames[199]!.payloadPreview)).toBe('frame 999');
    expect(read(log.latest()!.payloadPreview)).toBe('frame 999');
  });

  it('keeps each frame’s header, direction, length and preview, also after a longer frame widens the log', () => {
    const log = new FrameLog();
    addText(log, 1, 'short', 'client');
    const long = 'x'.repeat(300);
    addText(log, 2, long);
    const [first, second] = log.all();
    expect(first).toMatchObject({ at: 1, direction: 'client', payloadLength: 5 });
    expect([...first!.headerBytes]).toEqual([0x81, 0x05]);
    expect(read(first!.payloadPreview)).toBe('short');
    expect(second).toMatchObject({ at: 2, direction: 'server', payloadLength: 300 });
    expect(read(second!.payloadPreview)).toBe('x'.repeat(256));
  });

  it('keeps a masked frame as sent and shows it unmasked, from a header and payload in separate arrays', () => {
    const log = new FrameLog();
    const chunk = Uint8Array.of(0xff, 0x81, 0x85, 0x37, 0xfa, 0x21, 0x3d, 0x7f, 0x9f, 0x4d, 0x51, 0x58); // RFC 6455 §5.7 "Hello"
    log.add(7, 'client', chunk, 1, 6, 5, chunk, 7, 5);
    const [frame] = log.all();
    expect([...frame!.headerBytes]).toEqual([0x81, 0x85, 0x37, 0xfa, 0x21, 0x3d]);
    expect(read(frame!.payloadPreview)).toBe('Hello');
    expect(read(log.latest()!.payloadPreview)).toBe('Hello');
  });

  it('has nothing to show before the first frame', () => {
    const log = new FrameLog();
    expect(log.all()).toEqual([]);
    expect(log.latest()).toBeNull();
    expect(log.size).toBe(0);
  });
});
