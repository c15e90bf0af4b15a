import { describe, expect, it } from 'vitest';
import { decodeFrame, parseFrameHeader, unmaskPreview } from '@loopwire/protocol';
import { FrameLog, previewBytes, type CaptureRecord } from './capture-record.js';
import { CaptureStore } from './capture-store.js';
import { FrameStream } from './frame-stream.js';

const text = (value: string) => new TextEncoder().encode(value);
const read = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

/** An unmasked text frame's header (7- or 16-bit length), as a server sends it. */
const textHeader = (length: number) => (length < 126 ? Uint8Array.of(0x81, length) : Uint8Array.of(0x81, 126, length >> 8, length & 0xff));

function addText(log: FrameLog, at: number, value: string, from: 'client' | 'server' = 'server') {
  const payload = text(value);
  const header = textHeader(payload.length);
  log.add(at, from, header, 0, header.length, payload, 0, payload.length);
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
    expect([...second!.headerBytes]).toEqual([0x81, 126, 0x01, 0x2c]);
    expect(read(first!.payloadPreview)).toBe('short');
    expect(second).toMatchObject({ at: 2, direction: 'server', payloadLength: 300 });
    expect(read(second!.payloadPreview)).toBe('x'.repeat(256));
  });

  it('keeps a masked frame as sent and shows it unmasked, from a header and payload in separate arrays', () => {
    const log = new FrameLog();
    const chunk = Uint8Array.of(0xff, 0x81, 0x85, 0x37, 0xfa, 0x21, 0x3d, 0x7f, 0x9f, 0x4d, 0x51, 0x58); // RFC 6455 §5.7 "Hello"
    log.add(7, 'client', chunk, 1, 6, chunk, 7, 5);
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

  it('keeps each frame’s time to the millisecond, also when the clock steps back', () => {
    const log = new FrameLog();
    const now = 1_764_633_600_123;
    for (const at of [now, now + 1, now + 86_400_000, now - 5000]) addText(log, at, 'tick');
    expect(log.all().map((frame) => frame.at)).toEqual([now, now + 1, now + 86_400_000, now - 5000]);
  });

  it('reads back, decoded when asked, exactly what eager decoding of the same bytes gives: masked, 16- and 64-bit lengths, fragments, any chunking', () => {
    const key = Uint8Array.of(0x37, 0xfa, 0x21, 0x3d);
    const masked = (first: number, payload: Uint8Array) => {
      const sent = payload.map((byte, i) => byte ^ key[i & 3]!);
      return Uint8Array.from([first, 0x80 | payload.length, ...key, ...sent]);
    };
    const ramp = (length: number) => new Uint8Array(length).map((_, i) => (i * 7) & 0xff);
    const long16 = ramp(300);
    const long64 = ramp(70_000);
    const frames = [
      masked(0x01, text('Hel')), // FIN=0: the first fragment of a text message
      masked(0x80, text('lo')), // FIN=1, continuation
      Uint8Array.from([0x82, 126, long16.length >> 8, long16.length & 0xff, ...long16]),
      Uint8Array.from([0x82, 127, 0, 0, 0, 0, 0, long64.length >> 16, (long64.length >> 8) & 0xff, long64.length & 0xff, ...long64]),
      Uint8Array.from([0x88, 0x80 | 5, ...key, ...Uint8Array.of(0x03, 0xe8, ...text('bye')).map((byte, i) => byte ^ key[i & 3]!)]),
    ];
    const wire = Uint8Array.from(frames.flatMap((frame) => [...frame]));
    // Eager: each frame decoded whole, straight from its own bytes.
    const eager = frames.map((frame) => {
      const header = parseFrameHeader(frame)!;
      const headerBytes = frame.subarray(0, header.headerLength);
      const kept = Math.min(header.payloadLength, previewBytes);
      return decodeFrame(headerBytes, unmaskPreview(headerBytes, frame.subarray(header.headerLength, header.headerLength + kept)));
    });
    for (const cut of [wire.length, 1, 3, 1000]) {
      const log = new FrameLog();
      const stream = new FrameStream('client', { frames: log } as CaptureRecord, new CaptureStore(), { previewBytes });
      for (let at = 0; at < wire.length; at += cut) stream.push(wire.subarray(at, at + cut));
      const lazy = log.all().map((frame) => ({ ...decodeFrame(frame.headerBytes, frame.payloadPreview), payloadLength: frame.payloadLength }));
      expect(lazy).toEqual(eager);
    }
    expect(eager[3]!.payloadLength).toBe(70_000);
    expect(eager[4]).toMatchObject({ closeCode: 1000 });
  });
});
