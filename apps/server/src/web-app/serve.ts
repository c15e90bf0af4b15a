// Serves the web app: the built files in production, Vite's dev middleware (hot reload) with --dev.
// Each page the app has was prerendered by the build (dist/pages/); any other address that wants
// HTML gets the prerendered 404 page with status 404. HEAD is answered like GET, without the body.
// Built files and pages go out brotli- or gzip-compressed when the browser accepts it (with `Vary:
// Accept-Encoding`): the build writes .br and .gz beside each file, so nothing is compressed per request.

import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import expressStaticGzip from 'express-static-gzip';
import type { Express, Request, RequestHandler, Response } from 'express';
import type { Server as HttpServer } from 'node:http';
import { webDist, webRoot } from '../core/paths.js';

const appRoutePattern = '/{*path}';
const pagesDir = join(webDist, 'pages');
/** A page's address as the build names its file: lowercase words joined by "-" and "/". */
const pagePath = /^\/(?:[a-z0-9-]+(?:\/[a-z0-9-]+)*)?$/;

function wantsHtml(req: Request): boolean {
  return (req.method === 'GET' || req.method === 'HEAD') && req.accepts(['html', 'json']) === 'html';
}

/** The prerendered file for a path (`/` → index.html, `/lessons/x` → lessons/x.html), if the path can name one. */
function pageFile(path: string): string | null {
  const trimmed = path.length > 1 ? path.replace(/\/$/, '') : path;
  if (!pagePath.test(trimmed)) return null;
  return trimmed === '/' ? 'index.html' : `${trimmed.slice(1)}.html`;
}

/** A prerendered page with the given status, as its .br or .gz when the request accepts one; never cached without revalidation. */
function sendPage(req: Request, res: Response, file: string, status: number, onMissing: () => void): void {
  const encoding = req.acceptsEncodings('br', 'gzip', 'identity');
  const suffix = encoding === 'br' ? '.br' : encoding === 'gzip' ? '.gz' : '';
  res.status(status).type('html').set({ 'Cache-Control': 'no-cache', Vary: 'Accept-Encoding' });
  if (suffix) res.set('Content-Encoding', encoding as string);
  res.sendFile(`${file}${suffix}`, { root: pagesDir, cacheControl: false }, (error) => {
    if (!error || res.headersSent) return;
    res.removeHeader('Content-Encoding');
    onMissing();
  });
}

/** Built files under `root`, each sent as its precompressed .br or .gz when the request accepts one. */
function precompressed(root: string, options: expressStaticGzip.ExpressStaticGzipOptions['serveStatic']) {
  return expressStaticGzip(root, { enableBrotli: true, orderPreference: ['br', 'gzip'], index: false, serveStatic: { index: false, ...options } });
}

/**
 * A path whose %-escapes do not decode (`/%c0%ae`) is the client's error: it goes to the app's JSON
 * error handler (400 bad_percent_encoding) instead of the static server's own plain-text 400.
 */
const refuseUndecodablePaths: RequestHandler = (req, _res, next) => {
  try {
    decodeURIComponent(req.path);
  } catch (error) {
    next(error);
    return;
  }
  next();
};

export function serveBuiltWebApp(app: Express): void {
  app.use(refuseUndecodablePaths);
  // Vite puts content-hashed files under assets/: they never change, so browsers may keep them.
  app.use('/assets', precompressed(join(webDist, 'assets'), { immutable: true, maxAge: '1y', fallthrough: false }));
  // dist/index.html is the prerender's template and dist/pages/ its output: pages are reached by their address only.
  const builtFiles = precompressed(webDist, {});
  app.use((req, res, next) => (req.path === '/index.html' || req.path.startsWith('/pages/') ? next() : builtFiles(req, res, next)));
  app.get(appRoutePattern, (req, res, next) => {
    if (!wantsHtml(req)) return next();
    if (!existsSync(join(pagesDir, '404.html'))) {
      res.status(503).type('text/plain').send('The web app is not built yet: run `npm run build`, or `npm start`.\n');
      return;
    }
    const notFound = () => sendPage(req, res, '404.html', 404, () => next());
    const file = pageFile(req.path);
    if (file) sendPage(req, res, file, 200, notFound);
    else notFound();
  });
}

/** Vite in middleware mode inside this server: one port, exact bytes on the wire, hot reload. */
export async function serveDevWebApp(app: Express, httpServer: HttpServer): Promise<() => Promise<void>> {
  const { createServer } = await import('vite');
  const vite = await createServer({
    root: webRoot,
    configFile: join(webRoot, 'vite.config.ts'),
    appType: 'custom',
    server: { middlewareMode: true, hmr: { server: httpServer } },
  });
  app.use(vite.middlewares);
  app.get(appRoutePattern, async (req, res, next) => {
    if (!wantsHtml(req)) return next();
    try {
      const template = await readFile(join(webRoot, 'index.html'), 'utf8');
      res.type('html').send(await vite.transformIndexHtml(req.originalUrl, template));
    } catch (error) {
      vite.ssrFixStacktrace(error as Error);
      next(error);
    }
  });
  return () => vite.close();
}

/** Vite's hot-reload socket: its own upgrade, which the router must leave alone. */
export function isViteHmrUpgrade(req: { headers: Record<string, string | string[] | undefined> }): boolean {
  return req.headers['sec-websocket-protocol'] === 'vite-hmr';
}
