// A value the build's prerender cannot know (the reader's theme, the page's origin, whether the page is live):
// the prerendered page shows `asBuilt`, React takes that page over with the same value (no mismatch), and then
// draws `inBrowser()`. A page the app draws itself (not prerendered) has `inBrowser()` from the start.

import { useSyncExternalStore } from 'react';

const subscribeToNothing = () => () => {};

/** `inBrowser` must return the same value each time it is asked (a string or number, not a new object). */
export function useAfterPrerender<T>(inBrowser: () => T, asBuilt: T): T {
  return useSyncExternalStore(subscribeToNothing, inBrowser, () => asBuilt);
}
