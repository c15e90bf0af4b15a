// The security lab's settings from the live server (foreign port, limits), fetched once per page.

import { useEffect, useState } from 'react';
import type { SecurityInfo } from '@loopwire/protocol';
import { callJson } from '../../lib/labApi.ts';

let cached: Promise<SecurityInfo> | null = null;

export function useSecurityInfo(): { info: SecurityInfo | null; error: string | null } {
  const [info, setInfo] = useState<SecurityInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    cached ??= callJson<SecurityInfo>('/api/security/info');
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
