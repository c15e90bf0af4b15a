// The one place that decides every HTTP upgrade on the port: which service gets it, and whether
// the page asking is allowed to (Origin). Libraries never see an upgrade this router refused.

import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { OriginPolicy } from './origin.js';
import { rejectUpgrade } from './reject.js';

export type UpgradeHandler = (req: IncomingMessage, socket: Duplex, head: Buffer) => void;

export interface UpgradeRoute {
  /** Matches the request path (no query string). */
  matches: (pathname: string) => boolean;
  handle: UpgradeHandler;
  /**
   * Skip the Origin check for this route. Only the CSWSH demo endpoint sets it, to show what a
   * missing check lets a foreign page do; it is registered only when HOST is loopback.
   */
  withoutOriginCheck?: true;
}

export type RefusalListener = (req: IncomingMessage, status: number, reason: string) => void;
export type RoutedListener = (req: IncomingMessage, socket: Duplex) => void;

export interface UpgradeRouter {
  add(route: UpgradeRoute): void;
  /** Be told about every refusal the router itself answers (404, 403); the security lab shows them. */
  onRefused(listener: RefusalListener): void;
  /** Be told about every upgrade handed to a service (the security lab lists the live ones). */
  onRouted(listener: RoutedListener): void;
  listener: UpgradeHandler;
}

export function createUpgradeRouter(options: {
  originPolicy: OriginPolicy;
  /** Upgrades someone else answers (Vite's hot-reload socket in dev): left untouched. */
  isForeign?: (req: IncomingMessage) => boolean;
}): UpgradeRouter {
  const routes: UpgradeRoute[] = [];
  const refusalListeners: RefusalListener[] = [];
  const routedListeners: RoutedListener[] = [];
  const refuse = (req: IncomingMessage, socket: Duplex, status: number, reason: string) => {
    for (const listener of refusalListeners) listener(req, status, reason);
    rejectUpgrade(socket, status, reason);
  };
  return {
    add: (route) => routes.push(route),
    onRefused: (listener) => refusalListeners.push(listener),
    onRouted: (listener) => routedListeners.push(listener),
    listener(req, socket, head) {
      if (options.isForeign?.(req)) return;
      const pathname = (req.url ?? '/').split('?')[0]!;
      const route = routes.find((candidate) => candidate.matches(pathname));
      if (!route) {
        refuse(req, socket, 404, `There is no WebSocket service at ${pathname}. Try /ws or /socket.io/.`);
        return;
      }
      if (!route.withoutOriginCheck && !options.originPolicy.isAllowed(req.headers.origin)) {
        refuse(
          req,
          socket,
          403,
          `Origin ${req.headers.origin} may not open WebSockets here. Allowed: ${options.originPolicy.allowed().join(', ')}.`,
        );
        return;
      }
      for (const listener of routedListeners) listener(req, socket);
      route.handle(req, socket, head);
    },
  };
}
