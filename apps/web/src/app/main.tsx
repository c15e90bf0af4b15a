import { StrictMode, startTransition } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
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

const rootElement = document.getElementById('root')!;
const app = (
  <StrictMode>
    <App router={router} />
  </StrictMode>
);

// #root holds this page as the build prerendered it: once the page's code is here React takes over that
// DOM as it is (hydration) instead of drawing it again, and as a transition, in slices short enough that a
// key or a click is never kept waiting. Vite's dev server sends an empty #root: there React draws the page.
void routerReady().then(() => {
  if (!rootElement.hasChildNodes()) {
    createRoot(rootElement).render(app);
    return;
  }
  startTransition(() => {
    hydrateRoot(rootElement, app, {
      // The page then differs from what the build rendered: React draws it anew, and the log says where.
      onRecoverableError: (error, { componentStack }) => console.error('hydration:', error, componentStack),
    });
  });
});
