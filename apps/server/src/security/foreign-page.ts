// The deliberately foreign page of the CSWSH demo: a second origin (same host, LAB_FOREIGN_PORT)
// whose script tries to open WebSockets to the main origin, riding the learner's cookie. It reports
// what it got to the lab page that framed it (postMessage); the lab asks the server for the status.

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ForeignPage {
  /** The port it listens on, or null if it could not start (the lab says so). */
  port(): number | null;
  /** Resolves with port() once listening has succeeded or failed, so nobody reports a start still under way. */
  started: Promise<number | null>;
  close(): Promise<void>;
}

/** What the foreign page tries, in order. The lab page shows the same list. */
export const cswshTargets = [
  { id: 'ws', path: '/ws', guarded: true },
  { id: 'socket.io', path: '/socket.io/?EIO=4&transport=websocket', guarded: true },
  { id: 'demo', path: '/ws/cswsh-demo', guarded: false },
] as const;

function pageHtml(mainPort: number): string {
  // The script is fixed text: only the main port (a number) is put into it.
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Totally innocent page (a different origin)</title>
<style>
  body { font: 14px/1.5 system-ui, sans-serif; margin: 12px; color: #3b1d1d; background: #fff4f0; }
  h1 { font-size: 15px; margin: 0 0 6px; }
  code { font: 12px ui-monospace, monospace; }
  li { margin: 2px 0; }
</style>
</head>
<body>
<h1>I am <code id="me"></code>, not Loopwire.</h1>
<p>My script is opening WebSockets to <code id="target"></code> with your cookie:</p>
<ul id="results"></ul>
<script>
(() => {
  const mainPort = ${mainPort};
  const mainOrigin = location.protocol + '//' + location.hostname + ':' + mainPort;
  const wsBase = mainOrigin.replace(/^http/, 'ws');
  const targets = ${JSON.stringify(cswshTargets)};
  const run = new URLSearchParams(location.search).get('run') || String(Date.now());
  document.getElementById('me').textContent = location.origin;
  document.getElementById('target').textContent = mainOrigin;
  const list = document.getElementById('results');
  const report = (result) => {
    const item = document.createElement('li');
    item.textContent = result.path + ': ' + (result.opened ? 'opened, read ' + (result.firstMessage || '(nothing yet)').slice(0, 120) : 'refused');
    list.append(item);
    if (window.parent !== window) window.parent.postMessage({ type: 'loopwire:cswsh', run, ...result }, mainOrigin);
  };
  for (const target of targets) {
    const attempt = run.replace(/[^A-Za-z0-9_-]/g, '').slice(0, 40) + '-' + target.id.replace(/\\W/g, '');
    const separator = target.path.includes('?') ? '&' : '?';
    const socket = new WebSocket(wsBase + target.path + separator + 'attempt=' + attempt);
    let opened = false;
    let done = false;
    const finish = (firstMessage) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      report({ id: target.id, path: target.path, attempt, opened, firstMessage: firstMessage ?? null });
      socket.close();
    };
    const timer = setTimeout(() => finish(null), 5000);
    socket.onopen = () => { opened = true; };
    socket.onmessage = (event) => finish(String(event.data));
    socket.onclose = () => finish(null);
  }
})();
</script>
</body>
</html>
`;
}

export function startForeignPage(options: { host: string; port: number; mainPort: () => number }): ForeignPage {
  let listening: number | null = null;
  const server: Server = createServer((req, res) => {
    if (req.method !== 'GET' || (req.url ?? '/').split('?')[0] !== '/') {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Only / lives here.\n');
      return;
    }
    res
      .writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' })
      .end(pageHtml(options.mainPort()));
  });
  server.headersTimeout = 10_000;
  server.requestTimeout = 15_000;
  const started = new Promise<number | null>((resolve) => {
    server.on('error', (error: NodeJS.ErrnoException) => {
      console.warn(
        `loopwire: the CSWSH demo's foreign page cannot listen on ${options.host}:${options.port} (${error.code ?? error.message}); set LAB_FOREIGN_PORT to a free port`,
      );
      resolve(null);
    });
    server.listen(options.port, options.host, () => {
      listening = (server.address() as AddressInfo).port;
      resolve(listening);
    });
  });
  return {
    port: () => listening,
    started,
    close: () =>
      new Promise<void>((resolve) => {
        if (!server.listening) return resolve();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
