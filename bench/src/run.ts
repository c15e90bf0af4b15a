// Runs every benchmark in turn and collects rows. A benchmark that cannot run (a feature not on this
// branch, a server that refused) still yields all of its rows, unmeasured, with the reason as the note.

import { benchFanout } from './benchmarks/fanout.js';
import { benchLoopLab } from './benchmarks/loop-lab.js';
import { benchMemory } from './benchmarks/memory.js';
import { benchTapEcho } from './benchmarks/tap-echo.js';
import { benchTransportBytes, transportNames } from './benchmarks/transport-bytes.js';
import { benchWebBundle } from './benchmarks/web-bundle.js';
import { atLeast, atMost, below, between, currentLoad, machineInfo, MissingFeature, unmeasured, type Budget, type Report, type Row } from './report.js';
import { sizesByMode, type Mode, type Sizes } from './sizes.js';

interface Benchmark {
  title: string;
  /** Every row this benchmark produces, so a failure still reports each one. */
  rows: { name: string; unit: string; budget: Budget | null }[];
  run(sizes: Sizes): Promise<Row[]> | Row[];
}

const info = null;

export const benchmarks: Benchmark[] = [
  {
    title: 'tap overhead (echo, tap on vs off)',
    rows: ['ws', 'socketio'].flatMap((transport) => [
      { name: `tap.${transport}_echo_msgs_per_s_tap_off`, unit: 'msg/s', budget: info },
      { name: `tap.${transport}_echo_msgs_per_s_tap_on`, unit: 'msg/s', budget: info },
      { name: `tap.${transport}_echo_ratio`, unit: 'ratio', budget: atLeast(0.9) },
      { name: `tap.${transport}_echo_cpu_ratio`, unit: 'ratio', budget: info },
    ]).concat({ name: 'tap.ws_vs_socketio_echo_ratio', unit: 'ratio', budget: info }),
    run: (sizes) => benchTapEcho(sizes.echo),
  },
  {
    title: 'event-loop lab (lag, health, worker pool)',
    rows: [
      { name: 'loop.lag_fidelity_200ms', unit: 'ms', budget: between(190, 215) },
      { name: 'loop.health_p99_during_worker_ms', unit: 'ms', budget: below(20) },
      { name: 'loop.health_max_gap_during_blocking_ms', unit: 'ms', budget: atLeast(280) },
      { name: 'worker.throughput_ratio', unit: 'ratio', budget: atLeast(1.8) },
    ],
    run: (sizes) => benchLoopLab(sizes),
  },
  {
    title: 'fan-out (Socket.IO devices, broadcast latency)',
    rows: [{ name: 'fanout.p99_ms_1000', unit: 'ms', budget: below(50) }],
    run: (sizes) => benchFanout(sizes.fanout),
  },
  {
    title: 'memory under the tap',
    rows: [{ name: 'memory.rss_growth_mb_100k', unit: 'MiB', budget: below(20) }],
    run: (sizes) => benchMemory(sizes.memory),
  },
  {
    title: 'web initial JavaScript',
    rows: [{ name: 'web.initial_js_gzip_kib', unit: 'KiB', budget: atMost(150) }],
    run: () => benchWebBundle(),
  },
  {
    title: 'bytes per message by transport',
    rows: transportNames.map((name) => ({ name: `transport.bytes_per_message.${name}`, unit: 'B', budget: info })),
    run: (sizes) => benchTransportBytes(sizes.transportBytes),
  },
];

export const expectedRowNames = benchmarks.flatMap((benchmark) => benchmark.rows.map((row) => row.name));

/** Benchmarks with at least one row whose name starts with one of `prefixes` (all when empty). */
export function selectBenchmarks(prefixes: readonly string[]): Benchmark[] {
  if (prefixes.length === 0) return benchmarks;
  return benchmarks.filter((benchmark) => benchmark.rows.some((row) => prefixes.some((prefix) => row.name.startsWith(prefix))));
}

export async function runBench(mode: Mode, log: (line: string) => void = () => {}, selected = benchmarks): Promise<Report> {
  const sizes = sizesByMode[mode];
  const machine = machineInfo();
  const startedAt = performance.now();
  const rows: Row[] = [];
  const timings: Record<string, number> = {};
  for (const benchmark of selected) {
    log(`▶ ${benchmark.title}`);
    const benchStartedAt = performance.now();
    try {
      const produced = await benchmark.run(sizes);
      // A benchmark that returns fewer rows than it declares is a harness bug: surface it as a failed row.
      for (const row of benchmark.rows) {
        rows.push(produced.find((candidate) => candidate.name === row.name) ?? unmeasured(row.name, row.unit, row.budget, 'harness error: the benchmark did not produce this row'));
      }
    } catch (error) {
      const note = error instanceof MissingFeature ? error.message : `error: ${(error as Error).message}`;
      for (const row of benchmark.rows) rows.push(unmeasured(row.name, row.unit, row.budget, note));
    }
    timings[benchmark.title] = Math.round((performance.now() - benchStartedAt) / 100) / 10;
    log(`  done in ${timings[benchmark.title]} s`);
  }
  machine.loadAverage1m.end = currentLoad();
  return { mode, machine, durationS: Math.round((performance.now() - startedAt) / 100) / 10, timings, rows };
}
