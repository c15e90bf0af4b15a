// What the tap keeps about one exchange while it happens: raw bytes and counters, bounded. The
// public Capture (masked, decoded) is made from it only when someone asks (serialize.ts).

import type { CaptureKind, SocketAddress } from '@loopwire/protocol';

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

/**
 * A reusable place for one frame in the ring. Header and preview share one array sized to what the
 * frame needed, reused while later frames fit: small frames cost small slots, and a long-lived
 * connection of similar frames allocates nothing per frame.
 */
class FrameSlot {
  at = 0;
  direction: 'client' | 'server' = 'client';
  payloadLength = 0;
  headerLength = 0;
  previewLength = 0;
  #bytes = new Uint8Array(0);

  fill(at: number, direction: 'client' | 'server', header: Uint8Array, headerLength: number, payloadLength: number, preview: Uint8Array, previewLength: number): void {
    this.at = at;
    this.direction = direction;
    this.payloadLength = payloadLength;
    this.headerLength = headerLength;
    this.previewLength = Math.min(previewLength, previewBytes);
    const needed = headerLength + this.previewLength;
    if (this.#bytes.length < needed) this.#bytes = new Uint8Array(needed);
    const bytes = this.#bytes;
    for (let i = 0; i < headerLength; i++) bytes[i] = header[i]!;
    for (let i = 0; i < this.previewLength; i++) bytes[headerLength + i] = preview[i]!;
  }

  record(): FrameRecord {
    return {
      at: this.at,
      direction: this.direction,
      headerBytes: this.#bytes.subarray(0, this.headerLength),
      payloadLength: this.payloadLength,
      payloadPreview: this.#bytes.subarray(this.headerLength, this.headerLength + this.previewLength),
    };
  }
}

/**
 * Frames of one capture: the first ones kept for good (a Socket.IO upgrade story), then a ring of
 * the newest whose slots are reused, so a long-lived connection costs no allocation per frame.
 */
export class FrameLog {
  static readonly firstKept = 50;
  static readonly newestKept = 150;
  readonly #first: FrameSlot[] = [];
  readonly #newest: FrameSlot[] = [];
  #next = 0;
  #latest: FrameSlot | null = null;
  omitted = 0;

  add(at: number, direction: 'client' | 'server', header: Uint8Array, headerLength: number, payloadLength: number, preview: Uint8Array, previewLength: number): void {
    let slot: FrameSlot;
    if (this.#first.length < FrameLog.firstKept) {
      slot = new FrameSlot();
      this.#first.push(slot);
    } else if (this.#newest.length < FrameLog.newestKept) {
      slot = new FrameSlot();
      this.#newest.push(slot);
    } else {
      slot = this.#newest[this.#next]!;
      this.#next = (this.#next + 1) % FrameLog.newestKept;
      this.omitted++;
    }
    slot.fill(at, direction, header, headerLength, payloadLength, preview, previewLength);
    this.#latest = slot;
  }

  get size(): number {
    return this.#first.length + this.#newest.length;
  }

  /** The frame added last (a snapshot: later frames may reuse its slot). */
  latest(): FrameRecord | null {
    return this.#latest ? this.#latest.record() : null;
  }

  /** Oldest first. Views into the slots: serialize them before more frames arrive. */
  all(): FrameRecord[] {
    const ordered = [...this.#first, ...this.#newest.slice(this.#next), ...this.#newest.slice(0, this.#next)];
    return ordered.map((slot) => slot.record());
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
