// Socket.IO on /socket.io/, sharing the port with everything else. Its upgrades go through our
// upgrade router (Origin checked there); an Engine.IO middleware checks Origin on every polling
// request too — the handshake and every later GET/POST of a session (allowRequest sees only the
// handshake, and Socket.IO's `cors` option guards nothing but the browser's reading of answers).

import { Server } from 'socket.io';
import type { Server as HttpServer, IncomingMessage, ServerResponse } from 'node:http';
import { boundEngineConnection } from '../core/backpressure.js';
import type { LoopwireIo } from '../core/socket-io.js';
import { rememberUpgradeRequest } from '../core/upgrade-requests.js';
import type { OriginPolicy } from './origin.js';
import type { UpgradeRouter } from './router.js';

/** Attaches Socket.IO to the server; its upgrades are handed to our router by routeSocketIoUpgrades. */
export function createSocketIo(httpServer: HttpServer, originPolicy: OriginPolicy): LoopwireIo {
  const ownUpgradeListeners = new Set(httpServer.listeners('upgrade'));
  const io: LoopwireIo = new Server(httpServer, {
    serveClient: false,
    maxHttpBufferSize: 1e6,
  });
  io.engine.use((req: IncomingMessage, res: ServerResponse, next: () => void) => {
    if (originPolicy.isAllowed(req.headers.origin)) return next();
    // Engine.IO's own error shape (as for an unknown sid), so socket.io-client reports it as usual.
    const body = JSON.stringify({ code: 4, message: 'Forbidden', context: { message: `Origin ${req.headers.origin} is not allowed` } });
    res.writeHead(403, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) }).end(body);
  });
  io.engine.on('connection', boundEngineConnection);
  // Engine.IO added its own 'upgrade' listener; take it off so the router stays the only one.
  for (const listener of httpServer.listeners('upgrade')) {
    if (!ownUpgradeListeners.has(listener)) httpServer.off('upgrade', listener as (...args: unknown[]) => void);
  }
  return io;
}

/** Hands /socket.io/ upgrades to Engine.IO, and closes every Socket.IO connection on shutdown. */
export function routeSocketIoUpgrades(
  io: LoopwireIo,
  upgrades: UpgradeRouter,
  onClose: (close: () => Promise<void> | void) => void,
): void {
  upgrades.add({
    matches: (pathname) => pathname === '/socket.io/' || pathname === '/socket.io',
    handle: (req, socket, head) => {
      rememberUpgradeRequest(req);
      io.engine.handleUpgrade(req, socket, head);
    },
  });
  onClose(() => {
    io.disconnectSockets(true);
    io.engine.close();
  });
}
