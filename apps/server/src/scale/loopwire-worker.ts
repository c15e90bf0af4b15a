// WORKERS=N: one Loopwire worker takes the connections its primary hands over (the socket and the
// bytes read to route it), and announces its Engine.IO sessions before answering their handshake,
// so a cookie-less client's next request is routed back here.

import { randomBytes } from 'node:crypto';
import type { Server as HttpServer } from 'node:http';
import type { Socket } from 'node:net';
import type { LoopwireIo } from '../core/socket-io.js';
import type { ToPrimary, ToWorker } from './loopwire-messages.js';

function tell(message: ToPrimary): void {
  if (process.connected) process.send?.(message);
}

export function takeHandedConnections(httpServer: HttpServer, io: LoopwireIo): () => void {
  const known = new Map<string, () => void>();
  const onMessage = (message: ToWorker, socket?: Socket) => {
    if (message?.type === 'loopwire:connection' && socket) {
      // Like @socket.io/sticky: the server sees a new connection, then the bytes the primary read.
      httpServer.emit('connection', socket);
      socket.unshift(Buffer.from(message.data));
      socket.resume();
    }
    if (message?.type === 'loopwire:engine-sid-known') {
      known.get(message.sid)?.();
      known.delete(message.sid);
    }
  };
  process.on('message', onMessage);
  io.engine.generateId = () =>
    new Promise<string>((resolve) => {
      const sid = randomBytes(15).toString('base64url');
      known.set(sid, () => resolve(sid));
      tell({ type: 'loopwire:engine-sid', sid });
    });
  tell({ type: 'loopwire:serving' });
  return () => process.off('message', onMessage);
}
