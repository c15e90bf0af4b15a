// The route table, shared by the browser (App.tsx) and the build's prerender (prerender.tsx).
// Home loads with the shell; every other page (and Markdown) loads when first visited.

import type { RouteObject } from 'react-router';
import { Layout } from './routes/Layout.tsx';
import Home from './routes/Home.tsx';
import NotFound from './routes/NotFound.tsx';
import PageLoadError from './routes/PageLoadError.tsx';

export const routes: RouteObject[] = [
  {
    element: <Layout />,
    // Pages render inside the shell, and so does a page that failed: the header stays usable.
    children: [
      {
        errorElement: <PageLoadError />,
        children: [
          { index: true, element: <Home /> },
          { path: 'glossary', lazy: async () => ({ Component: (await import('./routes/Glossary.tsx')).default }) },
          { path: 'lessons/:id', lazy: async () => ({ Component: (await import('./routes/LessonPage.tsx')).default }) },
          { path: 'inspector', lazy: async () => ({ Component: (await import('./routes/Inspector.tsx')).default }) },
          { path: 'labs/loop', lazy: async () => ({ Component: (await import('./routes/LoopLabPage.tsx')).default }) },
          { path: 'labs/transports', lazy: async () => ({ Component: (await import('./routes/TransportsLab.tsx')).default }) },
          { path: 'labs/security', lazy: async () => ({ Component: (await import('./routes/SecurityLab.tsx')).default }) },
          { path: 'labs/fanout', lazy: async () => ({ Component: (await import('./routes/FanoutLab.tsx')).default }) },
          { path: '*', element: <NotFound /> },
        ],
      },
    ],
  },
];
