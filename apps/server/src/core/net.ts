// Facts about one TCP connection, as the server sees it: its 4-tuple, and how many requests it carried.

import type { Socket } from 'node:net';
import type { ConnectionInfo, SocketAddress } from '@loopwire/contract';

export interface FourTuple {
  /** The server's side. */
  local: SocketAddress;
  /** The client's side, as the server sees it. */
  remote: SocketAddress;
}

/** The 4-tuple of a connection; empty addresses and port 0 for a socket already gone. */
export function fourTuple(socket: Socket | undefined): FourTuple {
  return {
    local: { address: socket?.localAddress ?? '', port: socket?.localPort ?? 0 },
    remote: { address: socket?.remoteAddress ?? '', port: socket?.remotePort ?? 0 },
  };
}

const requestCounts = new WeakMap<Socket, number>();

/** The 4-tuple of a connection, and how many HTTP requests it has carried so far (keep-alive). */
export function describeConnection(socket: Socket): ConnectionInfo {
  const requests = (requestCounts.get(socket) ?? 0) + 1;
  requestCounts.set(socket, requests);
  return { ...fourTuple(socket), requestsOnConnection: requests };
}
