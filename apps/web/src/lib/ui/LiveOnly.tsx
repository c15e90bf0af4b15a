// Where a live widget goes on a page the build prerendered. The build has no browser and no server: it draws
// a placeholder there, and so does the page's first render in the browser, so that React takes the page over
// exactly as built. The widget follows in a transition, which keeps the placeholder on screen until the
// widget's code is here. A page opened by the app itself (not prerendered) draws the widget at once.

import { startTransition, useEffect, useState, type ReactNode } from 'react';
import { useAfterPrerender } from '../useAfterPrerender.ts';

export function LiveOnly({ children, placeholder }: { children: ReactNode; placeholder: ReactNode }) {
  // True in the build's prerender and while React takes over the prerendered page, false otherwise.
  const prerendered = useAfterPrerender(() => false, true);
  const [live, setLive] = useState(!prerendered);
  useEffect(() => {
    if (!live) startTransition(() => setLive(true));
  }, [live]);
  return live ? children : placeholder;
}
