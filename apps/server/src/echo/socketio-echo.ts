// The Socket.IO echo: every connection is greeted with `server:hello` (pid, transport), and
// `echo:send` is acknowledged with the same payload and the server's clock.

import type { ServerDeps } from '../deps.js';

export function registerSocketIoEcho({ io, config }: Pick<ServerDeps, 'io' | 'config'>): void {
  io.on('connection', (socket) => {
    socket.data.connectedAt = Date.now();
    socket.emit('server:hello', {
      pid: process.pid,
      transport: socket.conn.transport.name,
      worker: config.workerSlot,
      at: Date.now(),
    });
    socket.on('echo:send', (payload, ack) => {
      if (typeof ack === 'function') ack({ payload, at: Date.now() });
    });
  });
}
