// WORKERS=N: the primary process of Loopwire itself. It owns the port, reads the head of each new
// connection and hands the socket (and the bytes it read) to one worker, which then reads the rest
// itself — no byte is relayed, so each worker's tap sees exactly what the kernel delivered. Routing
// is sticky by the loopwire_sid cookie (a hash: no table), else by a known Engine.IO sid, else
// round-robin; a worker that dies is replaced in its slot.

import cluster, { type Worker } from 'node:cluster';
import { setupPrimary as relayClusterAdapter } from '@socket.io/cluster-adapter';
import { randomBytes } from 'node:crypto';
import { createServer, type Server, type Socket } from 'node:net';
import type { Config } from '../config.js';
import { createSessions, workerSlotOfSid } from '../session/sid.js';
import { headerOf, engineSidOf } from './request-head.js';
import type { ToPrimary, ToWorker } from './loopwire-messages.js';

/** Engine.IO sessions of cookie-less clients (a Node script) remembered, newest last. */
const maxKnownEngineSids = 10_000;

export interface LoopwirePrimary {
  port: number;
  workerPids(): number[];
  stop(): Promise<void>;
}

/** How the socket's reading is stopped at once, so no byte after the first chunk is read here. */
interface ReadableHandle {
  readStop?(): number;
}

export function listenPrimary(config: Config): Promise<{ server: Server; port: number }> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(config.port, config.host, () => {
      server.off('error', reject);
      const address = server.address();
      resolve({ server, port: typeof address === 'object' && address ? address.port : config.port });
    });
  });
}

export function startPrimary(config: Config, server: Server, port: number, log: (line: string) => void): LoopwirePrimary {
  const count = config.workers;
  const slots: (Worker | null)[] = Array.from({ length: count }, () => null);
  const serving = new Set<Worker>();
  const engineSids = new Map<string, number>();
  let stopping = false;
  let nextSlot = 0;
  // Every worker must verify every other worker's cookies: one secret for all of them.
  const sessionSecret = process.env.SESSION_SECRET || randomBytes(32).toString('base64url');
  const sessions = createSessions(sessionSecret);

  cluster.setupPrimary({ serialization: 'advanced' });
  // The workers' cluster adapter (chat across workers) talks through this process.
  if (!config.redisUrl) relayClusterAdapter();

  const fork = (index: number) => {
    const worker = cluster.fork({ PORT: String(port), LOOPWIRE_WORKER_SLOT: `${index}/${count}`, SESSION_SECRET: sessionSecret });
    slots[index] = worker;
    worker.on('message', (message: ToPrimary) => {
      if (message?.type === 'loopwire:serving') {
        serving.add(worker);
        log(`worker ${index + 1}/${count} (pid ${worker.process.pid}) is serving`);
      }
      if (message?.type === 'loopwire:engine-sid') {
        engineSids.set(message.sid, index);
        if (engineSids.size > maxKnownEngineSids) engineSids.delete(engineSids.keys().next().value!);
        worker.send({ type: 'loopwire:engine-sid-known', sid: message.sid } satisfies ToWorker);
      }
    });
    worker.once('exit', (code, signal) => {
      serving.delete(worker);
      if (slots[index] === worker) slots[index] = null;
      if (stopping) return;
      log(`worker ${index + 1}/${count} (pid ${worker.process.pid}) ${signal ? `was killed by ${signal}` : `exited with code ${code}`}; starting a replacement`);
      fork(index);
    });
  };

  const pick = (head: string): Worker | null => {
    const sid = sessions.fromCookieHeader(headerOf(head, 'cookie'));
    const engineSid = engineSidOf(head);
    const wanted = sid !== null ? workerSlotOfSid(sid, count) : engineSid !== null ? engineSids.get(engineSid) : undefined;
    if (wanted !== undefined) {
      const worker = slots[wanted];
      return worker && serving.has(worker) ? worker : null;
    }
    for (let tries = 0; tries < count; tries++) {
      const worker = slots[nextSlot];
      nextSlot = (nextSlot + 1) % count;
      if (worker && serving.has(worker)) return worker;
    }
    return null;
  };

  const unavailable = (socket: Socket) =>
    socket.end('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Type: text/plain\r\nRetry-After: 1\r\nContent-Length: 44\r\n\r\nThis learner\'s worker is restarting: retry.\n');

  server.on('connection', (socket) => {
    socket.on('error', () => socket.destroy());
    socket.once('data', (chunk: Buffer) => {
      // Read no further: the worker reads the rest of this connection from the kernel itself.
      (socket as unknown as { _handle?: ReadableHandle })._handle?.readStop?.();
      socket.pause();
      const worker = pick(chunk.toString('latin1', 0, Math.min(chunk.length, 16_384)));
      if (!worker) return unavailable(socket);
      worker.send({ type: 'loopwire:connection', data: chunk } satisfies ToWorker, socket, (error) => {
        if (error) socket.destroy();
      });
    });
  });

  for (let index = 0; index < count; index++) fork(index);

  return {
    port,
    workerPids: () => slots.flatMap((worker) => (worker?.process.pid ? [worker.process.pid] : [])),
    async stop() {
      stopping = true;
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.all(
        slots.map(
          (worker) =>
            new Promise<void>((resolve) => {
              if (!worker || worker.isDead()) return resolve();
              worker.once('exit', () => resolve());
              worker.process.kill('SIGTERM');
            }),
        ),
      );
    },
  };
}
