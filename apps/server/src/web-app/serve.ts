// Serves the web app: the built files in production, Vite's dev middleware (hot reload) with --dev.
// Every other GET that wants HTML gets index.html, so deep links like /lessons/<id> load the app.

import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import express, { type Express, type Request } from 'express';
import type { Server as HttpServer } from 'node:http';
import { webDist, webRoot } from '../core/paths.js';

const appRoutePattern = '/{*path}';

function wantsHtml(req: Request): boolean {
  return req.method === 'GET' && req.accepts(['html', 'json']) === 'html';
}

export function serveBuiltWebApp(app: Express): void {
  const indexHtml = join(webDist, 'index.html');
  // Vite puts content-hashed files under assets/: they never change, so browsers may keep them.
  app.use('/assets', express.static(join(webDist, 'assets'), { immutable: true, maxAge: '1y', fallthrough: false }));
  app.use(express.static(webDist, { index: false }));
  app.get(appRoutePattern, (req, res, next) => {
    if (!wantsHtml(req)) return next();
    if (!existsSync(indexHtml)) {
      res.status(503).type('text/plain').send('The web app is not built yet: run `npm run build`, or `npm start`.\n');
      return;
    }
    res.set('Cache-Control', 'no-cache').sendFile(indexHtml);
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
