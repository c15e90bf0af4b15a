// Whether an element is on screen or near it, for widgets that redraw often: they can skip the work
// while nobody can see them. False until the browser has said otherwise.

import { useEffect, useState, type RefObject } from 'react';

export function useOnScreen(ref: RefObject<Element | null>, { enabled = true, margin = '300px' } = {}): boolean {
  const [onScreen, setOnScreen] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!enabled || !element) return;
    const observer = new IntersectionObserver(([entry]) => setOnScreen(entry!.isIntersecting), { rootMargin: margin });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, enabled, margin]);
  return onScreen;
}
