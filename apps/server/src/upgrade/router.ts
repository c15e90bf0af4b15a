// The one place that decides every HTTP upgrade on the port: whether it is a WebSocket upgrade at
// all, whether the host name (Host) and the page asking (Origin) are allowed, and which service gets
// it. Libraries never see an upgrade this router refused.

import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import type { FrontDoor } from './front-door.js';
import type { HostPolicy } from './host.js';
import type { OriginPolicy } from './origin.js';
import { answerAsPlainRequest, isWebSocketUpgrade } from './plain-upgrade.js';
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

/** RFC 9112 §3.2.2: `GET http://host:port/ws` names the same resource as `GET /ws` with that Host. */
function toOriginForm(req: IncomingMessage): void {
  const url = req.url ?? '/';
  if (!/^https?:\/\//i.test(url)) return;
  const parsed = new URL(url);
  req.url = `${parsed.pathname}${parsed.search}`;
}

export function createUpgradeRouter(options: {
  httpServer: HttpServer;
  frontDoor: FrontDoor;
  hostPolicy: HostPolicy;
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
      // Upgrade is an HTTP/1.1 mechanism (RFC 9110 §7.8), and the Host check needs a Host.
      if (req.httpVersion !== '1.1') {
        refuse(req, socket, 400, `An upgrade needs HTTP/1.1; this request is HTTP/${req.httpVersion}.`);
        return;
      }
      if (req.headers.host === undefined) {
        refuse(req, socket, 400, 'An upgrade needs a Host header.');
        return;
      }
      const hostRefusal = options.hostPolicy.refusal(req);
      if (hostRefusal) {
        refuse(req, socket, hostRefusal.status, hostRefusal.message);
        return;
      }
      toOriginForm(req);
      // A request pipelined before this one is answered first: the 101 must not overtake its response.
      options.frontDoor.afterEarlierResponses(req.socket, () => {
        if (socket.destroyed) return;
        if (!isWebSocketUpgrade(req)) answerAsPlainRequest(options.httpServer, req, socket as Socket, head);
        else route(req, socket, head);
      });
    },
  };

  function route(req: IncomingMessage, socket: Duplex, head: Buffer): void {
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
  }
}
