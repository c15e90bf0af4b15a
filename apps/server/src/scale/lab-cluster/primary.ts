// The scale lab cluster's primary process, started by the Loopwire server in its own process group:
// forks the workers, balances connections (sticky or not), relays the cluster adapter's messages,
// replaces a worker that dies, and takes its workers down with it.

import cluster, { type Worker } from 'node:cluster';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { setupMaster as setupSticky } from '@socket.io/sticky';
import { setupPrimary as setupClusterAdapter } from '@socket.io/cluster-adapter';
import { isLabMessage, readSettings, type BlockRequest, type PrimaryReport, type WorkerReport } from './messages.js';

const settings = readSettings(process.env);
let stopping = false;

function report(message: PrimaryReport): void {
  if (process.connected) process.send?.(message);
}

// 'advanced' serialization is required by @socket.io/sticky: with JSON the first chunk it hands
// over arrives as {type: 'Buffer'} and nothing connects.
cluster.setupPrimary({
  exec: fileURLToPath(new URL('./worker.js', import.meta.url)),
  serialization: 'advanced',
});
cluster.schedulingPolicy = cluster.SCHED_RR;
if (settings.adapter === 'cluster') setupClusterAdapter();

/** Every worker forked and not yet exited, serving or still loading. */
const forked = new Set<Worker>();

function fork(): Worker {
  const worker = cluster.fork();
  const pid = worker.process.pid!;
  forked.add(worker);
  // @socket.io/sticky picks among cluster.workers, and hands a connection to a worker the moment it
  // is forked: a replacement still loading its modules would drop it and that client would hang
  // until its connect timeout. So a worker joins cluster.workers once it says it serves.
  if (settings.balancing === 'sticky') delete cluster.workers![worker.id];
  worker.on('message', (message: unknown) => {
    if (!isLabMessage(message)) return;
    const workerReport = message as WorkerReport;
    if (workerReport.type === 'lab:worker-listening') {
      if (settings.balancing === 'sticky' && !worker.isDead()) cluster.workers![worker.id] = worker;
      report({ type: 'lab:worker-online', id: worker.id, pid });
    }
    if (workerReport.type === 'lab:captures' || workerReport.type === 'lab:blocked') report(workerReport);
    // sticky's own listener saw the binding sent just before this (messages from one worker keep their order).
    if (workerReport.type === 'lab:bind-sid') worker.send({ type: 'lab:sid-bound', sid: workerReport.sid });
  });
  worker.once('exit', (code, signal) => {
    forked.delete(worker);
    const replaced = !stopping;
    report({ type: 'lab:worker-exit', id: worker.id, pid, code, signal, replaced });
    if (replaced) fork();
  });
  return worker;
}

// The noisy neighbour: the parent asks one worker, by pid, to block its loop.
process.on('message', (message: unknown) => {
  if (!isLabMessage(message) || message.type !== 'lab:block') return;
  const request = message as BlockRequest;
  [...forked].find((worker) => worker.process.pid === request.pid && worker.isConnected())?.send(request);
});

/** Stops the workers first (so this process reaps them), then itself. */
function stop(): void {
  if (stopping) return;
  stopping = true;
  const workers = [...forked];
  let left = workers.length;
  if (left === 0) process.exit(0);
  for (const worker of workers) {
    worker.once('exit', () => {
      if (--left === 0) process.exit(0);
    });
    worker.process.kill('SIGKILL');
  }
}
process.on('SIGTERM', stop);
// The Loopwire server went away without stopping the lab (it crashed): go with it.
process.on('disconnect', stop);

if (settings.balancing === 'sticky') {
  const httpServer = createServer();
  // round-robin: least-connection sends a burst of connections all to one worker.
  setupSticky(httpServer, { loadBalancingMethod: 'round-robin' });
  httpServer.once('error', (error) => {
    report({ type: 'lab:failed', message: error.message });
    stop();
  });
  httpServer.listen(settings.port, '127.0.0.1', () => {
    const address = httpServer.address();
    report({ type: 'lab:listening', port: typeof address === 'object' && address ? address.port : settings.port });
  });
} else {
  report({ type: 'lab:listening', port: settings.port });
}
for (let i = 0; i < settings.workers; i++) fork();
