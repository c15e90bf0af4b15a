// The route table, shared by the browser (main.tsx) and the build's prerender (prerender.tsx).
// Home loads with the shell; every other page (and Markdown) loads when first visited.

import type { RouteObject } from 'react-router';
import { Layout } from './Layout.tsx';
import Home from './routes/Home.tsx';
import NotFound from '../lib/ui/NotFound.tsx';
import RouteError from './RouteError.tsx';

export const routes: RouteObject[] = [
  {
    element: <Layout />,
    // The shell itself failing: the error page alone.
    errorElement: <RouteError />,
    children: [
      {
        // A page failing (or its code not loading): the error inside the shell, the header still usable.
        errorElement: <RouteError />,
        children: [
          { index: true, element: <Home /> },
          { path: 'glossary', lazy: async () => ({ Component: (await import('../features/lessons/GlossaryPage.tsx')).default }) },
          { path: 'lessons/:id', lazy: async () => ({ Component: (await import('../features/lessons/LessonPage.tsx')).default }) },
          { path: 'inspector', lazy: async () => ({ Component: (await import('../features/inspector/InspectorPage.tsx')).default }) },
          { path: 'labs/loop', lazy: async () => ({ Component: (await import('../features/loop-lab/LoopLabPage.tsx')).default }) },
          { path: 'labs/transports', lazy: async () => ({ Component: (await import('./routes/TransportsLab.tsx')).default }) },
          { path: 'labs/security', lazy: async () => ({ Component: (await import('./routes/SecurityLab.tsx')).default }) },
          { path: 'labs/fanout', lazy: async () => ({ Component: (await import('./routes/FanoutLab.tsx')).default }) },
          { path: 'labs/scale', lazy: async () => ({ Component: (await import('./routes/ScaleLab.tsx')).default }) },
          { path: '*', element: <NotFound /> },
        ],
      },
    ],
  },
];
