// Light/dark switch. The choice is remembered; until one is made the system setting decides.

import { useState } from 'react';
import { applyTheme, currentTheme, type Theme } from '../design/theme.ts';
import { MoonIcon, SunIcon } from './icons.tsx';
import { useAfterPrerender } from '../lib/useAfterPrerender.ts';

export function ThemeToggle() {
  // The build rendered the page in the light theme (it knows no reader): the page takes over as built, then
  // shows the reader's own theme.
  const readerTheme = useAfterPrerender<Theme>(currentTheme, 'light');
  const [chosen, setTheme] = useState<Theme | null>(null);
  const theme = chosen ?? readerTheme;
  const next: Theme = theme === 'dark' ? 'light' : 'dark';
  return (
    <button
      type="button"
      className="icon-button"
      aria-label={`Switch to ${next} theme`}
      title={`Switch to ${next} theme`}
      onClick={() => {
        applyTheme(next, { remember: true });
        setTheme(next);
      }}
    >
      {theme === 'dark' ? <SunIcon /> : <MoonIcon />}
    </button>
  );
}
