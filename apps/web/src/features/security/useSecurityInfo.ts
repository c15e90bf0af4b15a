// The security lab's settings from the live server (foreign port, limits), fetched once per page.

import { useEffect, useState } from 'react';
import type { SecurityInfo } from '@loopwire/contract';
import { requestJson } from '../../lib/api.ts';

let cached: Promise<SecurityInfo> | null = null;

export function useSecurityInfo(): { info: SecurityInfo | null; error: string | null } {
  const [info, setInfo] = useState<SecurityInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    cached ??= requestJson<SecurityInfo>('/api/security/info');
    cached.then(
      (value) => live && setInfo(value),
      (caught: Error) => {
        cached = null;
        if (live) setError(caught.message);
      },
    );
    return () => {
      live = false;
    };
  }, []);
  return { info, error };
}
