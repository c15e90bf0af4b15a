// Fan-out: N Socket.IO devices on /devices (raw-socket protocol clients held by worker threads), repeated broadcasts through
// POST /api/devices/broadcast, and the delivery latency each device saw (receipt − the server's sentAt).

import { Worker } from 'node:worker_threads';
import { below, measured, MissingFeature, type Row } from '../report.js';
import { openSession, type Session } from '../session.js';
import { withServer } from '../server-process.js';
import type { Sizes } from '../sizes.js';
import { median, samplePercentile, sleep } from '../stats.js';
import type { FanoutClientsData, FromFanoutClients, ToFanoutClients } from './fanout-clients.js';

interface Broadcast {
  id: string;
  sentAt: number;
  recipients: number;
}

const warmupBroadcasts = 2;

/** The server's own account (from the devices' acks) of each broadcast's p99, as a cross-check. */
async function serverReportedP99(session: Session, broadcasts: Broadcast[]): Promise<string> {
  const p99s: number[] = [];
  for (const broadcast of broadcasts) {
    const response = await session.get<{ delivery?: { p99: number } | null }>(`/api/devices/broadcasts/${encodeURIComponent(broadcast.id)}`);
    if (response.status === 200 && typeof response.body?.delivery?.p99 === 'number') p99s.push(response.body.delivery.p99);
  }
  return p99s.length > 0 ? `server-side p99 from acks, median over broadcasts: ${median(p99s).toFixed(1)} ms` : 'no server-side latency summary';
}

class ClientThread {
  private readonly worker: Worker;
  private readonly messages: FromFanoutClients[] = [];
  private waiting: ((message: FromFanoutClients) => void) | null = null;

  constructor(data: FanoutClientsData) {
    this.worker = new Worker(new URL('./fanout-clients.js', import.meta.url), { workerData: data });
    this.worker.on('message', (message: FromFanoutClients) => this.deliver(message));
    this.worker.on('error', (error) => this.deliver({ type: 'error', message: error.message }));
  }

  next(timeoutMs: number): Promise<FromFanoutClients> {
    const queued = this.messages.shift();
    if (queued) return Promise.resolve(queued);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`fan-out client thread silent for ${timeoutMs} ms`)), timeoutMs);
      this.waiting = (message) => {
        clearTimeout(timer);
        resolve(message);
      };
    });
  }

  send(message: ToFanoutClients): void {
    this.worker.postMessage(message);
  }

  async close(): Promise<void> {
    this.send({ type: 'close' });
    const exited = new Promise((resolve) => this.worker.once('exit', resolve));
    const timer = setTimeout(() => void this.worker.terminate(), 5000);
    await exited;
    clearTimeout(timer);
  }

  private deliver(message: FromFanoutClients): void {
    const waiting = this.waiting;
    this.waiting = null;
    if (waiting) waiting(message);
    else this.messages.push(message);
  }
}

/** Every delivery the client threads have seen so far, by broadcast id (warm-up broadcasts left out). */
async function collectDeliveries(threads: ClientThread[], wanted: Set<string>): Promise<Map<string, number[]>> {
  const latencies = new Map<string, number[]>([...wanted].map((id) => [id, []]));
  for (const thread of threads) {
    thread.send({ type: 'report' });
    const message = await thread.next(30_000);
    if (message.type !== 'report') throw new Error(message.type === 'error' ? message.message : 'unexpected message');
    for (const [id, latency] of message.deliveries) latencies.get(id)?.push(latency);
  }
  return latencies;
}

export async function benchFanout(sizes: Sizes['fanout']): Promise<Row[]> {
  return withServer({}, async (server) => {
    const session = await openSession(server.url);
    const probe = await session.post('/api/devices/broadcast', { payload: { probe: true } });
    if (probe.status === 404) throw new MissingFeature('fan-out is not on this branch: POST /api/devices/broadcast answered 404');

    const perThread = Math.ceil(sizes.clients / sizes.threads);
    const threads = Array.from({ length: sizes.threads }, (_, index) => {
      const firstDevice = index * perThread;
      return new ClientThread({ port: server.port, firstDevice, count: Math.max(0, Math.min(perThread, sizes.clients - firstDevice)) });
    });
    try {
      for (const thread of threads) {
        const message = await thread.next(120_000);
        if (message.type === 'error') throw new Error(message.message);
      }
      await sleep(200);

      const broadcasts: Broadcast[] = [];
      // The first broadcasts warm the JIT on both sides; they are sent but not counted.
      for (let index = -warmupBroadcasts; index < sizes.broadcasts; index++) {
        const response = await session.post<Broadcast>('/api/devices/broadcast', { payload: { seq: index, text: 'bench fan-out' } });
        if (response.status >= 300) throw new Error(`POST /api/devices/broadcast answered ${response.status} ${JSON.stringify(response.body)}`);
        if (index >= 0) broadcasts.push(response.body);
        await sleep(sizes.gapMs);
      }
      // Late deliveries are slow, not lost: wait (bounded) until every device has reported every broadcast.
      const expected = broadcasts.length * sizes.clients;
      const wanted = new Set(broadcasts.map((broadcast) => broadcast.id));
      let latencies = new Map<string, number[]>();
      for (const deadline = performance.now() + 10_000; ; await sleep(250)) {
        latencies = await collectDeliveries(threads, wanted);
        const delivered = [...latencies.values()].reduce((sum, values) => sum + values.length, 0);
        if (delivered >= expected || performance.now() > deadline) break;
      }
      const all = [...latencies.values()].flat();
      const shortRecipients = broadcasts.filter((broadcast) => broadcast.recipients !== sizes.clients).length;
      if (all.length === 0) throw new Error('no device received any broadcast');
      const p99 = samplePercentile(all, 99);
      const serverView = await serverReportedP99(session, broadcasts);
      const complete = all.length === expected && shortRecipients === 0;
      const note = `${sizes.clients} devices in ${sizes.threads} ${sizes.threads === 1 ? 'thread' : 'threads'}, ${broadcasts.length} broadcasts: p50 ${samplePercentile(all, 50).toFixed(1)} ms, max ${Math.max(...all).toFixed(1)} ms; delivered ${all.length}/${expected}; ${serverView}${shortRecipients ? `; ${shortRecipients} broadcasts reported fewer recipients than devices` : ''}`;
      const scaled = sizes.clients === 1000 ? '' : ` (scaled down to ${sizes.clients} devices: not comparable with the budget)`;
      return [measured('fanout.p99_ms_1000', p99, 'ms', below(50), note + scaled, complete)];
    } finally {
      session.close();
      await Promise.all(threads.map((thread) => thread.close()));
    }
  });
}
