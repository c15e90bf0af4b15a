// Every sender bounds what it queues for one peer. A peer that stops reading makes the server's
// socket buffer grow with every message sent to it; past the bound the server stops sending and
// closes the connection with 1013 (Try Again Later) instead of holding the bytes. A raw WebSocket
// peer that stops answering pings entirely is dropped by the heartbeat.

import type { Socket as IoSocket } from 'socket.io';
import type { WebSocket, WebSocketServer } from 'ws';

type EngineSocket = IoSocket['conn'];

/** Bytes the server will queue for one peer (its socket buffer plus the library's own queue). */
export const maxQueuedBytesPerPeer = 4 * 1024 * 1024;
/** RFC 6455 §7.4.1 / IANA: 1013 Try Again Later. The client may reconnect once it reads again. */
export const slowPeerCloseCode = 1013;
const slowPeerReason = 'not reading: over 4 MiB unread, try again later';
/** How often a raw WebSocket peer is pinged; one that has not answered the previous ping is dropped. */
export const defaultHeartbeatMs = 30_000;

type WsData = Parameters<WebSocket['send']>[0];

/** The last text measured: a broadcast hands one encoded packet to every connection (10,000 of them in the fan-out bench). */
let lastText = '';
let lastTextBytes = 0;

function textBytes(text: string): number {
  if (text !== lastText) {
    lastText = text;
    lastTextBytes = Buffer.byteLength(text);
  }
  return lastTextBytes;
}

const byteLength = (data: WsData | string): number =>
  typeof data === 'string' ? textBytes(data) : ArrayBuffer.isView(data) || data instanceof ArrayBuffer ? data.byteLength : 0;

/**
 * Stops reading from the peer (its further messages wait in its own buffers, not ours) and closes
 * with 1013. The close frame queues behind the unread bytes; ws destroys the socket if the closing
 * handshake has not finished 30 s later.
 */
function closeSlowPeer(socket: WebSocket): void {
  socket.pause();
  socket.close(slowPeerCloseCode, slowPeerReason);
}

/** Sends unless the peer is too far behind; then closes it with 1013. False when nothing was sent. */
export function sendBounded(socket: WebSocket, data: WsData, options: { binary?: boolean } = {}): boolean {
  if (socket.readyState !== socket.OPEN) return false;
  if (socket.bufferedAmount + byteLength(data) > maxQueuedBytesPerPeer) {
    closeSlowPeer(socket);
    return false;
  }
  socket.send(data, options);
  return true;
}

/** Pings every peer of `server` each `intervalMs`; a peer that has not answered the previous ping is terminated. */
export function keepAlive(server: WebSocketServer, intervalMs: number): () => void {
  const unanswered = new WeakSet<WebSocket>();
  const watched = new WeakSet<WebSocket>();
  const timer = setInterval(() => {
    for (const socket of server.clients) {
      if (unanswered.has(socket)) {
        socket.terminate();
        continue;
      }
      if (!watched.has(socket)) {
        watched.add(socket);
        socket.on('pong', () => unanswered.delete(socket));
      }
      unanswered.add(socket);
      socket.ping();
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

/**
 * Bounds what Engine.IO queues for one Socket.IO connection: packets waiting in its write buffer
 * (a polling client that does not poll, a WebSocket transport that cannot write) plus the WebSocket's
 * own buffer. Past the bound the WebSocket is closed with 1013 and the session with it; from then on
 * Engine.IO neither queues nor processes packets of that connection.
 */
export function boundEngineConnection(connection: EngineSocket): void {
  let waiting = 0;
  const sizeOf = (packet: { data?: unknown }) => (packet.data === undefined ? 0 : byteLength(packet.data as WsData));
  connection.on('packetCreate', (packet: { data?: unknown }) => {
    waiting += sizeOf(packet);
    const transport = connection.transport as unknown as { socket?: WebSocket };
    const inSocket = transport.socket?.bufferedAmount ?? 0;
    if (waiting + inSocket <= maxQueuedBytesPerPeer) return;
    if (transport.socket) closeSlowPeer(transport.socket);
    connection.close(true);
  });
  connection.on('flush', (packets: { data?: unknown }[]) => {
    for (const packet of packets) waiting -= sizeOf(packet);
  });
}
