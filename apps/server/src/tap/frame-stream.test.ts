// Finding frames in the bytes as they pass, against the examples of RFC 6455 §5.7, written as hex and
// fed in awkward pieces; what the stream logs is read back the way a capture is (FrameLog.all).

import { describe, expect, it } from 'vitest';
import { bytesToByteString, decodeFrame, hexToBytes, toHex, type DecodedFrame } from '@loopwire/protocol';
import { FrameLog, type CaptureRecord } from './capture-record.js';
import { CaptureStore } from './capture-store.js';
import { FrameStream } from './frame-stream.js';

function newStream(previewBytes = 256, direction: 'client' | 'server' = 'client') {
  const record = { frames: new FrameLog() } as CaptureRecord;
  const stream = new FrameStream(direction, record, new CaptureStore(), { previewBytes });
  const frames = () => record.frames.all().map((frame) => ({ ...decodeFrame(frame.headerBytes, frame.payloadPreview), direction: frame.direction }));
  return { stream, log: record.frames, frames };
}

function decodeAll(chunks: Uint8Array[], previewBytes = 256): DecodedFrame[] {
  const { stream, frames } = newStream(previewBytes);
  for (const chunk of chunks) stream.push(chunk);
  return frames();
}

const text = (bytes: Uint8Array) => bytesToByteString(bytes);

describe('FrameStream', () => {
  it('logs a masked text frame "Hello" (RFC 6455 §5.7) as sent, and it reads back unmasked', () => {
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

  it('logs the same bytes fed one at a time', () => {
    const bytes = hexToBytes('81 85 37 fa 21 3d 7f 9f 4d 51 58');
    const frames = decodeAll([...bytes].map((byte) => Uint8Array.of(byte)));
    expect(frames).toHaveLength(1);
    expect(text(frames[0]!.payloadPreview)).toBe('Hello');
  });

  it('logs a header written alone and its payload in the next write (how ws sends), masked or not', () => {
    const frames = decodeAll([hexToBytes('81 05'), hexToBytes('48 65 6c 6c 6f'), hexToBytes('81 85 37 fa 21 3d'), hexToBytes('7f 9f 4d 51 58')]);
    expect(frames.map((frame) => [toHex(frame.headerBytes), text(frame.payloadPreview)])).toEqual([
      ['81 05', 'Hello'],
      ['81 85 37 fa 21 3d', 'Hello'],
    ]);
  });

  it('keeps its own copy of a header once the frame runs on past the next read, whatever happens to the read after', () => {
    const { stream, frames } = newStream();
    const header = hexToBytes('82 7e 01 00'); // binary, 16-bit length 256
    const payload = new Uint8Array(256).map((_, i) => i);
    stream.push(header);
    stream.push(payload.subarray(0, 100));
    header.fill(0); // the memory of the header's read, reused
    stream.push(payload.subarray(100));
    expect(frames().map((frame) => [toHex(frame.headerBytes), frame.payloadLength, frame.payloadPreview[255]])).toEqual([['82 7e 01 00', 256, 255]]);
  });

  it('logs whole frames and then one cut at the end of the read, finished by the next', () => {
    const hello = hexToBytes('81 85 37 fa 21 3d 7f 9f 4d 51 58');
    const twoAndAHalf = Uint8Array.from([...hello, ...hello, ...hello.subarray(0, 8)]);
    const frames = decodeAll([twoAndAHalf, hello.subarray(8)]);
    expect(frames.map((frame) => text(frame.payloadPreview))).toEqual(['Hello', 'Hello', 'Hello']);
  });

  it('logs several frames in one read: a fragmented "Hel" + "lo", then an unmasked ping', () => {
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

  it('reads a 16-bit length (256 bytes) and keeps only the preview, never less than a control frame', () => {
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

  it('reads a 64-bit length (65536 bytes) split across reads, its header too', () => {
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

  it('logs a masked close frame with its code and reason, and says which way each frame went', () => {
    const { stream, frames } = newStream(256, 'server');
    stream.push(hexToBytes('88 86 00 00 00 00 03 e8 62 79 65 21')); // close 1000 "bye!", a zero masking key
    const [frame] = frames();
    expect(frame).toMatchObject({ direction: 'server', closeCode: 1000 });
    expect(text(frame!.closeReason!)).toBe('bye!');
  });

  it('counts every byte it is given, and logs nothing more once its capture is forgotten', () => {
    const { stream, log } = newStream();
    stream.push(hexToBytes('81 85 37 fa 21 3d 7f 9f 4d 51'));
    stream.push(hexToBytes('58 81 80 00 00 00 00'));
    expect([stream.bytes, log.seen]).toEqual([17, 2]);
    log.release();
    stream.push(hexToBytes('81 80 00 00 00 00'));
    expect(stream.pushText('')).toBe(false);
    expect([stream.bytes, log.seen, log.size]).toEqual([23, 0, 0]);
  });
});

describe('FrameStream.pushText (a payload handed to the socket as a string)', () => {
  const payload = Array.from({ length: 300 }, (_, i) => String.fromCharCode(0x21 + (i % 90))).join('');
  const header16 = hexToBytes('81 7e 01 2c'); // text, 16-bit length 300
  const logged = (stream: ReturnType<typeof newStream>) => stream.frames().map((frame) => `${toHex(frame.headerBytes)} | ${frame.payloadLength} | ${text(frame.payloadPreview)}`);

  it('logs what pushing the same bytes logs: whole, in two parts, then the next frame pushed as bytes', () => {
    const bytes = newStream(256, 'server');
    bytes.stream.push(Uint8Array.from([...header16, ...Buffer.from(payload), ...hexToBytes('81 05 48 65 6c 6c 6f')]));
    const whole = newStream(256, 'server');
    whole.stream.push(header16);
    expect(whole.stream.pushText(payload)).toBe(true);
    whole.stream.push(hexToBytes('81 05 48 65 6c 6c 6f'));
    const parts = newStream(256, 'server');
    parts.stream.push(header16);
    expect(parts.stream.pushText(payload.slice(0, 100))).toBe(true);
    expect(parts.stream.pushText(payload.slice(100))).toBe(true);
    parts.stream.push(hexToBytes('81 05 48 65 6c 6c 6f'));
    expect(logged(bytes)).toHaveLength(2);
    expect(logged(whole)).toEqual(logged(bytes));
    expect(logged(parts)).toEqual(logged(bytes));
    expect([whole.stream.bytes, parts.stream.bytes]).toEqual([bytes.stream.bytes, bytes.stream.bytes]);
  });

  it('measures a string in UTF-8 bytes, not characters', () => {
    const { stream, frames } = newStream(256, 'server');
    stream.push(hexToBytes('81 06'));
    expect(stream.pushText('hé€!')).toBe(false); // 7 bytes, 4 characters: past the 6 the header declares
    expect(stream.pushText('hé€')).toBe(true); // 1 + 2 + 3 bytes
    expect(frames().map((frame) => [frame.payloadLength, Buffer.from(frame.payloadPreview).toString('utf8')])).toEqual([[6, 'hé€']]);
  });

  it('logs exactly the bytes pushing them would, for ASCII and non-ASCII strings, as the ring reuses its slots', () => {
    const texts = ['43["echo:ack",{"ok":true}]', 'héllo wörld', '😀'.repeat(70), 'x'.repeat(257), '', 'ü'.repeat(130), '2'];
    const asBytes = newStream(256, 'server');
    const asText = newStream(256, 'server');
    // More frames than the log keeps (50 first + 150 newest), so later strings land in slots earlier ones filled.
    for (let i = 0; i < 3 * FrameLog.capacity; i++) {
      const payload = Buffer.from(texts[i % texts.length]!, 'utf8');
      const header = payload.length < 126 ? Uint8Array.of(0x81, payload.length) : Uint8Array.of(0x81, 126, payload.length >> 8, payload.length & 0xff);
      asBytes.stream.push(header);
      asBytes.stream.push(payload);
      asText.stream.push(header);
      if (payload.length > 0) expect(asText.stream.pushText(texts[i % texts.length]!)).toBe(true);
    }
    expect(logged(asText)).toHaveLength(FrameLog.capacity);
    expect(logged(asText)).toEqual(logged(asBytes));
    expect(asText.stream.bytes).toBe(asBytes.stream.bytes);
  });

  it('takes nothing when a string has as many characters as the payload has bytes left but is not ASCII', () => {
    // UTF-8 needs more bytes than characters here, so the string would run into whatever follows the frame.
    const short = newStream(256, 'server');
    short.stream.push(hexToBytes('81 05'));
    expect(short.stream.pushText('héllo')).toBe(false);
    const long = newStream(256, 'server');
    const longText = `${'x'.repeat(600)}é`; // one non-ASCII character at the very end
    long.stream.push(Uint8Array.of(0x81, 126, longText.length >> 8, longText.length & 0xff));
    expect(long.stream.pushText(longText)).toBe(false);
    expect([...logged(short), ...logged(long)]).toEqual([]);
    expect(short.stream.pushText('hell')).toBe(true);
    short.stream.push(hexToBytes('6f'));
    expect(logged(short)).toEqual(['81 05 | 5 | hello']);
  });

  it('logs a long ASCII string as pushing its bytes would', () => {
    const longText = 'y'.repeat(600);
    const header = Uint8Array.of(0x81, 126, longText.length >> 8, longText.length & 0xff);
    const asBytes = newStream(256, 'server');
    asBytes.stream.push(header);
    asBytes.stream.push(Buffer.from(longText));
    const asText = newStream(256, 'server');
    asText.stream.push(header);
    expect(asText.stream.pushText(longText)).toBe(true);
    expect(logged(asText)).toEqual(logged(asBytes));
    expect(asText.stream.bytes).toBe(asBytes.stream.bytes);
  });

  it('takes nothing when a header is due or the string runs past the frame', () => {
    const stream = newStream(256, 'server');
    expect(stream.stream.pushText('Hello')).toBe(false);
    stream.stream.push(hexToBytes('81 05'));
    expect(stream.stream.pushText('Hello!')).toBe(false);
    expect(logged(stream)).toEqual([]);
    expect(stream.stream.pushText('Hello')).toBe(true);
    expect(logged(stream)).toEqual(['81 05 | 5 | Hello']);
  });
});
