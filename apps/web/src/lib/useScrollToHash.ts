// Deep links: after a route renders, bring the element named by the URL's #hash into view, and keep
// it there while the page settles (web fonts swapping in, lazy widgets above it replacing their
// placeholders) until the learner scrolls themselves.

import { useEffect } from 'react';
import { useLocation } from 'react-router';

const settleMs = 2000;

export function useScrollToHash(): void {
  const { hash } = useLocation();
  useEffect(() => {
    if (!hash) return;
    const id = decodeURIComponent(hash.slice(1));
    const scroll = () => document.getElementById(id)?.scrollIntoView();
    scroll();
    const resizes = new ResizeObserver(scroll);
    resizes.observe(document.body);
    void document.fonts.ready.then(scroll);
    const userScrollEvents = ['wheel', 'touchstart', 'keydown', 'mousedown'] as const;
    const stop = () => {
      resizes.disconnect();
      for (const type of userScrollEvents) window.removeEventListener(type, stop);
    };
    for (const type of userScrollEvents) window.addEventListener(type, stop, { passive: true });
    const timer = window.setTimeout(stop, settleMs);
    return () => {
      window.clearTimeout(timer);
      stop();
    };
  }, [hash]);
}
