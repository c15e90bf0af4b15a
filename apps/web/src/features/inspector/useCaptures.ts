// The learner's captures as summaries (no frames: the list shows counts), loaded whenever the stream
// connects and kept current by its `capture` events, oldest first as in a browser's network panel:
// a new capture is appended and never moves the others.

import { useEffect, useState } from 'react';
import type { CaptureSummary } from '@loopwire/contract';
import { listCaptureSummaries } from './api.ts';
import type { CaptureStream } from './captureStream.ts';

const keptCaptures = 200;
// Summaries arrive when an exchange moves on and, while frames flow, once a second per capture: the list
// takes them in batches, so it draws at most ten times a second however busy the stream is.
const batchEveryMs = 100;
const byId = (a: CaptureSummary, b: CaptureSummary) => Number(a.id) - Number(b.id);

/** The list after the stream's summaries, in the order they came. */
export function applySummaries(previous: readonly CaptureSummary[], summaries: readonly CaptureSummary[]): CaptureSummary[] {
  let captures = [...previous];
  let resort = false;
  for (const summary of summaries) {
    const at = captures.findIndex((candidate) => candidate.id === summary.id);
    if (at === -1) {
      captures.push(summary);
      resort = true;
    } else captures[at] = summary;
  }
  if (resort) captures = captures.sort(byId).slice(-keptCaptures);
  return captures;
}

export function useCaptures(stream: CaptureStream): { captures: CaptureSummary[]; live: boolean; error: string | null; reset(): void } {
  const [captures, setCaptures] = useState<CaptureSummary[]>([]);
  const [live, setLive] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let stopped = false;
    let pending: CaptureSummary[] = [];
    let flushTimer: number | undefined;
    const flush = () => {
      flushTimer = undefined;
      const summaries = pending;
      pending = [];
      setCaptures((previous) => applySummaries(previous, summaries));
    };
    const load = () =>
      listCaptureSummaries({ all: stream.all, limit: keptCaptures })
        .then((loaded) => {
          if (stopped) return;
          setError(null);
          // What the stream brought meanwhile is at least as new as the list: it stays.
          setCaptures((previous) => applySummaries(loaded.sort(byId), previous));
        })
        .catch((caught: Error) => !stopped && setError(caught.message));
    const unsubscribe = stream.subscribe({
      open: () => {
        setLive(true);
        void load();
      },
      capture: (summary) => {
        pending.push(summary);
        flushTimer ??= window.setTimeout(flush, batchEveryMs);
      },
    });
    return () => {
      stopped = true;
      window.clearTimeout(flushTimer);
      unsubscribe();
    };
  }, [stream]);

  return { captures, live, error, reset: () => setCaptures([]) };
}
