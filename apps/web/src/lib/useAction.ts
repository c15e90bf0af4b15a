// One user-started action at a time: `busy` while it runs, its error message (if it threw) after.

import { useState } from 'react';

export function useAction(): { busy: boolean; error: string | null; run(action: () => Promise<void>): Promise<void> } {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function run(action: () => Promise<void>) {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (caught) {
      setError((caught as Error).message);
    } finally {
      setBusy(false);
    }
  }
  return { busy, error, run };
}
