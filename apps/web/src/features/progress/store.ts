// The page's one progress store, in localStorage, kept in step with other tabs.

import { useSyncExternalStore } from 'react';
import { catalog } from 'virtual:lesson-catalog';
import { createProgressStore, storageKey } from './createStore.ts';
import type { Progress } from './progress.ts';

function localStorageOrNull(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

export const progressStore = createProgressStore(localStorageOrNull(), catalog);

globalThis.addEventListener?.('storage', (event) => {
  if (event.key === storageKey || event.key === null) progressStore.reload();
});

/** What the build's prerender shows: no progress yet (the browser's own replaces it). */
const noProgress = createProgressStore(null, catalog).get();

export function useProgress(): Progress {
  return useSyncExternalStore(progressStore.subscribe, progressStore.get, () => noProgress);
}
