// What every transport's register(deps) receives from the composition root.

import type { Server as HttpServer } from 'node:http';
import type { Express, Router } from 'express';
import type { Config } from './config.js';
import type { OriginPolicy } from './security/origin.js';
import type { UpgradeRouter } from './upgrade.js';
import type { LoopwireIo } from './transports/socketio/register.js';
import type { Tap } from './tap/tap.js';
import type { FeedHub } from './transports/feed/hub.js';

export interface ServerDeps {
  config: Config;
  httpServer: HttpServer;
  /** The root Express app (non-API routes such as `GET /ws` without an upgrade). */
  app: Express;
  /** Mounted at /api, with JSON bodies parsed. */
  api: Router;
  upgrades: UpgradeRouter;
  /** Socket.IO, for modules that push events to every page (loop samples, captures, jobs). */
  io: LoopwireIo;
  originPolicy: OriginPolicy;
  /** The wire tap: every exchange's bytes (query with tap.list / tap.get; empty with TAP=off). */
  tap: Tap;
  /** The one message feed the five transports serve (issue #6). */
  feedHub: FeedHub;
  /** Registers work to do on shutdown, before the HTTP server closes. */
  onClose(close: () => Promise<void> | void): void;
}
