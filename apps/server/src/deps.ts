// What every transport's register(deps) receives from the composition root.

import type { Server as HttpServer } from 'node:http';
import type { Express, Router } from 'express';
import type { Config } from './config.js';
import type { OriginPolicy } from './security/origin.js';
import type { UpgradeRouter } from './upgrade.js';

export interface ServerDeps {
  config: Config;
  httpServer: HttpServer;
  /** The root Express app (non-API routes such as `GET /ws` without an upgrade). */
  app: Express;
  /** Mounted at /api, with JSON bodies parsed. */
  api: Router;
  upgrades: UpgradeRouter;
  originPolicy: OriginPolicy;
  /** Registers work to do on shutdown, before the HTTP server closes. */
  onClose(close: () => Promise<void> | void): void;
}
