// The learner's captures, loaded once and kept current by the SSE stream (new captures, updates, frames),
// oldest first as in a browser's network panel: a new capture is appended and never moves the others.

import { useEffect, useState } from 'react';
import type { Capture } from '@loopwire/contract';
import { listCaptures, subscribeCaptures } from './api.ts';

const keptCaptures = 200;
const keptFrames = 200;
const byId = (a: Capture, b: Capture) => Number(a.id) - Number(b.id);

export function useCaptures({ all = false } = {}): { captures: Capture[]; live: boolean; error: string | null; reset(): void } {
  const [captures, setCaptures] = useState<Capture[]>([]);
  const [live, setLive] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    const upsert = (capture: Capture) =>
      setCaptures((previous) => {
        const rest = previous.filter((candidate) => candidate.id !== capture.id);
        return [...rest, capture].sort(byId).slice(-keptCaptures);
      });
    const unsubscribe = subscribeCaptures(
      {
        open: () => setLive(true),
        capture: upsert,
        frame: ({ captureId, frame }) =>
          setCaptures((previous) =>
            previous.map((capture) =>
              capture.id === captureId ? { ...capture, frames: [...capture.frames, frame].slice(-keptFrames) } : capture,
            ),
          ),
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
      unsubscribe();
    };
  }, [all]);

  return { captures, live, error, reset: () => setCaptures([]) };
}
