// One direction of an upgraded connection as its bytes pass: finds where each WebSocket frame begins
// and ends, and copies its header and first payload bytes, as sent, straight into the capture's frame
// log. Nothing is unmasked or named here; that waits until someone reads the capture (serialize.ts).
//
// This runs for every chunk a WebSocket sends or receives, with thousands of connections each cold
// in the cache when its next chunk comes, so it touches as little as it can: this object and the
// log. A frame wholly inside one chunk — or a header written alone and its payload in the next
// write, as ws sends — goes from the chunk into the log without a copy in between; only a frame cut
// across reads is gathered here first.

import { frameHeaderLength, frameHeaderPayloadLength } from '@loopwire/protocol';
import type { CaptureRecord, FrameLog } from './capture-record.js';
import type { CaptureStore } from './capture-store.js';
import { frameClock } from './frame-clock.js';
import { writeUtf8Prefix } from './utf8-prefix.js';

/** Largest header: 2 + 8 (64-bit length) + 4 (masking key). */
const maxHeaderLength = 14;

const noBytes = new Uint8Array(0);

/** Where a text payload's first bytes are encoded (a stream copies them before returning). */
let textScratch = Buffer.alloc(0);

export class FrameStream {
  /** Bytes seen this way since the upgrade. */
  bytes = 0;
  readonly #direction: 'client' | 'server';
  readonly #record: CaptureRecord;
  readonly #log: FrameLog;
  readonly #store: CaptureStore;
  /** A header cut across reads, gathered. */
  readonly #header = new Uint8Array(maxHeaderLength);
  /**
   * The first payload bytes of a frame cut across reads, gathered; allocated the first time one is. A
   * connection whose frames each come whole (most do) never needs it.
   */
  #preview: Uint8Array | null = null;
  /** How many first payload bytes a frame's entry keeps. */
  readonly #previewCapacity: number;
  #headerFill = 0;
  /** 0 while reading a header; then the current frame's header length. */
  #headerLength = 0;
  /** Where the current frame's header is: this.#header, or the chunk it came whole in (see #readHeader). */
  #headerSource: Uint8Array;
  #headerStart = 0;
  #payloadLength = 0;
  #previewLength = 0;
  #previewFill = 0;
  #payloadSeen = 0;

  constructor(direction: 'client' | 'server', record: CaptureRecord, store: CaptureStore, { previewBytes }: { previewBytes: number }) {
    this.#direction = direction;
    this.#record = record;
    this.#log = record.frames;
    this.#store = store;
    // Control frames carry at most 125 bytes: keep them whole so close codes and reasons decode.
    this.#previewCapacity = Math.max(previewBytes, 125);
    this.#headerSource = this.#header;
    if (textScratch.length < 4 * (this.#previewCapacity + 1)) textScratch = Buffer.allocUnsafe(4 * (this.#previewCapacity + 1));
  }

  push(chunk: Uint8Array): void {
    this.bytes += chunk.length;
    let offset = 0;
    const end = chunk.length;
    while (offset < end) {
      if (this.#headerLength === 0) {
        if (this.#headerFill === 0) {
          const whole = this.#wholeFrameAt(chunk, offset);
          if (whole > 0) {
            offset += whole;
            continue;
          }
        }
        offset = this.#readHeader(chunk, offset);
        if (this.#headerLength !== 0 && this.#payloadLength === 0) this.#finishFrame(noBytes, 0);
      } else {
        offset = this.#readPayload(chunk, offset);
      }
    }
  }

  /**
   * A string the sender hands the socket instead of bytes (Socket.IO's text frames): read as its UTF-8
   * size and first bytes, never encoded whole. Plain ASCII that is a frame's whole payload (Socket.IO's
   * JSON, mostly) goes into the log by one native write; anything else through a scratch buffer. False,
   * taking nothing, when the string is not all payload of the frame being read (a header is due, or it
   * runs into the next frame): then push its bytes instead.
   */
  pushText(text: string): boolean {
    if (this.#headerLength === 0) return false;
    const length = Buffer.byteLength(text, 'utf8');
    if (length > this.#payloadLength - this.#payloadSeen) return false;
    this.bytes += length;
    if (length === 0) return true;
    if (length === text.length && length === this.#payloadLength) {
      // All ASCII (as many bytes as characters), and the whole payload: the log writes it as it is.
      this.#payloadSeen = length;
      this.#finishFrame(text, 0);
      return true;
    }
    writeUtf8Prefix(text, textScratch, this.#previewCapacity);
    this.#takePayload(textScratch, 0, length);
    return true;
  }

  /** A frame wholly inside `chunk` from `offset`: logged from the chunk itself; returns its size, or 0. */
  #wholeFrameAt(chunk: Uint8Array, offset: number): number {
    const left = chunk.length - offset;
    if (left < 2) return 0;
    const shortLength = chunk[offset + 1]! & 0x7f;
    if (shortLength > 125) return 0; // extended lengths take the general path
    const headerLength = chunk[offset + 1]! & 0x80 ? 6 : 2;
    if (left < headerLength + shortLength) return 0;
    this.#add(chunk, offset, headerLength, chunk, offset + headerLength, Math.min(shortLength, this.#previewCapacity));
    return headerLength + shortLength;
  }

  #readHeader(chunk: Uint8Array, offset: number): number {
    const end = chunk.length;
    let needed: number;
    if (this.#headerFill === 0 && (needed = frameHeaderLength(chunk, offset, end - offset)) !== -1 && needed <= end - offset) {
      // The whole header is in this chunk (ws writes it alone, before its payload): read it where it is.
      // The chunk is only read again before this call returns, or by the next push if the payload
      // follows in another write: a sender does not change bytes it handed the socket.
      this.#headerSource = chunk;
      this.#headerStart = offset;
      this.#startFrame(needed, frameHeaderPayloadLength(chunk, offset));
      return offset + needed;
    }
    // Byte by byte (at most 14): the first two decide the length.
    const header = this.#header;
    let fill = this.#headerFill;
    let at = offset;
    while (fill < 2 && at < end) header[fill++] = chunk[at++]!;
    needed = frameHeaderLength(header, 0, fill);
    while (fill < needed && at < end) header[fill++] = chunk[at++]!;
    if (needed === -1 || fill < needed) {
      this.#headerFill = fill;
      return at;
    }
    this.#headerFill = 0;
    this.#headerSource = header;
    this.#headerStart = 0;
    this.#startFrame(needed, frameHeaderPayloadLength(header, 0));
    return at;
  }

  #startFrame(headerLength: number, payloadLength: number): void {
    this.#headerLength = headerLength;
    this.#payloadLength = payloadLength;
    this.#previewLength = Math.min(payloadLength, this.#previewCapacity);
    this.#previewFill = 0;
    this.#payloadSeen = 0;
  }

  #readPayload(chunk: Uint8Array, offset: number): number {
    const take = Math.min(this.#payloadLength - this.#payloadSeen, chunk.length - offset);
    this.#takePayload(chunk, offset, take);
    return offset + take;
  }

  /** `take` (> 0) payload bytes of the current frame, at `source[start ..)`. */
  #takePayload(source: Uint8Array, start: number, take: number): void {
    // The whole payload at once, none of it seen yet (ws writes a header, then its payload): log it from there.
    if (this.#payloadSeen === 0 && take === this.#payloadLength) {
      this.#payloadSeen = take;
      this.#finishFrame(source, start);
      return;
    }
    this.#gatherPreview(source, start, take);
    this.#payloadSeen += take;
    if (this.#payloadSeen === this.#payloadLength) this.#finishFrame(this.#preview!, 0);
  }

  /** Keeps what the preview still lacks of `length` payload bytes at `source[start ..)`. */
  #gatherPreview(source: Uint8Array, start: number, length: number): void {
    // A header read where it lay is about to be left behind with its chunk: keep a copy.
    if (this.#headerSource !== this.#header) {
      for (let i = 0; i < this.#headerLength; i++) this.#header[i] = this.#headerSource[this.#headerStart + i]!;
      this.#headerSource = this.#header;
      this.#headerStart = 0;
    }
    const from = this.#previewFill;
    const take = Math.min(this.#previewLength - from, length);
    const preview = (this.#preview ??= new Uint8Array(this.#previewCapacity));
    for (let i = 0; i < take; i++) preview[from + i] = source[start + i]!;
    this.#previewFill = from + take;
  }

  #finishFrame(preview: Uint8Array | string, previewStart: number): void {
    const headerLength = this.#headerLength;
    this.#headerLength = 0;
    this.#add(this.#headerSource, this.#headerStart, headerLength, preview, previewStart, this.#previewLength);
    this.#headerSource = this.#header;
  }

  #add(header: Uint8Array, headerStart: number, headerLength: number, preview: Uint8Array | string, previewStart: number, previewLength: number): void {
    const log = this.#log;
    // A forgotten capture is read by no one: its frames are still found but not kept. Asked here, once a
    // frame is whole, not on every push, so a header written alone touches nothing but this stream.
    if (log.released) return;
    log.add(frameClock(), this.#direction, header, headerStart, headerLength, preview, previewStart, previewLength);
    if (this.#store.hasListeners) this.#store.notifyFrame(this.#record, log.latest()!);
  }
}
