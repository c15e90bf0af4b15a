// Builds the whole Loopwire server on one http.Server: API, transports, web app. main.ts only adds
// the process around it (config from the environment, signals, the log line).

import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import type { Config } from './config.js';
import type { ServerDeps } from './deps.js';
import type { LoopwireIo } from './core/socket-io.js';
import { apiNotFound, createApiRouter, notFound } from './core/api.js';
import { createErrorHandler } from './core/errors.js';
import { createErrorLog, type ErrorLog } from './core/error-log.js';
import { createSessions, workerSlotOfSid } from './session/sid.js';
import { takeHandedConnections } from './scale/loopwire-worker.js';
import { shareBroadcasts } from './scale/loopwire-adapter.js';
import { createOriginPolicy, ownOrigins } from './upgrade/origin.js';
import { createHostPolicy } from './upgrade/host.js';
import { installFrontDoor } from './upgrade/front-door.js';
import { createUpgradeRouter } from './upgrade/router.js';
import { createSocketIo, routeSocketIoUpgrades } from './upgrade/socket-io.js';
import { isViteHmrUpgrade, serveBuiltWebApp, serveDevWebApp } from './web-app/serve.js';
import { registerSocketIoEcho } from './echo/socketio-echo.js';
import { registerRawWebSocket } from './echo/ws-echo.js';
import { registerSecurity } from './security/register.js';
import { registerFanout } from './fanout/register.js';
import { registerScale } from './scale/register.js';
import { createTap, type Tap } from './tap/tap.js';
import { registerCaptures } from './tap/routes.js';
import { registerHandshakeProbe } from './tap/handshake-probe.js';
import { registerLoopLab } from './loop-lab/register.js';
import { registerFeed } from './feed/room.js';

export interface LoopwireServer {
  httpServer: HttpServer;
  io: LoopwireIo;
  tap: Tap;
  /** The URL to open, e.g. http://127.0.0.1:3000 */
  url: string;
  port: number;
  close(): Promise<void>;
}

export class ListenError extends Error {}

/**
 * A client that dribbles its request head (slowloris) is cut off with 408 instead of holding a
 * socket forever. Only the time to *receive* a request is bounded: held responses (long polling,
 * SSE) and upgraded connections are not affected.
 */
const httpTimeouts = {
  headersTimeout: 10_000,
  requestTimeout: 30_000,
  /** How often Node checks the two timeouts above (default 30 s would let them overrun a lot). */
  connectionsCheckingInterval: 1_000,
};

function listen(httpServer: HttpServer, config: Config): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      const reason =
        error.code === 'EADDRINUSE'
          ? `port ${config.port} is already in use on ${config.host}; set PORT to another port (or 0 for any free one)`
          : error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND'
            ? `cannot listen on HOST=${config.host}: no such address on this machine`
            : error.message;
      reject(new ListenError(reason));
    };
    httpServer.once('error', onError);
    httpServer.listen(config.port, config.host, () => {
      httpServer.off('error', onError);
      resolve(httpServer.address() as AddressInfo);
    });
  });
}

export interface StartOptions {
  /** Where errors the server causes are logged (default: one line per class of error on stderr). */
  errorLog?: ErrorLog;
}

export async function startLoopwireServer(config: Config, options: StartOptions = {}): Promise<LoopwireServer> {
  const app = express();
  app.disable('x-powered-by');
  const httpServer = createServer(httpTimeouts, app);
  // First on 'connection', before any module: the tap must see every byte of every connection.
  const sessions = createSessions(config.sessionSecret);
  const tap = createTap(httpServer, { enabled: config.tap === 'on', sessions });
  const closers: (() => Promise<void> | void)[] = [];

  let port = config.port;
  const originPolicy = createOriginPolicy(() => config.allowedOrigins ?? ownOrigins(config.host, port));
  const hostPolicy = createHostPolicy(config.host, config.allowedHosts);
  const io = createSocketIo(httpServer, originPolicy);
  // After Engine.IO attached its 'request' listener: the front door runs it, and Express, only for allowed hosts.
  const frontDoor = installFrontDoor(httpServer, hostPolicy);
  const upgrades = createUpgradeRouter({
    httpServer,
    frontDoor,
    hostPolicy,
    originPolicy,
    isForeign: config.dev ? isViteHmrUpgrade : undefined,
  });
  httpServer.on('upgrade', upgrades.listener);

  const api = createApiRouter();
  const deps: ServerDeps = {
    config,
    httpServer,
    app,
    api,
    upgrades,
    io,
    tap,
    sessions,
    onClose: (close) => closers.push(close),
  };
  const slot = config.workerSlot;
  const stopSharing = shareBroadcasts(io, config);
  if (stopSharing) closers.push(stopSharing);
  app.use(sessions.issue(slot ? (sid) => workerSlotOfSid(sid, slot.count) === slot.index : undefined));
  app.use('/api', api);
  // Each module registers its routes, upgrades and Socket.IO handlers here, before the 404 below.
  routeSocketIoUpgrades(io, upgrades, deps.onClose);
  registerSocketIoEcho(deps);
  registerRawWebSocket(deps);
  registerSecurity(deps);
  registerFanout(deps);
  registerScale(deps);
  registerCaptures(deps);
  registerHandshakeProbe(deps);
  registerLoopLab(deps);
  registerFeed(deps);
  api.use(apiNotFound());
  const errorHandler = createErrorHandler(options.errorLog ?? createErrorLog());
  app.use('/api', errorHandler);

  if (config.dev) closers.push(await serveDevWebApp(app, httpServer));
  else serveBuiltWebApp(app);
  app.use(notFound());
  app.use(errorHandler);

  // A worker (WORKERS > 1) does not listen: its primary hands it connections on the shared port.
  const address: AddressInfo = slot
    ? { address: config.host, family: config.host.includes(':') ? 'IPv6' : 'IPv4', port: config.port }
    : await listen(httpServer, config);
  if (slot) closers.push(takeHandedConnections(httpServer, io));
  port = address.port;
  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const shownHost = urlHost === '0.0.0.0' || urlHost === '[::]' ? 'localhost' : urlHost;

  return {
    httpServer,
    io,
    tap,
    port,
    url: `http://${shownHost}:${port}`,
    async close() {
      for (const close of closers) await close();
      httpServer.closeAllConnections();
      await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    },
  };
}
