// What the server knows about one of the asker's own live connections: the 4-tuple, the handshake's
// headers, the cookie, Socket.IO's auth payload and socket.data, when it connected, which rooms it is
// in — credentials masked by the one redaction policy. Other browsers' connections are only counted.

import type { IncomingMessage } from 'node:http';
import type { Socket as NetSocket } from 'node:net';
import type { Socket as IoSocket } from 'socket.io';
import type { KnownConnection } from '@loopwire/contract';
import { fourTuple } from '../core/net.js';
import { upgradeRequestHeaders } from '../core/upgrade-requests.js';
import { maskAuth, maskHeaders, maskSecret } from '../session/redaction.js';

/** A raw WebSocket one of the lab endpoints accepted. */
export interface RawConnection {
  id: string;
  path: string;
  req: IncomingMessage;
  connectedAt: number;
  data: Record<string, unknown>;
}

/** `sid`: the connection's verified sid, which the caller has found to be the asker's. */
export function describeRawConnection(connection: RawConnection, sid: string): KnownConnection {
  return {
    id: connection.id,
    kind: 'websocket',
    endpoint: connection.path,
    transport: 'websocket',
    ...fourTuple(connection.req.socket),
    connectedAt: connection.connectedAt,
    origin: connection.req.headers.origin ?? null,
    userAgent: connection.req.headers['user-agent'] ?? null,
    sid: maskSecret(sid),
    headersOf: 'websocket-upgrade',
    headers: maskHeaders(connection.req.headers),
    auth: null,
    data: connection.data,
    rooms: [],
    yours: true,
  };
}

/** The TCP socket a Socket.IO connection uses now: the WebSocket's after an upgrade, else the handshake's. */
function currentTcpSocket(socket: IoSocket): NetSocket | undefined {
  // engine.io keeps the `ws` WebSocket as transport.socket; `ws` keeps its net.Socket as _socket.
  const transport = socket.conn.transport as unknown as { socket?: { _socket?: NetSocket } };
  return transport.socket?._socket ?? (socket.request.socket as NetSocket | undefined);
}

export function describeIoSocket(socket: IoSocket, sid: string): KnownConnection {
  const data = (socket.data ?? {}) as Record<string, unknown>;
  const tcp = currentTcpSocket(socket);
  // After the upgrade, the request that opened this very connection; before it, the first long poll.
  const upgrade = upgradeRequestHeaders(tcp);
  const headers = upgrade ?? socket.handshake.headers;
  return {
    id: socket.id,
    kind: 'socket.io',
    endpoint: socket.nsp.name,
    transport: socket.conn.transport.name,
    ...fourTuple(tcp),
    connectedAt: typeof data.connectedAt === 'number' ? data.connectedAt : socket.handshake.issued,
    origin: headers.origin ?? null,
    userAgent: headers['user-agent'] ?? null,
    sid: maskSecret(sid),
    headersOf: upgrade ? 'websocket-upgrade' : 'first-request',
    headers: maskHeaders(headers),
    auth: maskAuth(socket.handshake.auth as Record<string, unknown>),
    data,
    rooms: [...socket.rooms].filter((room) => room !== socket.id),
    yours: true,
  };
}
