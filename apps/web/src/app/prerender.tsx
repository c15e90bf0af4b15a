// The build's prerender (server-side bundle): each page's HTML — the shell and, for a lesson, its
// text — so the page is readable before the JavaScript has loaded. Run by scripts/prerender.mjs.

import { prerender } from 'react-dom/static';
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from 'react-router';
import { LiveConnectionProvider } from '../lib/live/LiveConnection.tsx';
import { prerenderedTitle } from '../lib/useDocumentTitle.ts';
import { lessons } from '@loopwire/lessons';
import { routes } from './routeTable.tsx';

const handler = createStaticHandler(routes);

/** The HTML inside #root for the page at `path`, and the page's title. */
export async function renderPage(path: string): Promise<{ html: string; title: string }> {
  const context = await handler.query(new Request(new URL(path, 'http://loopwire.invalid')));
  if (context instanceof Response) throw new Error(`prerender: ${path} answered a redirect`);
  const router = createStaticRouter(handler.dataRoutes, context);
  const errors: unknown[] = [];
  const { prelude } = await prerender(
    <LiveConnectionProvider>
      <StaticRouterProvider router={router} context={context} hydrate={false} />
    </LiveConnectionProvider>,
    // One piece, in place: React otherwise moves a large page part into a hidden block after the shell, with a
    // "Loading…" stand-in and a script that swaps it in, so the text would wait for that script to run.
    { onError: (error) => void errors.push(error), progressiveChunkSize: Number.POSITIVE_INFINITY },
  );
  // A page that cannot render without a browser would silently ship a blank part: stop the build instead.
  if (errors.length > 0) throw new Error(`prerender ${path}: ${errors.map(String).join('; ')}`);
  return { html: await new Response(prelude).text(), title: prerenderedTitle() };
}

/**
 * Every page the server answers with 200, the file its prerendered HTML goes to (under dist/pages/),
 * and the module the route table loads for it (its stylesheets and chunks are linked from the page, so
 * the prerendered text is styled as it will be once the JavaScript runs).
 */
export function prerenderedPages(): { path: string; file: string; module?: string }[] {
  const fixed = [
    { path: '/glossary', module: 'src/features/lessons/GlossaryPage.tsx' },
    { path: '/inspector', module: 'src/features/inspector/InspectorPage.tsx' },
    { path: '/labs/loop', module: 'src/features/loop-lab/LoopLabPage.tsx' },
    { path: '/labs/transports', module: 'src/app/routes/TransportsLab.tsx' },
    { path: '/labs/security', module: 'src/app/routes/SecurityLab.tsx' },
    { path: '/labs/fanout', module: 'src/app/routes/FanoutLab.tsx' },
    { path: '/labs/scale', module: 'src/app/routes/ScaleLab.tsx' },
  ];
  const lessonPages = lessons.map((lesson) => ({ path: `/lessons/${lesson.id}`, module: 'src/features/lessons/LessonPage.tsx' }));
  return [{ path: '/', file: 'index.html' }, ...[...fixed, ...lessonPages].map((page) => ({ ...page, file: `${page.path.slice(1)}.html` }))];
}

/** The page for any other address, served with status 404. */
export const notFoundPage = { path: '/404', file: '404.html' };
