// The headers each upgraded TCP socket's HTTP request carried, so a view of a Socket.IO connection
// can show its WebSocket upgrade (which a browser always sends with Origin) rather than its first
// long poll (a same-origin GET, which carries none). Weakly held: gone with the socket.

import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';

const headersBySocket = new WeakMap<Socket, IncomingHttpHeaders>();

export function rememberUpgradeRequest(req: IncomingMessage): void {
  headersBySocket.set(req.socket, req.headers);
}

export function upgradeRequestHeaders(socket: Socket | undefined): IncomingHttpHeaders | undefined {
  return socket ? headersBySocket.get(socket) : undefined;
}
