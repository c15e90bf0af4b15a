// What the composition root (server.ts) hands each room's register function; each one picks only
// the parts it uses (`Pick<ServerDeps, …>`).

import type { Server as HttpServer } from 'node:http';
import type { Express, Router } from 'express';
import type { Config } from './config.js';
import type { LoopwireIo } from './core/socket-io.js';
import type { UpgradeRouter } from './upgrade/router.js';
import type { Tap } from './tap/tap.js';
import type { Sessions } from './session/sid.js';

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
  /** The wire tap: every exchange's bytes (query with tap.list / tap.get; empty with TAP=off). */
  tap: Tap;
  /** Issues and verifies the signed loopwire_sid of each browser. */
  sessions: Sessions;
  /** Registers work to do on shutdown, before the HTTP server closes. */
  onClose(close: () => Promise<void> | void): void;
}
