// Captures another process's tap recorded (the scale lab's cluster workers, see capture-relay.ts),
// filed here under the browser they belong to, so they join that browser's own list, stream and HAR.
// Bounded like the tap's own store: a ring of the newest, and no browser holds more than half of it.

import type { Capture, CaptureKind, CaptureSummary, Frame } from '@loopwire/contract';
import { FrameLog } from './capture-record.js';
import type { RelayedCapture } from '../core/relayed-capture.js';
import type { SerializeOptions } from './serialize.js';
import { maskHead } from '../session/redaction.js';

export interface AdoptedCapture {
  /** A capture id of this server (the tap's own sequence), so ids stay unique and ordered. */
  id: string;
  sid: string;
  noise: boolean;
  /** The process whose tap recorded it. */
  producerPid: number;
  /** Heads as recorded (unmasked but for loopwire_sid): serialize with the redaction policy. */
  capture: Capture;
}

/** Who recorded a batch of relayed captures; `label` prefixes their connection ids, `note` is added to each. */
export interface CaptureProducer {
  pid: number;
  label: string;
  note: string;
}

export interface AdoptedListener {
  capture(entry: AdoptedCapture): void;
  /** `seq`: the frame's place among its capture's frames (see FrameEvent). */
  frame(entry: AdoptedCapture, frame: Frame, seq: number): void;
}

/** The public Capture, masked by the one redaction policy like the tap's own. */
export function toAdoptedCapture({ capture }: AdoptedCapture, { reveal = false }: SerializeOptions = {}): Capture {
  return {
    ...capture,
    requestHead: maskHead(capture.requestHead, { reveal }),
    responseHead: capture.responseHead === null ? null : maskHead(capture.responseHead, { reveal }),
  };
}

/** The capture without its frames (the stream's `capture` event), masked like toAdoptedCapture. */
export function toAdoptedSummary(entry: AdoptedCapture, options: SerializeOptions = {}): CaptureSummary {
  const { frames: _frames, framesOmitted: _omitted, ...summary } = toAdoptedCapture(entry, options);
  return summary;
}

export class AdoptedCaptures {
  readonly capacity: number;
  readonly #nextId: () => string;
  /** Insertion order is capture order: the oldest first. */
  readonly #byId = new Map<string, AdoptedCapture>();
  /** `<producer pid>/<its capture id>` → our entry. */
  readonly #byOrigin = new Map<string, AdoptedCapture>();
  readonly #originOf = new Map<AdoptedCapture, string>();
  readonly #listeners = new Set<AdoptedListener>();

  constructor(nextId: () => string, capacity = 200) {
    this.#nextId = nextId;
    this.capacity = capacity;
  }

  get size(): number {
    return this.#byId.size;
  }

  adopt(producer: CaptureProducer, updates: RelayedCapture[]): void {
    for (const update of updates) {
      if (update.kind === 'capture') this.#upsert(producer, update.sid, update.noise, update.capture);
      else this.#addFrames(producer, update.sid, update.captureId, update.frames);
    }
  }

  /** The public Capture, masked like the tap's own (toAdoptedCapture). */
  toCapture(entry: AdoptedCapture, options?: SerializeOptions): Capture {
    return toAdoptedCapture(entry, options);
  }

  get(id: string): AdoptedCapture | undefined {
    return this.#byId.get(id);
  }

  /** Newest first. */
  list({ sid, kind, limit = 50, includeNoise = false }: { sid: string; kind?: CaptureKind; limit?: number; includeNoise?: boolean }): AdoptedCapture[] {
    const found: AdoptedCapture[] = [];
    const entries = [...this.#byId.values()];
    for (let i = entries.length - 1; i >= 0 && found.length < limit; i--) {
      const entry = entries[i]!;
      if (entry.sid !== sid || (entry.noise && !includeNoise) || (kind && entry.capture.kind !== kind)) continue;
      found.push(entry);
    }
    return found;
  }

  /** Forgets every capture of one browser; returns how many. */
  clear(sid: string): number {
    let cleared = 0;
    for (const entry of [...this.#byId.values()]) {
      if (entry.sid !== sid) continue;
      this.#forget(entry);
      cleared++;
    }
    return cleared;
  }

  subscribe(listener: AdoptedListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #upsert(producer: CaptureProducer, sid: string, noise: boolean, capture: Capture): void {
    const origin = `${producer.pid}/${capture.id}`;
    let entry = this.#byOrigin.get(origin);
    const adopted: Capture = {
      ...capture,
      connectionId: `${producer.label}-${capture.connectionId}`,
      notes: [...(capture.notes ?? []), producer.note],
    };
    if (entry) {
      entry.capture = { ...adopted, id: entry.id };
    } else {
      const id = this.#nextId();
      entry = { id, sid, noise, producerPid: producer.pid, capture: { ...adopted, id } };
      this.#byId.set(id, entry);
      this.#byOrigin.set(origin, entry);
      this.#originOf.set(entry, origin);
      this.#evict(sid);
    }
    for (const listener of this.#listeners) listener.capture(entry);
  }

  #addFrames(producer: CaptureProducer, sid: string, captureId: string, frames: Frame[]): void {
    const entry = this.#byOrigin.get(`${producer.pid}/${captureId}`);
    // Frames of a capture rotated out (or cleared) are dropped with it.
    if (!entry || entry.sid !== sid) return;
    const kept = entry.capture.frames;
    for (const frame of frames) {
      kept.push(frame);
      const seq = entry.capture.framesSeen++;
      // The tap's own bound: the first frames for good (an upgrade's story), then the newest.
      if (kept.length > FrameLog.capacity) {
        kept.splice(FrameLog.firstKept, 1);
        entry.capture.framesOmitted++;
      }
      for (const listener of this.#listeners) listener.frame(entry, frame, seq);
    }
  }

  /** The oldest capture goes; the oldest of a browser holding more than half goes first. */
  #evict(sid: string): void {
    const ofSid = [...this.#byId.values()].filter((entry) => entry.sid === sid);
    if (ofSid.length > this.capacity / 2) this.#forget(ofSid[0]!);
    if (this.#byId.size > this.capacity) this.#forget(this.#byId.values().next().value!);
  }

  #forget(entry: AdoptedCapture): void {
    this.#byId.delete(entry.id);
    this.#byOrigin.delete(this.#originOf.get(entry)!);
    this.#originOf.delete(entry);
  }
}
