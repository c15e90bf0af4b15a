// Serves the web app: the built files in production, Vite's dev middleware (hot reload) with --dev.
// Every other GET that wants HTML gets index.html, so deep links like /lessons/<id> load the app.
// Built files go out brotli- or gzip-compressed when the browser accepts it (with `Vary:
// Accept-Encoding`): the build writes .br and .gz beside each file, so nothing is compressed per request.

import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import expressStaticGzip from 'express-static-gzip';
import type { Express, Request, RequestHandler } from 'express';
import type { Server as HttpServer } from 'node:http';
import { webDist, webRoot } from '../core/paths.js';

const appRoutePattern = '/{*path}';

function wantsHtml(req: Request): boolean {
  return req.method === 'GET' && req.accepts(['html', 'json']) === 'html';
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
  const indexHtml = join(webDist, 'index.html');
  app.use(refuseUndecodablePaths);
  // Vite puts content-hashed files under assets/: they never change, so browsers may keep them.
  app.use('/assets', precompressed(join(webDist, 'assets'), { immutable: true, maxAge: '1y', fallthrough: false }));
  app.use(precompressed(webDist, {}));
  // index.html must be revalidated on every visit: it names the current build's assets.
  const index = precompressed(webDist, { cacheControl: false });
  app.get(appRoutePattern, (req, res, next) => {
    if (!wantsHtml(req)) return next();
    if (!existsSync(indexHtml)) {
      res.status(503).type('text/plain').send('The web app is not built yet: run `npm run build`, or `npm start`.\n');
      return;
    }
    res.set('Cache-Control', 'no-cache');
    const url = req.url;
    req.url = '/index.html';
    index(req, res, (error?: unknown) => {
      req.url = url;
      next(error);
    });
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
