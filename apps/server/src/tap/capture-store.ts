// The capture store: a ring of the newest captures (memory stays flat however long the server
// runs), with listeners for new captures and frames. Listeners cost nothing when there are none.

import type { CaptureKind } from '@loopwire/contract';
import type { CaptureRecord, FrameRecord } from './capture-record.js';

export interface CaptureListener {
  capture(record: CaptureRecord): void;
  frame(record: CaptureRecord, frame: FrameRecord): void;
}

export interface CaptureQuery {
  sid: string;
  kind?: CaptureKind;
  limit?: number;
  includeNoise?: boolean;
}

export class CaptureStore {
  readonly capacity: number;
  readonly #slots: (CaptureRecord | undefined)[];
  readonly #byId = new Map<string, CaptureRecord>();
  readonly #listeners = new Set<CaptureListener>();
  #next = 0;

  constructor(capacity = 500) {
    this.capacity = capacity;
    this.#slots = new Array<CaptureRecord | undefined>(capacity);
  }

  get size(): number {
    return this.#byId.size;
  }

  add(record: CaptureRecord): void {
    const evicted = this.#slots[this.#next];
    if (evicted) this.#byId.delete(evicted.id);
    this.#slots[this.#next] = record;
    this.#next = (this.#next + 1) % this.capacity;
    this.#byId.set(record.id, record);
  }

  get(id: string): CaptureRecord | undefined {
    return this.#byId.get(id);
  }

  /** Newest first. */
  *newestFirst(): Generator<CaptureRecord> {
    for (let i = 1; i <= this.capacity; i++) {
      const record = this.#slots[(this.#next - i + this.capacity) % this.capacity];
      if (record && this.#byId.has(record.id)) yield record;
    }
  }

  list({ sid, kind, limit = 50, includeNoise = false }: CaptureQuery): CaptureRecord[] {
    const found: CaptureRecord[] = [];
    for (const record of this.newestFirst()) {
      if (found.length >= limit) break;
      if (record.sid !== sid || (record.noise && !includeNoise) || (kind && record.kind !== kind)) continue;
      found.push(record);
    }
    return found;
  }

  /** Forgets every capture of one browser; returns how many. */
  clear(sid: string): number {
    let cleared = 0;
    for (const [id, record] of this.#byId) {
      if (record.sid !== sid) continue;
      this.#byId.delete(id);
      cleared++;
    }
    return cleared;
  }

  get hasListeners(): boolean {
    return this.#listeners.size > 0;
  }

  subscribe(listener: CaptureListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  notifyCapture(record: CaptureRecord): void {
    if (this.#listeners.size === 0 || !this.#byId.has(record.id)) return;
    for (const listener of this.#listeners) listener.capture(record);
  }

  notifyFrame(record: CaptureRecord, frame: FrameRecord): void {
    if (this.#listeners.size === 0 || !this.#byId.has(record.id)) return;
    for (const listener of this.#listeners) listener.frame(record, frame);
  }
}
