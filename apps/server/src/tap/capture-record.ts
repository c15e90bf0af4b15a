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

/** Frames of one capture: the first ones kept for good (a Socket.IO upgrade story), then a ring of the newest. */
export class FrameLog {
  static readonly firstKept = 50;
  static readonly newestKept = 150;
  readonly #first: FrameRecord[] = [];
  readonly #newest: FrameRecord[] = [];
  #next = 0;
  omitted = 0;

  add(record: FrameRecord): void {
    if (this.#first.length < FrameLog.firstKept) {
      this.#first.push(record);
      return;
    }
    if (this.#newest.length < FrameLog.newestKept) {
      this.#newest.push(record);
      return;
    }
    this.#newest[this.#next] = record;
    this.#next = (this.#next + 1) % FrameLog.newestKept;
    this.omitted++;
  }

  get size(): number {
    return this.#first.length + this.#newest.length;
  }

  /** Oldest first. */
  all(): FrameRecord[] {
    return [...this.#first, ...this.#newest.slice(this.#next), ...this.#newest.slice(0, this.#next)];
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
