import { useEffect } from 'react';

let titleOfLastPrerender = 'Loopwire';

/** The title of the page the build's prerender rendered last: it goes into that page's <head>. */
export function prerenderedTitle(): string {
  return titleOfLastPrerender;
}

function rememberPrerenderedTitle(title: string): void {
  titleOfLastPrerender = title;
}

export function useDocumentTitle(title: string): void {
  if (import.meta.env.SSR) rememberPrerenderedTitle(title);
  useEffect(() => {
    document.title = title;
  }, [title]);
}
