// The peer the tap bench compares Loopwire with: a bare `ws` echo server (no Express, no Socket.IO, no
// tap) on a free loopback port, run as its own process so its CPU time is read like the server's.

import { WebSocketServer } from 'ws';

const server = new WebSocketServer({ host: '127.0.0.1', port: 0, maxPayload: 1024 * 1024 });
server.on('connection', (socket) => {
  socket.on('error', () => socket.terminate());
  socket.on('message', (data, isBinary) => socket.send(data, { binary: isBinary }));
});
server.on('listening', () => {
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error(`unexpected address ${String(address)}`);
  console.log(`Bare ws echo is running at http://127.0.0.1:${address.port}`);
});
