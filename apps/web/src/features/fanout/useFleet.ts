// The device fleet as the server lists it, refetched whenever the server says the fleet changed.

import { useCallback, useEffect, useState } from 'react';
import type { FleetResponse } from '@loopwire/contract';
import { useServerEvent } from '../../lib/live/LiveConnection.tsx';
import { requestJson } from '../../lib/api.ts';

export function useFleet(): { fleet: FleetResponse | null; error: string | null; refresh: () => void } {
  const [fleet, setFleet] = useState<FleetResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const refresh = useCallback(() => {
    requestJson<FleetResponse>('/api/devices').then(
      (value) => {
        setFleet(value);
        setError(null);
      },
      (caught: Error) => setError(caught.message),
    );
  }, []);
  useEffect(refresh, [refresh]);
  useServerEvent('fanout:fleet-changed', refresh);
  return { fleet, error, refresh };
}
