// What the tap keeps about one exchange while it happens: raw bytes and counters, bounded. The
// public Capture (masked, decoded) is made from it only when someone asks (serialize.ts).

import type { CaptureKind, SocketAddress } from '@loopwire/contract';

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
  /** The first payload bytes, unmasked. */
  payloadPreview: Uint8Array;
}

/** Bytes kept per frame at most: the longest header (14) and the preview. */
const maxFrameBytes = 14 + previewBytes;
const direction = ['client', 'server'] as const;
const firstKept = 50;
const newestKept = 150;

/**
 * Frames of one capture: the first ones kept for good (a Socket.IO upgrade story), then a ring of
 * the newest. Everything lives in a few flat arrays allocated on the first frame — per slot its time,
 * lengths and direction, and its header and preview bytes at a fixed stride — so adding a frame writes
 * into memory that is already there: no object per frame, and neighbouring frames stay neighbours in
 * memory (the tap's cost per frame is mostly here). The stride starts small and grows, at most to
 * 14 + 256 bytes, the first time a frame needs more.
 */
export class FrameLog {
  static readonly firstKept = firstKept;
  static readonly newestKept = newestKept;
  static readonly capacity = firstKept + newestKept;
  /** Arrival times (epoch ms). */
  #at: Float64Array | null = null;
  /** Per slot: payload length, header length, preview length, direction (0 client, 1 server). */
  #lengths: Uint32Array | null = null;
  #bytes = new Uint8Array(0);
  #stride = 64;
  /** Frames ever added. */
  #added = 0;
  omitted = 0;

  add(at: number, from: 'client' | 'server', header: Uint8Array, headerLength: number, payloadLength: number, preview: Uint8Array, previewLength: number): void {
    const kept = Math.min(previewLength, previewBytes);
    if (this.#at === null) this.#allocate();
    if (headerLength + kept > this.#stride) this.#widen(headerLength + kept);
    const added = this.#added++;
    let slot = added;
    if (added >= FrameLog.capacity) {
      slot = FrameLog.firstKept + ((added - FrameLog.firstKept) % FrameLog.newestKept);
      this.omitted++;
    }
    this.#at![slot] = at;
    const lengths = this.#lengths!;
    lengths[slot * 4] = payloadLength;
    lengths[slot * 4 + 1] = headerLength;
    lengths[slot * 4 + 2] = kept;
    lengths[slot * 4 + 3] = from === 'server' ? 1 : 0;
    const bytes = this.#bytes;
    const offset = slot * this.#stride;
    for (let i = 0; i < headerLength; i++) bytes[offset + i] = header[i]!;
    for (let i = 0; i < kept; i++) bytes[offset + headerLength + i] = preview[i]!;
  }

  get size(): number {
    return Math.min(this.#added, FrameLog.capacity);
  }

  /** The frame added last (views into the log: serialize it before more frames arrive). */
  latest(): FrameRecord | null {
    if (this.#added === 0) return null;
    const last = this.#added - 1;
    return this.#record(last < FrameLog.capacity ? last : FrameLog.firstKept + ((last - FrameLog.firstKept) % FrameLog.newestKept));
  }

  /** Oldest first. Views into the log: serialize them before more frames arrive. */
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
    const lengths = this.#lengths!;
    const headerLength = lengths[slot * 4 + 1]!;
    const offset = slot * this.#stride;
    return {
      at: this.#at![slot]!,
      direction: direction[lengths[slot * 4 + 3]!]!,
      headerBytes: this.#bytes.subarray(offset, offset + headerLength),
      payloadLength: lengths[slot * 4]!,
      payloadPreview: this.#bytes.subarray(offset + headerLength, offset + headerLength + lengths[slot * 4 + 2]!),
    };
  }

  #allocate(): void {
    this.#at = new Float64Array(FrameLog.capacity);
    this.#lengths = new Uint32Array(FrameLog.capacity * 4);
    this.#bytes = new Uint8Array(FrameLog.capacity * this.#stride);
  }

  /** Room for `needed` bytes per frame: every kept frame moves to the wider stride once. */
  #widen(needed: number): void {
    const stride = Math.min(maxFrameBytes, Math.ceil(needed / 64) * 64);
    const bytes = new Uint8Array(FrameLog.capacity * stride);
    for (let slot = 0; slot < this.size; slot++) {
      bytes.set(this.#bytes.subarray(slot * this.#stride, (slot + 1) * this.#stride), slot * stride);
    }
    this.#bytes = bytes;
    this.#stride = stride;
  }
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
  wire: { clientBytes: number; serverBytes: number };
  done: boolean;
  notes: string[];
}
