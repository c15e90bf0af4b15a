import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter } from 'react-router';
import '@fontsource-variable/inter';
import '@fontsource-variable/jetbrains-mono';
import '../design/global.css';
import { applyTheme, currentTheme } from '../design/theme.ts';
import { App } from './App.tsx';
import { routes } from './routeTable.tsx';

applyTheme(currentTheme());

const router = createBrowserRouter(routes);

/** Resolves once the router has loaded the current page's code. */
function routerReady(): Promise<void> {
  if (router.state.initialized) return Promise.resolve();
  return new Promise((resolve) => {
    const unsubscribe = router.subscribe((state) => {
      if (!state.initialized) return;
      unsubscribe();
      resolve();
    });
  });
}

// #root already holds this page as the build prerendered it: render only once the page's code is
// here, so the reader never sees it swapped for a "Loading…" line.
void routerReady().then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App router={router} />
    </StrictMode>,
  ),
);
