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
    { onError: (error) => void errors.push(error) },
  );
  // A page that cannot render without a browser would silently ship a blank part: stop the build instead.
  if (errors.length > 0) throw new Error(`prerender ${path}: ${errors.map(String).join('; ')}`);
  return { html: await new Response(prelude).text(), title: prerenderedTitle() };
}

/** Every page the server answers with 200, and the file its prerendered HTML goes to (under dist/pages/). */
export function prerenderedPages(): { path: string; file: string }[] {
  const fixed = ['/glossary', '/inspector', '/labs/loop', '/labs/transports', '/labs/security', '/labs/fanout', '/labs/scale'];
  const paths = [...fixed, ...lessons.map((lesson) => `/lessons/${lesson.id}`)];
  return [{ path: '/', file: 'index.html' }, ...paths.map((path) => ({ path, file: `${path.slice(1)}.html` }))];
}

/** The page for any other address, served with status 404. */
export const notFoundPage = { path: '/404', file: '404.html' };
