// One worker of the scale lab's cluster: a small Socket.IO app whose clients broadcast to each other
// through the adapter under test, with the wire tap recording every exchange as the kernel saw it.

import cluster from 'node:cluster';
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import { Server } from 'socket.io';
import { setupWorker } from '@socket.io/sticky';
import { createAdapter as createClusterAdapter } from '@socket.io/cluster-adapter';
import type { ScaleClientToServerEvents, ScaleServerToClientEvents } from '@loopwire/contract';
import { createSessions } from '../../session/sid.js';
import { createTap } from '../../tap/tap.js';
import { relayCaptures } from '../../tap/capture-relay.js';
import { createRedisAdapterClients } from './redis-clients.js';
import { isLabMessage, readSettings, type BlockRequest, type PrimaryRequest, type WorkerReport } from './messages.js';

const settings = readSettings(process.env);
const workerId = cluster.worker?.id ?? 0;

function send(report: WorkerReport): void {
  if (process.connected) process.send?.(report);
}

// Loopwire's own secret: captures and clients are filed under the learner's verified loopwire_sid.
const sessions = createSessions(settings.sessionSecret);
const httpServer = createServer();
// First on 'connection', so the tap sees the bytes of every connection, handed over by the primary or not.
const tap = createTap(httpServer, { enabled: true, sessions });
// Every capture goes to the Loopwire server as it changes: the learner reads it in their own inspector.
relayCaptures(tap, (updates) => send({ type: 'lab:captures', pid: process.pid, updates }));

const allowedHosts = new Set([`127.0.0.1:${settings.port}`, `localhost:${settings.port}`]);
function refusal(req: IncomingMessage): string | null {
  if (!allowedHosts.has(req.headers.host ?? '')) return `Host ${req.headers.host} is not this lab cluster`;
  const origin = req.headers.origin;
  if (origin !== undefined && !settings.origins.includes(origin)) return `Origin ${origin} is not allowed`;
  return null;
}

const io = new Server<ScaleClientToServerEvents, ScaleServerToClientEvents>(httpServer, {
  serveClient: false,
  maxHttpBufferSize: 10_000,
  // The page lives on Loopwire's own port: its polling requests are cross-origin and carry the
  // loopwire_sid cookie (cookies ignore the port), so the tap files them under the learner's sid.
  cors: { origin: settings.origins, credentials: true },
  allowRequest: (req, callback) => {
    const reason = refusal(req);
    callback(reason, reason === null);
  },
});

if (settings.adapter === 'cluster') io.adapter(createClusterAdapter());
if (settings.adapter === 'redis' && settings.redisUrl) {
  const redis = createRedisAdapterClients(settings.redisUrl, 'loopwire-lab');
  io.adapter(redis.adapter);
}

io.on('connection', (socket) => {
  socket.emit('scale:hello', { pid: process.pid, workerId, adapter: settings.adapter });
  socket.on('scale:broadcast', (message, ack) => {
    if (typeof ack !== 'function' || typeof message?.id !== 'string' || message.id.length > 64 || !Number.isFinite(message.sentAt)) {
      socket.disconnect(true);
      return;
    }
    io.emit('scale:message', { id: message.id, sentAt: message.sentAt, fromPid: process.pid });
    ack({ pid: process.pid });
  });
  socket.on('scale:ping', (ack) => {
    if (typeof ack !== 'function') {
      socket.disconnect(true);
      return;
    }
    ack({ pid: process.pid });
  });
});

/**
 * The noisy neighbour: CPU work on this worker's only thread, as a slow handler would do. Every
 * client of this worker waits until it ends; the clients of the other workers do not notice.
 */
function block({ requestId, durationMs, sid }: BlockRequest): void {
  const sockets = [...io.of('/').sockets.values()];
  const yourClients = sockets.filter((socket) => sessions.fromCookieHeader(socket.handshake.headers.cookie) === sid).length;
  const startedAt = Date.now();
  while (Date.now() - startedAt < durationMs) {
    // Busy, not asleep: nothing else runs on this loop until the condition fails.
  }
  send({ type: 'lab:blocked', requestId, pid: process.pid, startedAt, finishedAt: Date.now(), yourClients, allClients: sockets.length });
}

const bindings = new Map<string, () => void>();

process.on('message', (message: unknown) => {
  if (!isLabMessage(message)) return;
  const request = message as PrimaryRequest;
  if (request.type === 'lab:block') block(request);
  if (request.type === 'lab:sid-bound') {
    bindings.get(request.sid)?.();
    bindings.delete(request.sid);
  }
});

/**
 * @socket.io/sticky learns which worker holds a session from a message the worker sends once the
 * session exists, while the handshake answer races to the client on the socket itself: a browser's
 * next request (the upgrade, a POST) can reach the primary first and be routed to another worker
 * (400 Session ID unknown, seen here under load). So the session id is announced, in sticky's own
 * message, and acknowledged by the primary before the handshake is answered.
 */
function announcedSessionId(): Promise<string> {
  const sid = randomBytes(15).toString('base64url');
  return new Promise((resolve) => {
    bindings.set(sid, () => resolve(sid));
    process.send?.({ type: 'sticky:connection', data: sid });
    send({ type: 'lab:bind-sid', sid });
  });
}

if (settings.balancing === 'sticky') {
  // The primary owns the port and hands each connection over by Engine.IO sid (Connection: close).
  setupWorker(io);
  io.engine.generateId = announcedSessionId;
  send({ type: 'lab:worker-listening' });
} else {
  // No stickiness: every worker listens and Node's cluster hands each new connection to the next one.
  // Connection: close makes every request a new connection, as behind a balancer that spreads
  // requests, so consecutive polling requests of one session land on different workers.
  httpServer.prependListener('request', (_req, res) => res.setHeader('Connection', 'close'));
  httpServer.listen(settings.port, '127.0.0.1', () => send({ type: 'lab:worker-listening' }));
}
