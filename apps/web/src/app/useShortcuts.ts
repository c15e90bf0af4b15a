// Site-wide keyboard shortcuts (listed in the "?" dialog). Single keys never fire while the learner
// types in a field, or with a modifier held, so they do not hijack typing or browser shortcuts.

import { useEffect } from 'react';

export interface ShortcutHandlers {
  search(): void;
  help(): void;
  nextLesson(): void;
  previousLesson(): void;
}

export const shortcutList = [
  { keys: ['/'], alt: ['Ctrl', 'K'], action: 'Search lessons and the glossary' },
  { keys: ['n'], action: 'Next lesson' },
  { keys: ['p'], action: 'Previous lesson' },
  { keys: ['?'], action: 'Show these shortcuts' },
  { keys: ['Esc'], action: 'Close a dialog' },
] as const;

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export function useShortcuts(handlers: ShortcutHandlers): void {
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || document.querySelector('dialog[open]')) return;
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        handlers.search();
        return;
      }
      if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      const action = { '/': handlers.search, '?': handlers.help, n: handlers.nextLesson, p: handlers.previousLesson }[event.key];
      if (!action) return;
      event.preventDefault();
      action();
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [handlers]);
}
