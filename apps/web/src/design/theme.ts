// The colour theme lives on <html data-theme>, set before the first paint so nothing flashes.

export type Theme = 'light' | 'dark';

const storageKey = 'loopwire:theme';

export function currentTheme(): Theme {
  // The build's prerender has neither storage nor media queries: the page's own script sets the theme.
  if (typeof localStorage === 'undefined') return 'light';
  const stored = localStorage.getItem(storageKey);
  if (stored === 'light' || stored === 'dark') return stored;
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export function applyTheme(theme: Theme, { remember = false } = {}): void {
  document.documentElement.dataset.theme = theme;
  if (remember) localStorage.setItem(storageKey, theme);
}
