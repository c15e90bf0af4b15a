// Socket.IO on /socket.io/, sharing the port with everything else. Its upgrades go through our
// upgrade router (Origin checked there); allowRequest checks Origin on polling requests too,
// because Socket.IO's `cors` option does not guard WebSocket upgrades.

import { Server } from 'socket.io';
import type { Server as HttpServer } from 'node:http';
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
    allowRequest: (req, callback) => {
      const allowed = originPolicy.isAllowed(req.headers.origin);
      callback(allowed ? null : `Origin ${req.headers.origin} is not allowed`, allowed);
    },
  });
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
