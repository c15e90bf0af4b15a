// Fan-out as a curve: for each N (1,000 … 10,000), N Socket.IO devices on /devices (raw-socket protocol
// clients held by worker threads) on a fresh server, repeated broadcasts through POST
// /api/devices/broadcast, the delivery latency each device saw (receipt − the server's sentAt), and the
// server's time until every device had acked.

import { measured, MissingFeature, unmeasured, type Row } from '../report.js';
import { openSession, type Session } from '../session.js';
import { withServer } from '../server-process.js';
import type { Sizes } from '../sizes.js';
import { median, samplePercentile, sleep } from '../stats.js';
import type { FanoutClientsData, FromFanoutClients } from './fanout-clients.js';
import { ClientsThread } from './clients-thread.js';

interface Broadcast {
  id: string;
  sentAt: number;
  recipients: number;
}

interface BroadcastOutcome {
  acked: number;
  allAckedMs: number | null;
  delivery: { p99: number } | null;
}

const warmupBroadcasts = 2;
/**
 * The POST answers once the server has written the command to every device; with 10,000 devices on
 * a loaded machine that took 6–14 s and (load 22–41) more than the session's usual 30 s, which left
 * the row empty. A slow broadcast is a number to print, not an error.
 */
const broadcastTimeoutMs = 180_000;

/** The server's own account of each broadcast (from the devices' acks): acked count and time until all acked. */
async function serverOutcomes(session: Session, broadcasts: Broadcast[]): Promise<BroadcastOutcome[]> {
  const outcomes: BroadcastOutcome[] = [];
  for (const broadcast of broadcasts) {
    const response = await session.get<BroadcastOutcome>(`/api/devices/broadcasts/${encodeURIComponent(broadcast.id)}`);
    if (response.status !== 200) throw new Error(`GET /api/devices/broadcasts/${broadcast.id} answered ${response.status}`);
    outcomes.push(response.body);
  }
  return outcomes;
}

/** Polls the server's account of a broadcast until every device acked or its ack timeout passed. */
async function untilAcked(session: Session, id: string): Promise<void> {
  for (;;) {
    const response = await session.get<{ done?: boolean }>(`/api/devices/broadcasts/${encodeURIComponent(id)}`);
    if (response.status !== 200) throw new Error(`GET /api/devices/broadcasts/${id} answered ${response.status}`);
    if (response.body.done) return;
    await sleep(25);
  }
}

type ClientThread = ClientsThread<Extract<FromFanoutClients, { type: 'ready' }>>;

/** Every delivery the client threads have seen so far, by broadcast id (warm-up broadcasts left out). */
async function collectDeliveries(threads: ClientThread[], wanted: Set<string>): Promise<Map<string, number[]>> {
  const latencies = new Map<string, number[]>([...wanted].map((id) => [id, []]));
  for (const thread of threads) {
    for (const [id, latency] of await thread.deliveries()) latencies.get(id)?.push(latency);
  }
  return latencies;
}

interface Curve {
  devices: number;
  latencies: number[];
  expected: number;
  allAckedMs: number[];
  serverP99: number[];
  shortRecipients: number;
  connectS: number;
}

async function measureFanout(devices: number, sizes: Sizes['fanout']): Promise<Curve> {
  return withServer({}, async (server) => {
    const session = await openSession(server.url);
    const probe = await session.post('/api/devices/broadcast', { payload: { probe: true } });
    if (probe.status === 404) throw new MissingFeature('fan-out is not on this branch: POST /api/devices/broadcast answered 404');

    const connectStartedAt = performance.now();
    const perThread = Math.ceil(devices / sizes.threads);
    const threads = Array.from({ length: sizes.threads }, (_, index) => {
      const firstDevice = index * perThread;
      const data: FanoutClientsData = { port: server.port, firstDevice, count: Math.max(0, Math.min(perThread, devices - firstDevice)) };
      const thread: ClientThread = new ClientsThread(new URL('./fanout-clients.js', import.meta.url), data, 'fan-out client thread');
      return thread;
    });
    try {
      for (const thread of threads) {
        const message = await thread.next(300_000);
        if (message.type === 'error') throw new Error(message.message);
      }
      const connectS = (performance.now() - connectStartedAt) / 1000;
      await sleep(200);

      const broadcasts: Broadcast[] = [];
      // The first broadcasts warm the JIT on both sides; they are sent but not counted.
      for (let index = -warmupBroadcasts; index < sizes.broadcasts; index++) {
        const response = await session.post<Broadcast>('/api/devices/broadcast', { payload: { seq: index, text: 'bench fan-out' } }, broadcastTimeoutMs);
        if (response.status >= 300) throw new Error(`POST /api/devices/broadcast answered ${response.status} ${JSON.stringify(response.body)}`);
        if (index >= 0) broadcasts.push(response.body);
        // Each broadcast's acks come home before the next is sent: the curve is one broadcast to N devices, not a pile-up.
        await untilAcked(session, response.body.id);
        await sleep(sizes.gapMs);
      }
      // Late deliveries are slow, not lost: wait (bounded) until every device has reported every broadcast.
      const expected = broadcasts.length * devices;
      const wanted = new Set(broadcasts.map((broadcast) => broadcast.id));
      let latencies = new Map<string, number[]>();
      for (const deadline = performance.now() + 15_000; ; await sleep(250)) {
        latencies = await collectDeliveries(threads, wanted);
        const delivered = [...latencies.values()].reduce((sum, values) => sum + values.length, 0);
        if (delivered >= expected || performance.now() > deadline) break;
      }
      const outcomes = await serverOutcomes(session, broadcasts);
      return {
        devices,
        latencies: [...latencies.values()].flat(),
        expected,
        allAckedMs: outcomes.flatMap((outcome) => (outcome.allAckedMs === null || outcome.acked < devices ? [] : [outcome.allAckedMs])),
        serverP99: outcomes.flatMap((outcome) => (outcome.delivery ? [outcome.delivery.p99] : [])),
        shortRecipients: broadcasts.filter((broadcast) => broadcast.recipients !== devices).length,
        connectS,
      };
    } finally {
      session.close();
      await Promise.all(threads.map((thread) => thread.close()));
    }
  });
}

/** The rows of one size; a size that cannot be measured gives its rows unmeasured, with the reason. */
async function rowsFor(devices: number, sizes: Sizes['fanout']): Promise<Row[]> {
  let curve: Curve;
  try {
    curve = await measureFanout(devices, sizes);
  } catch (error) {
    if (error instanceof MissingFeature) throw error;
    const note = `error with ${devices} devices: ${(error as Error).message}`;
    return ['p50_ms', 'p99_ms', 'all_acked_ms'].map((row) => unmeasured(`fanout.${row}_${devices}`, 'ms', null, note)).concat(unmeasured(`fanout.missed_${devices}`, 'deliveries', null, note));
  }
  const all = curve.latencies;
  if (all.length === 0) return [`p50_ms`, 'p99_ms', 'all_acked_ms', 'missed'].map((row) => unmeasured(`fanout.${row}_${devices}`, row === 'missed' ? 'deliveries' : 'ms', null, `no device of ${devices} received any broadcast`));
  const rows: Row[] = [];
  const how = `${devices.toLocaleString('en-US')} devices in ${sizes.threads} ${sizes.threads === 1 ? 'thread' : 'threads'} (connected in ${curve.connectS.toFixed(1)} s), ${sizes.broadcasts} broadcasts`;
  const serverView = curve.serverP99.length > 0 ? `; server-side p99 from acks, median over broadcasts: ${median(curve.serverP99).toFixed(1)} ms` : '';
  rows.push(measured(`fanout.p50_ms_${devices}`, samplePercentile(all, 50), 'ms', null, how));
  rows.push(measured(`fanout.p99_ms_${devices}`, samplePercentile(all, 99), 'ms', null, `${how}: max ${samplePercentile(all, 100).toFixed(1)} ms${serverView}`));
  if (curve.allAckedMs.length > 0) {
    rows.push(measured(`fanout.all_acked_ms_${devices}`, median(curve.allAckedMs), 'ms', null, `server's time from sending a broadcast to the last device's ack, median of the ${curve.allAckedMs.length} broadcasts every device acked; slowest ${samplePercentile(curve.allAckedMs, 100).toFixed(1)} ms`));
  } else {
    rows.push(unmeasured(`fanout.all_acked_ms_${devices}`, 'ms', null, `no broadcast was acked by all ${devices} devices`));
  }
  const missed = curve.expected - all.length;
  rows.push(measured(`fanout.missed_${devices}`, missed, 'deliveries', null, `delivered ${all.length.toLocaleString('en-US')} of ${curve.expected.toLocaleString('en-US')}${curve.shortRecipients ? `; ${curve.shortRecipients} broadcasts reported fewer recipients than devices` : ''}`));
  return rows;
}

/** Rows without budgets: the budget per N is declared with the rows (run.ts) and judged there. */
export async function benchFanout(sizes: Sizes['fanout']): Promise<Row[]> {
  const rows: Row[] = [];
  for (const devices of sizes.devices) rows.push(...(await rowsFor(devices, sizes)));
  return rows;
}
