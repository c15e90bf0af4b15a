// Runs lab jobs in the four modes, enforces the blocking budget and the concurrency caps,
// tells every page when a job starts, gets a thread and finishes.

import { setImmediate as nextTurn } from 'node:timers/promises';
import { MessageChannel } from 'node:worker_threads';
import type { Piscina } from 'piscina';
import type { JobLane, JobMode, LabJobResult, Pbkdf2JobWork } from '@loopwire/contract';
import type { LoopwireIo } from '../core/socket-io.js';
import type { BlockingBudget } from './blocking-budget.js';
import { HttpError } from '../core/errors.js';
import { burnCpu } from './cpu-work.js';
import type { CpuTask, CpuTaskResult } from './cpu-worker.js';
import type { LoopMonitor } from './loop-monitor.js';
import type { Pbkdf2Work } from './pbkdf2-work.js';
import type { ThreadpoolLanes } from './threadpool-lanes.js';
import { RetryLater } from '../core/retry-later.js';

/** Longest slice of a partitioned job before it yields to the loop. */
export const partitionSliceMs = 8;

/** How many jobs of each non-blocking mode may be in flight at once. */
export const concurrencyCaps = { partitioned: 2, async: 8, worker: 8 } as const;

export interface JobRunnerDeps {
  io: LoopwireIo;
  monitor: LoopMonitor;
  budget: BlockingBudget;
  lanes: ThreadpoolLanes;
  pbkdf2: Pbkdf2Work;
  workers: Piscina<CpuTask, CpuTaskResult>;
}

export interface JobRunner {
  /** Accepts the job (or throws a 429 HttpError) and resolves when it has finished. */
  run(mode: JobMode, durationMs: number): Promise<LabJobResult>;
  /** Accepts every job before any starts, so a batch cannot be half refused. */
  runBatch(mode: JobMode, durationMs: number, count: number): Promise<LabJobResult[]>;
}

interface Ran {
  lane: JobLane;
  runStartedAt: number;
  /** SHA-256 hashes the job completed (null for async: pbkdf2 counts no hashes). */
  hashes: number | null;
  /** Async only: the pbkdf2 rounds it ran. */
  pbkdf2?: Pbkdf2JobWork;
}

export function createJobRunner({ io, monitor, budget, lanes, pbkdf2, workers }: JobRunnerDeps): JobRunner {
  let nextId = 1;
  const inFlight = { partitioned: 0, async: 0, worker: 0 };
  /** Lane and start of each in-flight async job, set when it gets a libuv thread. */
  const asyncRuns = new Map<number, Ran>();

  const admit = (mode: JobMode, durationMs: number, count: number) => {
    if (mode === 'blocking') {
      // Waiting cannot help a batch bigger than the whole budget: that is the request's fault (400), not a 429.
      if (durationMs * count > budget.budgetMs) {
        throw new HttpError(
          400,
          'batch_over_budget',
          `${count} blocking jobs of ${durationMs} ms need ${durationMs * count} ms, more than the ${budget.budgetMs} ms of blocking allowed per ${budget.windowMs / 1000} s: ask for fewer or shorter jobs.`,
        );
      }
      const reservation = budget.reserve(durationMs * count);
      if (!reservation.ok) {
        throw new RetryLater(
          'blocking_budget_exhausted',
          `Blocking jobs may hold the event loop for at most ${budget.budgetMs} ms per ${budget.windowMs / 1000} s, and that is used up. Try again shortly.`,
          reservation.retryAfterMs,
        );
      }
      return;
    }
    if (inFlight[mode] + count > concurrencyCaps[mode]) {
      throw new RetryLater(
        'too_many_jobs',
        `At most ${concurrencyCaps[mode]} ${mode} jobs may run at once; wait for one to finish.`,
        1000,
      );
    }
    inFlight[mode] += count;
  };

  const runOnLane = async (id: number, mode: JobMode, durationMs: number): Promise<Ran> => {
    const running = (lane: JobLane, runStartedAt: number, jobId = id): Ran => {
      io.local.emit('lab:job-running', { id: jobId, mode, lane, runStartedAt });
      return { lane, runStartedAt, hashes: null };
    };
    switch (mode) {
      case 'blocking': {
        // Let the job-started event leave before the loop stops.
        await nextTurn();
        const ran = running({ kind: 'main', index: 0 }, Date.now());
        return { ...ran, hashes: burnCpu(durationMs) };
      }
      case 'partitioned': {
        const ran = running({ kind: 'main', index: 0 }, Date.now());
        let hashes = 0;
        for (let left = durationMs; left > 0; left -= partitionSliceMs) {
          hashes += burnCpu(Math.min(partitionSliceMs, left));
          await nextTurn();
        }
        return { ...ran, hashes };
      }
      case 'async': {
        let work: Pbkdf2JobWork;
        try {
          work = await pbkdf2.run(durationMs);
        } finally {
          const next = lanes.leave(id);
          if (next) {
            const lane: JobLane = { kind: 'libuv', index: next.lane };
            asyncRuns.set(next.jobId, running(lane, Date.now(), next.jobId));
          }
        }
        // No lane only if the FIFO model was wrong about this job (see threadpool-lanes.ts).
        const ran = asyncRuns.get(id) ?? running({ kind: 'libuv', index: 0 }, Date.now());
        asyncRuns.delete(id);
        return { ...ran, pbkdf2: work };
      }
      case 'worker': {
        const { port1, port2 } = new MessageChannel();
        port1.once('message', ({ threadId, runStartedAt }: { threadId: number; runStartedAt: number }) => {
          io.local.emit('lab:job-running', { id, mode, lane: { kind: 'worker', index: threadId }, runStartedAt });
        });
        try {
          const result = await workers.run({ durationMs, started: port2 }, { transferList: [port2] });
          return { lane: { kind: 'worker', index: result.threadId }, runStartedAt: result.runStartedAt, hashes: result.hashes };
        } finally {
          port1.close();
        }
      }
    }
  };

  const runAccepted = async (mode: JobMode, durationMs: number): Promise<LabJobResult> => {
    const id = nextId++;
    const startedAt = Date.now();
    let lane: JobLane | null = null;
    if (mode === 'blocking' || mode === 'partitioned') lane = { kind: 'main', index: 0 };
    if (mode === 'async') {
      const index = lanes.enter(id);
      lane = index === null ? null : { kind: 'libuv', index };
      if (lane) asyncRuns.set(id, { lane, runStartedAt: startedAt, hashes: null });
    }
    io.local.emit('lab:job-started', { id, mode, durationMs, startedAt, lane });
    let ran: Ran;
    try {
      ran = await runOnLane(id, mode, durationMs);
    } finally {
      if (mode !== 'blocking') inFlight[mode] -= 1;
    }
    const finishedAt = Date.now();
    // The loop monitor reads a stall only once the loop runs again: wait for a window that began
    // after the job ended, then take the worst window that overlapped it.
    await sampleAfter(monitor, finishedAt);
    const result: LabJobResult = {
      id,
      mode,
      durationMs,
      startedAt,
      runStartedAt: Math.round(ran.runStartedAt),
      finishedAt,
      elapsedMs: finishedAt - startedAt,
      maxLoopLagMs: worstLagBetween(monitor, startedAt, finishedAt),
      lane: ran.lane,
      hashes: ran.hashes,
      pbkdf2: ran.pbkdf2 ?? null,
    };
    io.local.emit('lab:job-finished', result);
    return result;
  };

  return {
    run(mode, durationMs) {
      admit(mode, durationMs, 1);
      return runAccepted(mode, durationMs);
    },
    runBatch(mode, durationMs, count) {
      admit(mode, durationMs, count);
      return Promise.all(Array.from({ length: count }, () => runAccepted(mode, durationMs)));
    },
  };
}

function sampleAfter(monitor: LoopMonitor, time: number): Promise<void> {
  return new Promise((resolve) => {
    let seen = 0;
    const done = () => {
      stop();
      clearTimeout(fallback);
      resolve();
    };
    const stop = monitor.onSample((sample) => {
      seen += 1;
      // Two windows at most: the first may have closed before the stall was recorded.
      if (sample.at - 100 >= time || seen >= 2) done();
    });
    // The monitor stops when the server closes; never leave a request hanging on it.
    const fallback = setTimeout(done, 500);
  });
}

function worstLagBetween(monitor: LoopMonitor, from: number, to: number): number {
  let worst = 0;
  for (const sample of monitor.history()) {
    // A window ends at sample.at and lasts about 100 ms; the one after `to` holds a late reading.
    if (sample.at >= from && sample.at - 100 <= to + 100) worst = Math.max(worst, sample.lagMaxMs);
  }
  return worst;
}
