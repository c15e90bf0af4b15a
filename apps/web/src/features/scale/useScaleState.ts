// The scale lab's state, read again whenever the server says it changed (a worker died and was
// replaced, Redis went down) over the page's live connection.

import { useCallback, useEffect, useState } from 'react';
import type { ScaleState } from '@loopwire/contract';
import { liveSocket } from '../../lib/live/socket.ts';
import { fetchScaleState } from './api.ts';

export function useScaleState(): { state: ScaleState | null; error: string | null; replace(state: ScaleState): void; refresh(): void } {
  const [state, setState] = useState<ScaleState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const refresh = useCallback(() => {
    fetchScaleState().then(
      (next) => {
        setState(next);
        setError(null);
      },
      (caught: Error) => setError(caught.message),
    );
  }, []);
  useEffect(() => {
    refresh();
    liveSocket.on('scale:changed', refresh);
    return () => {
      liveSocket.off('scale:changed', refresh);
    };
  }, [refresh]);
  return { state, error, replace: setState, refresh };
}
