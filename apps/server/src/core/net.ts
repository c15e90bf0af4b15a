// Facts about one TCP connection, as the server sees it.

import type { Socket } from 'node:net';
import type { ConnectionInfo } from '@loopwire/protocol';

const requestCounts = new WeakMap<Socket, number>();

/** The 4-tuple of a connection, and how many HTTP requests it has carried so far (keep-alive). */
export function describeConnection(socket: Socket): ConnectionInfo {
  const requests = (requestCounts.get(socket) ?? 0) + 1;
  requestCounts.set(socket, requests);
  return {
    local: { address: socket.localAddress ?? '', port: socket.localPort ?? 0 },
    remote: { address: socket.remoteAddress ?? '', port: socket.remotePort ?? 0 },
    requestsOnConnection: requests,
  };
}
