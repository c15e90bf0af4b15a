// The capture store: at most `capacity` captures (memory stays flat however long the server runs),
// with listeners for new captures and frames. Listeners cost nothing when there are none.
// When full, the oldest finished capture goes — except that a browser (sid) already holding half the
// store rotates out its own oldest instead: one client flooding the store can take at most half of
// it from everyone else, while a single learner still keeps all 500. Captures of connections still
// open (a WebSocket being watched) go last. Requests without a valid sid count as one owner.

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
  /** Insertion order is age: the first entry is the oldest capture. */
  readonly #byId = new Map<string, CaptureRecord>();
  /** Capture ids per owner (the sid the request carried, '' for none), oldest first. */
  readonly #byOwner = new Map<string, Set<string>>();
  readonly #ownerOf = new Map<string, string>();
  readonly #listeners = new Set<CaptureListener>();

  constructor(capacity = 500) {
    this.capacity = capacity;
  }

  get size(): number {
    return this.#byId.size;
  }

  add(record: CaptureRecord): void {
    const owner = record.sid ?? '';
    if (this.#byId.size >= this.capacity) {
      const owned = this.#byOwner.get(owner);
      const ownsHalf = owned !== undefined && owned.size * 2 >= this.capacity;
      this.#evictOldestFinished(ownsHalf ? owned : this.#byId.keys());
    }
    // Looked up after the eviction: it may have taken this owner's last capture and dropped its set.
    let ids = this.#byOwner.get(owner);
    if (!ids) this.#byOwner.set(owner, (ids = new Set()));
    ids.add(record.id);
    this.#ownerOf.set(record.id, owner);
    this.#byId.set(record.id, record);
  }

  /** `ids` oldest first: forgets the first finished one, or the first if none is finished. */
  #evictOldestFinished(ids: Iterable<string>): void {
    let victim: string | undefined;
    for (const id of ids) {
      victim ??= id;
      if (this.#byId.get(id)!.done) {
        victim = id;
        break;
      }
    }
    if (victim !== undefined) this.#forget(victim);
  }

  #forget(id: string): void {
    const owner = this.#ownerOf.get(id);
    const record = this.#byId.get(id);
    this.#ownerOf.delete(id);
    this.#byId.delete(id);
    if (record) {
      // Its connection may stay open for hours (a device among thousands): record nothing more for it.
      record.frames.release();
    }
    if (owner === undefined) return;
    const ids = this.#byOwner.get(owner)!;
    ids.delete(id);
    if (ids.size === 0) this.#byOwner.delete(owner);
  }

  get(id: string): CaptureRecord | undefined {
    return this.#byId.get(id);
  }

  /** Newest first. */
  *newestFirst(): Generator<CaptureRecord> {
    const records = [...this.#byId.values()];
    for (let i = records.length - 1; i >= 0; i--) yield records[i]!;
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
      this.#forget(id);
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
