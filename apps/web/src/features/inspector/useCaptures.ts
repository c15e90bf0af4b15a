// The learner's captures, loaded once and kept current by the SSE stream (new captures, updates, frames),
// oldest first as in a browser's network panel: a new capture is appended and never moves the others.

import { useEffect, useState } from 'react';
import type { Capture, FrameEvent } from '@loopwire/contract';
import { listCaptures, subscribeCaptures } from './api.ts';

const keptCaptures = 200;
const keptFrames = 200;
// The page's own Socket.IO connection alone brings ~20 frames a second: the list takes them in batches,
// so the page draws at most ten times a second however busy the stream is.
const batchEveryMs = 100;
const byId = (a: Capture, b: Capture) => Number(a.id) - Number(b.id);

type StreamEvent = { capture: Capture } | { frame: FrameEvent };

/** The list after the stream's events, in the order they came. */
export function applyStreamEvents(previous: readonly Capture[], events: readonly StreamEvent[]): Capture[] {
  let captures = [...previous];
  let resort = false;
  for (const event of events) {
    if ('capture' in event) {
      const at = captures.findIndex((candidate) => candidate.id === event.capture.id);
      if (at === -1) {
        captures.push(event.capture);
        resort = true;
      } else captures[at] = event.capture;
    } else {
      const { captureId, frame } = event.frame;
      const at = captures.findIndex((candidate) => candidate.id === captureId);
      const capture = captures[at];
      if (capture) captures[at] = { ...capture, frames: [...capture.frames, frame].slice(-keptFrames) };
    }
  }
  if (resort) captures = captures.sort(byId).slice(-keptCaptures);
  return captures;
}

export function useCaptures({ all = false } = {}): { captures: Capture[]; live: boolean; error: string | null; reset(): void } {
  const [captures, setCaptures] = useState<Capture[]>([]);
  const [live, setLive] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    let pending: StreamEvent[] = [];
    let flushTimer: number | undefined;
    const flush = () => {
      flushTimer = undefined;
      const events = pending;
      pending = [];
      setCaptures((previous) => applyStreamEvents(previous, events));
    };
    const queue = (event: StreamEvent) => {
      pending.push(event);
      flushTimer ??= window.setTimeout(flush, batchEveryMs);
    };
    const unsubscribe = subscribeCaptures(
      {
        open: () => setLive(true),
        capture: (capture) => queue({ capture }),
        frame: (frame) => queue({ frame }),
      },
      { all },
    );
    listCaptures({ all, limit: keptCaptures })
      .then((loaded) => {
        if (!cancelled) setCaptures((previous) => [...previous, ...loaded.filter((capture) => !previous.some((p) => p.id === capture.id))].sort(byId));
      })
      .catch((caught: Error) => setError(caught.message));
    return () => {
      cancelled = true;
      window.clearTimeout(flushTimer);
      unsubscribe();
    };
  }, [all]);

  return { captures, live, error, reset: () => setCaptures([]) };
}
