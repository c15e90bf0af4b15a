// Hands one process's captures to another as they change (the scale lab's cluster workers → the
// Loopwire server, which files them under the learner's sid): a whole capture when its heads or state
// change, only its new frames in between, batched so a busy WebSocket costs one message per batch.

import type { Frame } from '@loopwire/contract';
import type { RelayedCapture } from '../core/relayed-capture.js';
import type { CaptureRecord } from './capture-record.js';
import { toCapture, toFrame } from './serialize.js';
import type { Tap } from './tap.js';

const batchMs = 50;
/** More new frames than this in one batch: the whole capture is sent instead (it keeps the same bound). */
const maxFramesPerBatch = 200;

interface Pending {
  whole: boolean;
  frames: Frame[];
}

/** Relays every capture that belongs to a browser; returns the stop function. */
export function relayCaptures(tap: Tap, send: (updates: RelayedCapture[]) => void): () => void {
  const pending = new Map<CaptureRecord, Pending>();
  let timer: NodeJS.Timeout | undefined;

  const flush = () => {
    timer = undefined;
    const updates: RelayedCapture[] = [];
    for (const [record, { whole, frames }] of pending) {
      const sid = record.sid!;
      // Serialized now, so frames that arrived since the change are in it.
      if (whole) updates.push({ kind: 'capture', sid, noise: record.noise, capture: toCapture(record, { reveal: true }) });
      else updates.push({ kind: 'frames', sid, captureId: record.id, frames });
    }
    pending.clear();
    if (updates.length > 0) send(updates);
  };

  const entry = (record: CaptureRecord): Pending => {
    let found = pending.get(record);
    if (!found) {
      found = { whole: false, frames: [] };
      pending.set(record, found);
    }
    timer ??= setTimeout(flush, batchMs);
    return found;
  };

  const unsubscribe = tap.store.subscribe({
    capture(record) {
      // No sid: nobody may read it, here or there.
      if (record.sid === null) return;
      const found = entry(record);
      found.whole = true;
      found.frames = [];
    },
    frame(record, frame) {
      if (record.sid === null) return;
      const found = entry(record);
      if (found.whole) return;
      // A frame record is a view into the log: serialize it before the next frame overwrites it.
      found.frames.push(toFrame(frame, record.kind === 'socket.io'));
      if (found.frames.length > maxFramesPerBatch) {
        found.whole = true;
        found.frames = [];
      }
    },
  });

  return () => {
    unsubscribe();
    clearTimeout(timer);
    flush();
  };
}
