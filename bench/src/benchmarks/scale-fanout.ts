// Fan-out across processes, in one run: the scale lab's cluster (lesson 13) with 1 worker, then 2
// workers with the cluster adapter, then 2 with the Redis adapter; N clients (a worker thread of raw
// protocol clients), one socket.io-client sender, and each client's delay from emit to receipt.

import { io as ioClient, type Socket } from 'socket.io-client';
import { MissingFeature, unmeasured, type Row } from '../report.js';
import { openSession, type Session } from '../session.js';
import { withServer } from '../server-process.js';
import type { Sizes } from '../sizes.js';
import { sleep } from '../stats.js';
import type { FromScaleClients, ScaleClientsData } from './scale-fanout-clients.js';
import { ClientsThread } from './clients-thread.js';
import { fanoutRowNames, fanoutRows, scaleSetups, type ScaleSetup } from './scale-fanout-report.js';

/** What the bench reads of GET/PUT /api/scale (the full shape is ScaleState in @loopwire/contract). */
interface ScaleAnswer {
  port: number | null;
  error?: { message: string };
}

type Sender = Socket;

type ScaleClients = ClientsThread<Extract<FromScaleClients, { type: 'ready' }>>;

/** Every delivery the clients' thread has seen so far, by broadcast id. */
async function deliveriesById(clients: ScaleClients): Promise<Map<string, number[]>> {
  const byId = new Map<string, number[]>();
  for (const [id, latency] of await clients.deliveries()) byId.set(id, [...(byId.get(id) ?? []), latency]);
  return byId;
}

const epochNow = () => performance.timeOrigin + performance.now();
let sequence = 0;

async function broadcast(sender: Sender, kind: string): Promise<string> {
  const id = `bench-${kind}-${++sequence}`;
  await sender.timeout(10_000).emitWithAck('scale:broadcast', { id, sentAt: epochNow() });
  return id;
}

/**
 * Until one broadcast reaches every client: the JIT warms, and an adapter that is still subscribing
 * (Redis connects after the worker serves) is ready before anything is measured.
 */
async function warmUp(sender: Sender, clients: ScaleClients, count: number): Promise<void> {
  const deadline = performance.now() + 30_000;
  for (;;) {
    const id = await broadcast(sender, 'warm-up');
    await sleep(250);
    if (((await deliveriesById(clients)).get(id)?.length ?? 0) >= count) return;
    if (performance.now() > deadline) throw new Error('no warm-up broadcast reached every client within 30 s');
  }
}

async function runSetup(session: Session, setup: ScaleSetup, sizes: Sizes['scale']): Promise<Row[]> {
  const started = await session.request<ScaleAnswer>('PUT', '/api/scale', { workers: setup.workers, balancing: 'sticky', adapter: setup.adapter }, 120_000);
  if (started.status === 404) throw new MissingFeature('the scale lab is not on this branch: PUT /api/scale answered 404');
  if (started.status === 409 && setup.adapter === 'redis') {
    const note = `not measured: ${started.body.error?.message ?? 'Redis is not available'}`;
    return Object.values(fanoutRowNames(setup)).map((name) => unmeasured(name, name.includes('missed') ? 'deliveries' : 'ms', null, note));
  }
  if (started.status !== 200) throw new Error(`PUT /api/scale answered ${started.status} ${JSON.stringify(started.body)}`);
  const clusterPort = started.body.port!;

  const data: ScaleClientsData = { port: clusterPort, count: sizes.clients };
  const clients: ScaleClients = new ClientsThread(new URL('./scale-fanout-clients.js', import.meta.url), data, 'scale clients thread');
  const sender: Sender = ioClient(`http://127.0.0.1:${clusterPort}`, { transports: ['websocket'], forceNew: true, reconnection: false, timeout: 30_000 });
  // Listening from the start: the hello comes as soon as the sender connects.
  const senderReady = new Promise<void>((resolve, reject) => {
    sender.once('scale:hello', () => resolve());
    sender.once('connect_error', reject);
  });
  senderReady.catch(() => undefined);
  try {
    const ready = await clients.next(300_000);
    if (ready.type !== 'ready') throw new Error(ready.type === 'error' ? ready.message : 'unexpected message');
    await senderReady;
    await warmUp(sender, clients, sizes.clients);

    const ids: string[] = [];
    for (let index = 0; index < sizes.broadcasts; index++) {
      ids.push(await broadcast(sender, setup.name));
      await sleep(sizes.gapMs);
    }
    // Late deliveries are slow, not lost: wait (bounded) until every client has reported every broadcast.
    const expected = ids.length * sizes.clients;
    let latencies: number[] = [];
    for (const deadline = performance.now() + 15_000; ; await sleep(250)) {
      const byId = await deliveriesById(clients);
      latencies = ids.flatMap((id) => byId.get(id) ?? []);
      if (latencies.length >= expected || performance.now() > deadline) break;
    }
    const perWorker = new Map<number, number>();
    for (const pid of ready.pids) perWorker.set(pid, (perWorker.get(pid) ?? 0) + 1);
    return fanoutRows({ setup, clients: sizes.clients, perWorker, broadcasts: ids.length, latencies });
  } finally {
    sender.close();
    await clients.close();
  }
}

export async function benchScaleFanout(sizes: Sizes['scale']): Promise<Row[]> {
  return withServer({}, async (server) => {
    const session = await openSession(server.url);
    try {
      const rows: Row[] = [];
      for (const setup of scaleSetups) rows.push(...(await runSetup(session, setup, sizes)));
      return rows;
    } finally {
      await session.request('DELETE', '/api/scale');
      session.close();
    }
  });
}
