// The learner's captures, loaded once and kept current by the SSE stream (new captures, updates, frames).

import { useEffect, useState } from 'react';
import type { Capture } from '@loopwire/contract';
import { listCaptures, subscribeCaptures } from './api.ts';

const keptCaptures = 200;
const keptFrames = 200;

export function useCaptures({ all = false } = {}): { captures: Capture[]; live: boolean; error: string | null; reset(): void } {
  const [captures, setCaptures] = useState<Capture[]>([]);
  const [live, setLive] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    const upsert = (capture: Capture) =>
      setCaptures((previous) => {
        const rest = previous.filter((candidate) => candidate.id !== capture.id);
        return [capture, ...rest].sort((a, b) => Number(b.id) - Number(a.id)).slice(0, keptCaptures);
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
        if (!cancelled) setCaptures((previous) => [...previous, ...loaded.filter((capture) => !previous.some((p) => p.id === capture.id))].sort((a, b) => Number(b.id) - Number(a.id)));
      })
      .catch((caught: Error) => setError(caught.message));
    return () => {
      cancelled = true;
      unsubscribe();
    };
  }, [all]);

  return { captures, live, error, reset: () => setCaptures([]) };
}
