// The one place that decides every HTTP upgrade on the port: which service gets it, and whether
// the page asking is allowed to (Origin). Libraries never see an upgrade this router refused.

import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { OriginPolicy } from './security/origin.js';
import { rejectUpgrade } from './transports/reject.js';

export type UpgradeHandler = (req: IncomingMessage, socket: Duplex, head: Buffer) => void;

export interface UpgradeRoute {
  /** Matches the request path (no query string). */
  matches: (pathname: string) => boolean;
  handle: UpgradeHandler;
}

export interface UpgradeRouter {
  add(route: UpgradeRoute): void;
  listener: UpgradeHandler;
}

export function createUpgradeRouter(options: {
  originPolicy: OriginPolicy;
  /** Upgrades someone else answers (Vite's hot-reload socket in dev): left untouched. */
  isForeign?: (req: IncomingMessage) => boolean;
}): UpgradeRouter {
  const routes: UpgradeRoute[] = [];
  return {
    add: (route) => routes.push(route),
    listener(req, socket, head) {
      if (options.isForeign?.(req)) return;
      const pathname = (req.url ?? '/').split('?')[0]!;
      const route = routes.find((candidate) => candidate.matches(pathname));
      if (!route) {
        rejectUpgrade(socket, 404, `There is no WebSocket service at ${pathname}. Try /ws or /socket.io/.`);
        return;
      }
      if (!options.originPolicy.isAllowed(req.headers.origin)) {
        rejectUpgrade(
          socket,
          403,
          `Origin ${req.headers.origin} may not open WebSockets here. Allowed: ${options.originPolicy.allowed().join(', ')}.`,
        );
        return;
      }
      route.handle(req, socket, head);
    },
  };
}
