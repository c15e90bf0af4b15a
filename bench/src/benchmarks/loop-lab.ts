// The event-loop lab, measured from outside: the lag the server reports for a blocking job, what
// /api/health feels during worker and blocking jobs, and hashes completed per second through the
// worker pool vs the main thread.

import { atLeast, below, between, exactly, measured, MissingFeature, type Row } from '../report.js';
import { openSession, type Session } from '../session.js';
import { withServer, type ServerProcess } from '../server-process.js';
import type { Sizes } from '../sizes.js';
import { maxGap, median, samplePercentile, sleep } from '../stats.js';

type JobMode = 'blocking' | 'partitioned' | 'async' | 'worker';

interface LabJob {
  id: string;
  mode: JobMode;
  durationMs: number;
  elapsedMs: number;
  /** Epoch ms on the server's clock. */
  finishedAt: number;
  maxLoopLagMs: number;
  /** SHA-256 hashes the job completed: the work done. */
  hashes: number | null;
}

/** The bench runs far more blocking work than a learner should: lift the server's blocking budget. */
export const labServerEnv = { LAB_BLOCKING_BUDGET_MS: '600000' };

async function runJob(session: Session, mode: JobMode, durationMs: number): Promise<LabJob> {
  const response = await session.post<LabJob>('/api/lab/jobs', { mode, durationMs }, 60_000);
  if (response.status === 404) throw new MissingFeature('the event-loop lab is not on this branch: POST /api/lab/jobs answered 404');
  if (response.status >= 300 || typeof response.body?.maxLoopLagMs !== 'number') {
    throw new Error(`POST /api/lab/jobs {mode: ${mode}} answered ${response.status} ${JSON.stringify(response.body)}`);
  }
  return response.body;
}

interface HealthSample {
  sentAt: number;
  receivedAt: number;
}

/** Asks /api/health back to back on one keep-alive connection until stopped, as a second "tab" would. */
function startHealthProbe(session: Session): { samples: HealthSample[]; stop(): Promise<void> } {
  const samples: HealthSample[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const sentAt = performance.now();
      await session.get('/api/health');
      samples.push({ sentAt, receivedAt: performance.now() });
    }
  })();
  return {
    samples,
    async stop() {
      running = false;
      await loop;
    },
  };
}

/** Health samples around each job: latencies of requests sent during it, and the longest silence it caused. */
async function healthDuringJobs(session: Session, prober: Session, mode: JobMode, jobMs: number, jobs: number) {
  const probe = startHealthProbe(prober);
  const latencies: number[] = [];
  const gaps: number[] = [];
  try {
    for (let index = 0; index < jobs; index++) {
      await sleep(100);
      const startedAt = performance.now();
      await runJob(session, mode, jobMs);
      const finishedAt = performance.now();
      await sleep(50);
      const during = probe.samples.filter((sample) => sample.sentAt < finishedAt && sample.receivedAt > startedAt);
      latencies.push(...during.map((sample) => sample.receivedAt - sample.sentAt));
      const around = probe.samples.filter((sample) => sample.receivedAt >= startedAt - 20);
      gaps.push(maxGap(around.map((sample) => sample.receivedAt)));
    }
  } finally {
    await probe.stop();
  }
  if (latencies.length === 0) throw new Error(`no /api/health answer arrived during the ${mode} jobs`);
  return { latencies, gaps, requests: latencies.length };
}

interface Throughput {
  /** Hashes completed per second: the work done, however many threads were busy (or spinning). */
  hashesPerSecond: number;
  /** Server CPU seconds per wall-clock second (all threads), as a cross-check. */
  cpuPerSecond: number;
}

/**
 * The window runs from sending the jobs to the last job's `finishedAt` (the server's clock, the same
 * machine's): a job's answer waits for the next 100 ms loop-monitor window to report its lag, idle
 * time that belongs to neither way of running the work. The CPU spent is read after the answers.
 */
async function throughput(server: ServerProcess, session: Session, mode: JobMode, jobs: number, jobMs: number): Promise<Throughput> {
  const cpuBefore = server.cpuSeconds();
  const startedAt = Date.now();
  const results = await Promise.all(Array.from({ length: jobs }, () => runJob(session, mode, jobMs)));
  const seconds = (Math.max(...results.map((result) => result.finishedAt)) - startedAt) / 1000;
  if (results.some((result) => typeof result.hashes !== 'number')) throw new MissingFeature('lab jobs do not report `hashes` on this branch');
  const hashes = results.reduce((sum, result) => sum + result.hashes!, 0);
  return { hashesPerSecond: hashes / seconds, cpuPerSecond: (server.cpuSeconds() - cpuBefore) / seconds };
}

export async function benchLoopLab(sizes: Sizes): Promise<Row[]> {
  return withServer(labServerEnv, async (server) => {
    const session = await openSession(server.url);
    const prober = await openSession(server.url);
    try {
      const rows: Row[] = [];

      const lags: number[] = [];
      for (let run = 0; run < sizes.lag.runs; run++) {
        await sleep(100);
        lags.push((await runJob(session, 'blocking', sizes.lag.jobMs)).maxLoopLagMs);
      }
      const fidelity = between(190, 215);
      const every = `every run: ${lags.map((lag) => lag.toFixed(1)).join(', ')} ms`;
      rows.push(measured('loop.lag_fidelity_200ms', median(lags), 'ms', fidelity, `median of ${lags.length}; ${every}`));
      const outOfRange = lags.filter((lag) => !fidelity.check(Math.round(lag * 10) / 10)).length;
      rows.push(measured('loop.lag_fidelity_runs_out_of_range', outOfRange, 'runs', exactly(0), `runs of ${lags.length} whose lag was outside ${fidelity.text} ms; ${every}`));

      // Start every pool thread before anything is timed: a thread's first job pays for its start-up.
      await Promise.all(Array.from({ length: sizes.worker.jobs }, () => runJob(session, 'worker', 20)));
      const worker = await healthDuringJobs(session, prober, 'worker', sizes.health.jobMs, sizes.health.workerJobs);
      rows.push(
        measured('loop.health_p99_during_worker_ms', samplePercentile(worker.latencies, 99), 'ms', below(20), `${worker.requests} /api/health requests during ${sizes.health.workerJobs} × ${sizes.health.jobMs} ms worker jobs; max ${Math.max(...worker.latencies).toFixed(1)} ms`),
      );
      const blocking = await healthDuringJobs(session, prober, 'blocking', sizes.health.jobMs, sizes.health.blockingJobs);
      rows.push(
        measured('loop.health_shortest_stall_during_blocking_ms', Math.min(...blocking.gaps), 'ms', atLeast(280), `per ${sizes.health.jobMs} ms blocking job, the longest silence of /api/health; the shortest of those ${blocking.gaps.length} stalls: ${blocking.gaps.map((gap) => gap.toFixed(0)).join(', ')} ms`),
      );

      // A lab job hashes until its duration is up, so jobs/s only counts lanes and CPU seconds count a
      // spinning thread too: hashes completed per second is the work each way really got done.
      const rounds = { worker: [] as Throughput[], blocking: [] as Throughput[] };
      for (let round = 0; round < sizes.worker.rounds; round++) {
        rounds.blocking.push(await throughput(server, session, 'blocking', sizes.worker.jobs, sizes.worker.jobMs));
        rounds.worker.push(await throughput(server, session, 'worker', sizes.worker.jobs, sizes.worker.jobMs));
      }
      const medianOf = (runs: Throughput[], key: keyof Throughput) => median(runs.map((run) => run[key]));
      const hashes = { worker: medianOf(rounds.worker, 'hashesPerSecond'), blocking: medianOf(rounds.blocking, 'hashesPerSecond') };
      rows.push(
        measured('worker.hashes_per_s_ratio', hashes.worker / hashes.blocking, 'ratio', atLeast(1.8), `hashes completed per second, worker pool ÷ main thread, ${sizes.worker.jobs} concurrent ${sizes.worker.jobMs} ms jobs: ${Math.round(hashes.worker)} vs ${Math.round(hashes.blocking)} hashes/s (median of ${sizes.worker.rounds}); server CPU ${medianOf(rounds.worker, 'cpuPerSecond').toFixed(2)} vs ${medianOf(rounds.blocking, 'cpuPerSecond').toFixed(2)} CPU-s/s`),
      );
      return rows;
    } finally {
      session.close();
      prober.close();
    }
  });
}
