// Runs every benchmark in turn and collects rows. A benchmark that cannot run (a feature not on this
// branch, a server that refused) still yields all of its rows, unmeasured, with the reason as the note.
// To add a benchmark: a module under benchmarks/ and one entry in `benchmarks` declaring its rows.

import { benchFanout } from './benchmarks/fanout.js';
import { benchLoopLab } from './benchmarks/loop-lab.js';
import { benchMemory } from './benchmarks/memory.js';
import { benchTapEcho, benchTapFloor } from './benchmarks/tap-echo.js';
import { benchTransportBytes, transportNames } from './benchmarks/transport-bytes.js';
import { benchWebBundle } from './benchmarks/web-bundle.js';
import { benchStart } from './benchmarks/start.js';
import { benchScaleFanout } from './benchmarks/scale-fanout.js';
import { benchHealthRps } from './benchmarks/health-rps.js';
import { fanoutRowNames, healthRowNames, scaleSetups } from './benchmarks/scale-fanout-report.js';
import { asInformation, atLeast, atMost, below, between, currentLoad, exactly, judge, machineInfo, MissingFeature, unmeasured, type Budget, type Report, type Row } from './report.js';
import { sizesByMode, type Mode, type Sizes } from './sizes.js';

export interface RowSpec {
  name: string;
  unit: string;
  budget: Budget | null;
}

export interface Benchmark {
  title: string;
  /** Every row this benchmark produces at these sizes, so a failure still reports each one. */
  rows(sizes: Sizes): RowSpec[];
  run(sizes: Sizes): Promise<Row[]> | Row[];
}

const info = null;

const echoTransports = ['ws', 'socketio'] as const;

/** The budget of each fan-out size: 10,000 devices is the one the design sets; 1,000 keeps its old bar. */
const fanoutP99Budget: Record<number, Budget> = { 1000: below(50), 10_000: below(300) };

export const benchmarks: Benchmark[] = [
  {
    title: 'tap cost (echo: bare ws server, Loopwire tap off, tap on)',
    rows: () => [
      ...echoTransports.flatMap((transport) => [
        { name: `tap.${transport}_echo_cpu_us_tap_off`, unit: 'µs', budget: info },
        { name: `tap.${transport}_echo_cpu_us_tap_on`, unit: 'µs', budget: info },
        { name: `tap.${transport}_echo_cpu_ratio`, unit: 'ratio', budget: atLeast(0.95) },
        { name: `tap.${transport}_echo_msgs_per_s_tap_off`, unit: 'msg/s', budget: info },
        { name: `tap.${transport}_echo_msgs_per_s_tap_on`, unit: 'msg/s', budget: info },
        { name: `tap.${transport}_echo_throughput_ratio`, unit: 'ratio', budget: info },
      ]),
      { name: 'tap.ws_vs_socketio_echo_ratio', unit: 'ratio', budget: info },
      { name: 'peer.bare_ws_echo_cpu_us', unit: 'µs', budget: info },
      { name: 'peer.bare_vs_loopwire_tap_off_cpu_ratio', unit: 'ratio', budget: info },
      { name: 'peer.bare_vs_loopwire_tap_on_cpu_ratio', unit: 'ratio', budget: info },
    ],
    run: (sizes) => benchTapEcho(sizes.echo),
  },
  {
    title: 'tap floor (what the tap costs before it keeps a frame)',
    rows: () =>
      echoTransports.flatMap((transport) => ['hooks_only', 'frames_found', 'full'].map((name) => ({ name: `floor.${transport}_${name}_cpu_ratio`, unit: 'ratio', budget: info }))),
    run: (sizes) => benchTapFloor(sizes.echo),
  },
  {
    title: 'event-loop lab (lag, health, worker pool)',
    rows: () => [
      { name: 'loop.lag_fidelity_200ms', unit: 'ms', budget: between(190, 215) },
      { name: 'loop.lag_fidelity_runs_out_of_range', unit: 'runs', budget: exactly(0) },
      { name: 'loop.health_p99_during_worker_ms', unit: 'ms', budget: below(20) },
      { name: 'loop.health_shortest_stall_during_blocking_ms', unit: 'ms', budget: atLeast(280) },
      { name: 'worker.hashes_per_s_ratio', unit: 'ratio', budget: atLeast(1.8) },
    ],
    run: (sizes) => benchLoopLab(sizes),
  },
  {
    title: 'fan-out (Socket.IO devices, broadcast latency as N grows)',
    rows: (sizes) =>
      sizes.fanout.devices.flatMap((devices) => [
        { name: `fanout.p50_ms_${devices}`, unit: 'ms', budget: info },
        { name: `fanout.p99_ms_${devices}`, unit: 'ms', budget: fanoutP99Budget[devices] ?? info },
        { name: `fanout.all_acked_ms_${devices}`, unit: 'ms', budget: info },
        { name: `fanout.missed_${devices}`, unit: 'deliveries', budget: exactly(0) },
      ]),
    run: (sizes) => benchFanout(sizes.fanout),
  },
  {
    title: 'memory under the tap (two successive intervals)',
    rows: () => [
      { name: 'memory.rss_growth_mib_first_100k', unit: 'MiB', budget: info },
      { name: 'memory.rss_growth_mib_second_100k', unit: 'MiB', budget: atMost(2) },
    ],
    run: (sizes) => benchMemory(sizes.memory),
  },
  {
    title: 'web initial JavaScript as served',
    rows: () => [
      { name: 'web.initial_js_kib', unit: 'KiB', budget: atMost(150) },
      { name: 'web.initial_js_raw_kib', unit: 'KiB', budget: info },
    ],
    run: () => benchWebBundle(),
  },
  {
    title: 'start time (npm start on an unchanged tree)',
    rows: () => [{ name: 'start.second_start_ready_ms', unit: 'ms', budget: atMost(3000) }],
    run: () => benchStart(),
  },
  {
    title: 'fan-out across processes (the scale lab cluster: 1 worker, 2 with the cluster adapter, 2 with Redis)',
    rows: () =>
      scaleSetups.flatMap((setup) => {
        const names = fanoutRowNames(setup);
        return [
          { name: names.p50, unit: 'ms', budget: info },
          { name: names.p99, unit: 'ms', budget: info },
          { name: names.missed, unit: 'deliveries', budget: info },
        ];
      }),
    run: (sizes) => benchScaleFanout(sizes.scale),
  },
  {
    title: 'Loopwire on WORKERS=1 vs WORKERS=2 (GET /api/health under load)',
    rows: () => [
      { name: healthRowNames.workers1, unit: 'req/s', budget: info },
      { name: healthRowNames.workers2, unit: 'req/s', budget: info },
      { name: healthRowNames.ratio, unit: 'ratio', budget: info },
    ],
    run: (sizes) => benchHealthRps(sizes.scale),
  },
  {
    title: 'bytes per message by transport',
    rows: () => transportNames.map((name) => ({ name: `transport.bytes_per_message.${name}`, unit: 'B', budget: info })),
    run: (sizes) => benchTransportBytes(sizes.transportBytes),
  },
];

export const expectedRowNames = (mode: Mode, selected = benchmarks): string[] =>
  selected.flatMap((benchmark) => benchmark.rows(sizesByMode[mode]).map((row) => row.name));

/** Benchmarks with at least one row whose name starts with one of `prefixes` (all when empty). */
export function selectBenchmarks(prefixes: readonly string[], mode: Mode): Benchmark[] {
  if (prefixes.length === 0) return benchmarks;
  return benchmarks.filter((benchmark) => benchmark.rows(sizesByMode[mode]).some((row) => prefixes.some((prefix) => row.name.startsWith(prefix))));
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
    const declared = benchmark.rows(sizes);
    try {
      const produced = await benchmark.run(sizes);
      // A benchmark that returns fewer rows than it declares is a harness bug: surface it as a failed row.
      for (const row of declared) {
        const found = produced.find((candidate) => candidate.name === row.name);
        rows.push(found ? judge(found, row.budget) : unmeasured(row.name, row.unit, row.budget, 'harness error: the benchmark did not produce this row'));
      }
    } catch (error) {
      const note = error instanceof MissingFeature ? error.message : `error: ${(error as Error).message}`;
      for (const row of declared) rows.push(unmeasured(row.name, row.unit, row.budget, note));
    }
    timings[benchmark.title] = Math.round((performance.now() - benchStartedAt) / 100) / 10;
    log(`  done in ${timings[benchmark.title]} s`);
  }
  machine.loadAverage1m.end = currentLoad();
  const judged = mode === 'full' ? rows : rows.map(asInformation);
  return { mode, machine, durationS: Math.round((performance.now() - startedAt) / 100) / 10, timings, rows: judged };
}
