// The scale benchmarks' pure parts: reading the lab cluster's Socket.IO frames, and turning what was
// measured into rows (every row says what it measured and with which client).

import { measured, unmeasured, type Row } from '../report.js';
import { samplePercentile } from '../stats.js';

export type ScaleFrame =
  | { kind: 'ping' }
  | { kind: 'open' }
  | { kind: 'hello'; pid: number }
  | { kind: 'message'; id: string; sentAt: number }
  | { kind: 'other' };

/** One Engine.IO text frame of a lab cluster client: `2`, `0{…}`, `42["scale:hello",{…}]`, `42["scale:message",{…}]`. */
export function parseScaleFrame(text: string): ScaleFrame {
  if (text === '2') return { kind: 'ping' };
  if (text.startsWith('0{')) return { kind: 'open' };
  if (!text.startsWith('42[')) return { kind: 'other' };
  const [event, data] = JSON.parse(text.slice(2)) as [string, { pid?: unknown; id?: unknown; sentAt?: unknown }];
  if (event === 'scale:hello' && typeof data?.pid === 'number') return { kind: 'hello', pid: data.pid };
  if (event === 'scale:message' && typeof data?.id === 'string' && typeof data.sentAt === 'number') return { kind: 'message', id: data.id, sentAt: data.sentAt };
  return { kind: 'other' };
}

/** One cluster the fan-out ran through: `name` is the row suffix, `label` how the note says it. */
export interface ScaleSetup {
  name: '1_worker' | '2_workers_cluster' | '2_workers_redis';
  label: string;
  workers: number;
  adapter: 'memory' | 'cluster' | 'redis';
}

export const scaleSetups: ScaleSetup[] = [
  { name: '1_worker', label: '1 worker process (in-memory adapter)', workers: 1, adapter: 'memory' },
  { name: '2_workers_cluster', label: '2 worker processes, cluster adapter', workers: 2, adapter: 'cluster' },
  { name: '2_workers_redis', label: '2 worker processes, Redis adapter (a real redis-server)', workers: 2, adapter: 'redis' },
];

export const fanoutRowNames = (setup: ScaleSetup) => ({
  p50: `scale.fanout_p50_ms_${setup.name}`,
  p99: `scale.fanout_p99_ms_${setup.name}`,
  missed: `scale.fanout_missed_${setup.name}`,
});

export interface FanoutRun {
  setup: ScaleSetup;
  clients: number;
  /** Clients per worker pid, as each client's scale:hello said. */
  perWorker: Map<number, number>;
  broadcasts: number;
  latencies: number[];
}

export function fanoutRows(run: FanoutRun): Row[] {
  const names = fanoutRowNames(run.setup);
  const spread = [...run.perWorker.values()].join(' + ');
  const how = `${run.setup.label}: ${run.clients.toLocaleString('en-US')} Socket.IO clients (${spread} per worker) of the scale lab's cluster, one sender, ${run.broadcasts} broadcasts; delay from the sender's emit to each client's receipt`;
  const expected = run.broadcasts * run.clients;
  if (run.latencies.length === 0) {
    const note = `${how}: no client received any broadcast`;
    return [unmeasured(names.p50, 'ms', null, note), unmeasured(names.p99, 'ms', null, note), measured(names.missed, expected, 'deliveries', null, note)];
  }
  return [
    measured(names.p50, samplePercentile(run.latencies, 50), 'ms', null, how),
    measured(names.p99, samplePercentile(run.latencies, 99), 'ms', null, `${how}; max ${samplePercentile(run.latencies, 100).toFixed(1)} ms`),
    measured(names.missed, expected - run.latencies.length, 'deliveries', null, `delivered ${run.latencies.length.toLocaleString('en-US')} of ${expected.toLocaleString('en-US')}`),
  ];
}

export const healthRowNames = {
  workers1: 'scale.health_req_per_s_workers_1',
  workers2: 'scale.health_req_per_s_workers_2',
  ratio: 'scale.health_req_per_s_ratio_2_vs_1',
};

export interface HealthRun {
  workers: number;
  requestsPerSecond: number;
  /** Responses that were not 200, and socket errors/timeouts, during the measured window. */
  non2xx: number;
  errors: number;
  connections: number;
  seconds: number;
  /** CPU the load generator used, in cores (1 = one core busy the whole window). */
  clientCores: number;
  /** Distinct worker pids that answered (from /api/health's pid). */
  pidsSeen: number;
}

function healthNote(run: HealthRun, cpus: number): string {
  const failures = run.non2xx + run.errors > 0 ? `; ${run.non2xx} non-200 answers, ${run.errors} errors` : '';
  return (
    `WORKERS=${run.workers} (${run.pidsSeen} pid${run.pidsSeen === 1 ? '' : 's'} answered): GET /api/health for ${run.seconds} s over ${run.connections} keep-alive connections, ` +
    `one loopwire_sid each (a class of learners), by autocannon in the bench's own process, which used ${run.clientCores.toFixed(2)} of the machine's ${cpus} cores${failures}`
  );
}

export function healthRows(one: HealthRun, two: HealthRun, cpus: number): Row[] {
  return [
    measured(healthRowNames.workers1, one.requestsPerSecond, 'req/s', null, healthNote(one, cpus)),
    measured(healthRowNames.workers2, two.requestsPerSecond, 'req/s', null, healthNote(two, cpus)),
    measured(
      healthRowNames.ratio,
      two.requestsPerSecond / one.requestsPerSecond,
      'ratio',
      null,
      `WORKERS=2 ÷ WORKERS=1 in the same run; the server's processes and the load generator share ${cpus} cores, so this is what one machine gains, not what two would`,
    ),
  ];
}
