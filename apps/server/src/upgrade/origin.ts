// Which browser origins may open a WebSocket or a Socket.IO session (Cross-Site WebSocket Hijacking guard).
// Browsers always send Origin on a WebSocket handshake; a request without one is not from a page
// (curl, the `ws` library), so no page can ride the user's cookies with it.

import { isIP } from 'node:net';

export interface OriginPolicy {
  isAllowed(origin: string | undefined): boolean;
  /** The allowed origins, for logs and error messages. */
  allowed(): readonly string[];
}

const loopbackNames = ['127.0.0.1', 'localhost', '[::1]'];

function urlHost(host: string): string {
  return isIP(host) === 6 ? `[${host}]` : host;
}

/** The origins a page served by this server itself can have, given where it listens. */
export function ownOrigins(host: string, port: number): string[] {
  const everywhere = host === '0.0.0.0' || host === '::';
  const loopback = everywhere || host === 'localhost' || host === '::1' || host.startsWith('127.');
  const names = new Set(loopback ? loopbackNames : []);
  if (!everywhere) names.add(urlHost(host));
  return [...names].map((name) => `http://${name}:${port}`);
}

/** `allowed` is read on every check: the server's own origins are known only once it listens. */
export function createOriginPolicy(allowed: () => readonly string[]): OriginPolicy {
  return {
    allowed,
    isAllowed: (origin) => origin === undefined || allowed().includes(origin),
  };
}
