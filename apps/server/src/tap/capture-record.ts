// What the tap keeps about one exchange while it happens: raw bytes and counters, bounded. The
// public Capture (masked, decoded) is made from it only when someone asks (serialize.ts).

import { framesKept, type CaptureKind, type SocketAddress } from '@loopwire/contract';
import { frameHeaderPayloadLength, unmaskPreview } from '@loopwire/protocol';

/** Bytes of each body kept for the preview; Socket.IO polling bodies keep more, to decode packets. */
export const previewBytes = 256;
const engineIoBodyBytes = 8 * 1024;

export class BodyRecord {
  length = 0;
  complete = false;
  contentType: string | null = null;
  #kept: Buffer[] = [];
  #keptBytes = 0;

  constructor(private readonly keepLimit: number) {}

  add(bytes: Buffer): void {
    this.length += bytes.length;
    const room = this.keepLimit - this.#keptBytes;
    if (room <= 0 || bytes.length === 0) return;
    const kept = Buffer.from(bytes.subarray(0, room));
    this.#kept.push(kept);
    this.#keptBytes += kept.length;
  }

  /** The first bytes seen (at most the keep limit). */
  kept(): Buffer {
    if (this.#kept.length > 1) this.#kept = [Buffer.concat(this.#kept)];
    return this.#kept[0] ?? Buffer.alloc(0);
  }
}

export function bodyRecordFor(kind: CaptureKind): BodyRecord {
  return new BodyRecord(kind === 'socket.io' ? engineIoBodyBytes : previewBytes);
}

/** A frame as the decoder saw it; its fields are named only when someone asks (serialize.ts). */
export interface FrameRecord {
  at: number;
  direction: 'client' | 'server';
  headerBytes: Uint8Array;
  payloadLength: number;
  /** The first payload bytes, unmasked (a copy made when the frame is read). */
  payloadPreview: Uint8Array;
}

/** From this many bytes a whole array is copied by one native call rather than byte by byte. */
const nativeWholeBytes = 8;
/** From this many bytes a part of an array is too: a view to copy it from costs about as much as 40 bytes of the loop. */
const nativePartBytes = 40;

/**
 * Copies `source[start, start + length)` into `target` at `at`. A whole array (a payload ws writes
 * apart from its header) goes in one native copy, a quarter of the loop's time for 32 bytes; so does a
 * long part, through a view. A header or a short part goes byte by byte: the call costs more than the bytes.
 */
function copyInto(target: Uint8Array, at: number, source: Uint8Array, start: number, length: number): void {
  const whole = start === 0 && length === source.length;
  if (whole && length >= nativeWholeBytes) target.set(source, at);
  else if (!whole && length >= nativePartBytes) target.set(source.subarray(start, start + length), at);
  else for (let i = 0; i < length; i++) target[at + i] = source[start + i]!;
}

/** Per slot, before the frame's bytes: time since the log's first frame (int32 ms), header length, direction, kept length (uint16). */
const slotMeta = 8;
/** A slot at most: the metadata, the longest header (14) and the preview, rounded to whole 8-byte words. */
const maxStride = Math.ceil((slotMeta + 14 + previewBytes) / 8) * 8;
const direction = ['client', 'server'] as const;
const { first: firstKept, newest: newestKept } = framesKept;

/**
 * Frames of one capture: the first ones kept for good (a Socket.IO upgrade story), then a ring of
 * the newest. They live in one byte buffer allocated on the first frame, a slot per frame at a fixed
 * stride: its time, lengths and direction, then its header and first payload bytes exactly as sent
 * (still masked). Adding a frame is a few byte writes into memory already there, into one place (a
 * small frame fills a single 64-byte cache line) through one typed array: no object per frame, no
 * unmasking, no second view of the buffer to load — with many connections each log is cold when its
 * next frame arrives, so every object touched costs. A frame's payload length is read back from its
 * header, and it is unmasked and its fields named only when it is read. The stride starts at 64
 * bytes and grows in steps of 16, at most to hold 14 + 256 bytes, the first time a frame needs more.
 */
export class FrameLog {
  static readonly firstKept = firstKept;
  static readonly newestKept = newestKept;
  static readonly capacity = firstKept + newestKept;
  /** A Buffer, for its native string writes (a string preview in `add`). */
  #bytes = Buffer.alloc(0);
  #stride = 64;
  /** The first frame's time: slots keep whole milliseconds since then (int32: 24 days either way). */
  #firstAt = 0;
  /** Frames ever added. */
  #added = 0;
  omitted = 0;
  /** The store let the capture go (full): no API caller can read it any more, so nothing more is recorded for it. */
  released = false;

  /**
   * Copies one frame in: its header `header[headerStart ..)` and first payload bytes as sent
   * `preview[previewStart ..)`. A string preview is the frame's whole payload as the sender handed it to
   * the socket, all ASCII (its bytes are its char codes): written into the slot by one native call.
   */
  add(
    at: number,
    from: 'client' | 'server',
    header: Uint8Array,
    headerStart: number,
    headerLength: number,
    preview: Uint8Array | string,
    previewStart: number,
    previewLength: number,
  ): void {
    const kept = previewLength < previewBytes ? previewLength : previewBytes;
    if (this.#bytes.length === 0) {
      this.#resize(this.#stride);
      this.#firstAt = at;
    }
    if (slotMeta + headerLength + kept > this.#stride) this.#resize(Math.min(maxStride, Math.ceil((slotMeta + headerLength + kept) / 16) * 16));
    const added = this.#added++;
    let slot = added;
    if (added >= FrameLog.capacity) {
      slot = FrameLog.firstKept + ((added - FrameLog.firstKept) % FrameLog.newestKept);
      this.omitted++;
    }
    const offset = slot * this.#stride;
    const bytes = this.#bytes;
    const since = at - this.#firstAt;
    bytes[offset] = since;
    bytes[offset + 1] = since >> 8;
    bytes[offset + 2] = since >> 16;
    bytes[offset + 3] = since >> 24;
    bytes[offset + 4] = headerLength;
    bytes[offset + 5] = from === 'server' ? 1 : 0;
    bytes[offset + 6] = kept;
    bytes[offset + 7] = kept >> 8;
    const headerAt = offset + slotMeta;
    if (typeof preview === 'string') {
      copyInto(bytes, headerAt, header, headerStart, headerLength);
      bytes.write(preview, headerAt + headerLength, kept, 'latin1');
    } else if (preview === header && previewStart === headerStart + headerLength) {
      // A frame read from one chunk has its preview right after its header there: one copy for both.
      copyInto(bytes, headerAt, header, headerStart, headerLength + kept);
    } else {
      copyInto(bytes, headerAt, header, headerStart, headerLength);
      copyInto(bytes, headerAt + headerLength, preview, previewStart, kept);
    }
  }

  /** Every frame ever added, kept or omitted: the next frame's place among them (its `seq`). */
  get seen(): number {
    return this.#added;
  }

  get size(): number {
    return Math.min(this.#added, FrameLog.capacity);
  }

  /** The frame added last (its header a view into the log: serialize it before more frames arrive). */
  latest(): FrameRecord | null {
    if (this.#added === 0) return null;
    const last = this.#added - 1;
    return this.#record(last < FrameLog.capacity ? last : FrameLog.firstKept + ((last - FrameLog.firstKept) % FrameLog.newestKept));
  }

  /** Oldest first. Headers are views into the log: serialize them before more frames arrive. */
  all(): FrameRecord[] {
    const size = this.size;
    const slots = Array.from({ length: size }, (_, index) => index);
    if (this.#added > FrameLog.capacity) {
      // The ring's oldest slot is the one the next frame would overwrite.
      const next = (this.#added - FrameLog.firstKept) % FrameLog.newestKept;
      const ring = slots.slice(FrameLog.firstKept);
      slots.splice(FrameLog.firstKept, ring.length, ...ring.slice(next), ...ring.slice(0, next));
    }
    return slots.map((slot) => this.#record(slot));
  }

  #record(slot: number): FrameRecord {
    const offset = slot * this.#stride;
    const buffer = this.#bytes;
    // Read through a plain Uint8Array view: a frame's bytes are handed out as one, not as a Buffer.
    const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.length);
    const since = bytes[offset]! | (bytes[offset + 1]! << 8) | (bytes[offset + 2]! << 16) | (bytes[offset + 3]! << 24);
    const headerAt = offset + slotMeta;
    const headerBytes = bytes.subarray(headerAt, headerAt + bytes[offset + 4]!);
    const previewAt = headerAt + headerBytes.length;
    return {
      at: this.#firstAt + since,
      direction: direction[bytes[offset + 5]!]!,
      headerBytes,
      payloadLength: frameHeaderPayloadLength(headerBytes),
      payloadPreview: unmaskPreview(headerBytes, bytes.subarray(previewAt, previewAt + (bytes[offset + 6]! | (bytes[offset + 7]! << 8)))),
    };
  }

  /** Gives the memory back: the capture was forgotten, so no frame of it will be read again. */
  release(): void {
    this.#bytes = Buffer.alloc(0);
    this.#added = 0;
    this.omitted = 0;
    this.released = true;
  }

  /** A buffer with `stride` bytes per slot; the frames kept so far move over (once per widening). */
  #resize(stride: number): void {
    const bytes = Buffer.alloc(FrameLog.capacity * stride);
    for (let slot = 0; slot < this.size; slot++) {
      bytes.set(this.#bytes.subarray(slot * this.#stride, (slot + 1) * this.#stride), slot * stride);
    }
    this.#bytes = bytes;
    this.#stride = stride;
  }
}

/** Bytes each way on the wire for one exchange. */
export interface WireCount {
  clientBytes: number;
  serverBytes: number;
}

export interface CaptureRecord {
  id: string;
  connectionId: string;
  /** The browser it belongs to (loopwire_sid), or null: then no API caller may read it. */
  sid: string | null;
  /** Static assets and the inspector's own API calls: kept, but hidden unless asked for. */
  noise: boolean;
  kind: CaptureKind;
  startedAt: number;
  /** When the final response head was written; a held long poll answers long after it started. */
  respondedAt: number | null;
  method: string;
  url: string;
  status: number | null;
  requestHead: string;
  responseHead: string | null;
  local: SocketAddress;
  remote: SocketAddress;
  requestBody: BodyRecord;
  responseBody: BodyRecord | null;
  frames: FrameLog;
  /** Counted by the HTTP splitters: heads and bodies (of an upgrade, its handshake). */
  wire: WireCount;
  /** After a 101, what counts the bytes that follow: each direction's frame stream. */
  frameBytes: { client: { readonly bytes: number }; server: { readonly bytes: number } } | null;
  done: boolean;
  notes: string[];
}

/** Every byte of the exchange each way: the HTTP messages, and after an upgrade its frames. */
export function wireOf(record: CaptureRecord): WireCount {
  const frames = record.frameBytes;
  return frames === null
    ? { clientBytes: record.wire.clientBytes, serverBytes: record.wire.serverBytes }
    : { clientBytes: record.wire.clientBytes + frames.client.bytes, serverBytes: record.wire.serverBytes + frames.server.bytes };
}
