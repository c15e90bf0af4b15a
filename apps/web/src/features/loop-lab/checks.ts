// Live checks for the event-loop lessons (8–10): each reads what the server recorded of this learner
// (their own jobs, their own experiment runs) and never runs anything itself, so only a learner who
// did the experiment passes, and a typed answer counts only together with that record.

import type { LabJobResult } from '@loopwire/contract';
import { fetchOrderRuns, fetchRecentJobs } from './api.ts';
import type { CheckContext, LiveCheck } from '../../lib/live/context.ts';

type LabCheckId = 'last-of-nested-microtasks' | 'lag-over-500' | 'four-async-jobs-queued' | 'worker-keeps-loop-free';

/** Jobs count as "just done" for this long. */
const recentMs = 5 * 60_000;

async function recentJobs(ctx: CheckContext): Promise<LabJobResult[]> {
  const { jobs } = await fetchRecentJobs((path, init) => ctx.fetch(path, init));
  const since = Date.now() - recentMs;
  return jobs.filter((job) => job.finishedAt >= since).reverse();
}

/** A number of milliseconds, as typed: "612", "612.4" or "612 ms". */
function readMs(answer: string): number | null {
  const match = /^(\d+(?:\.\d+)?)\s*(?:ms)?$/i.exec(answer.trim());
  return match ? Number(match[1]) : null;
}

/** Close enough to a measured lag: within 10% or 5 ms. */
function matchesMeasured(answer: number, measured: number): boolean {
  return Math.abs(answer - measured) <= Math.max(5, measured * 0.1);
}

export const labChecks: Record<LabCheckId, LiveCheck> = {
  async 'last-of-nested-microtasks'(answer, ctx) {
    const { runs } = await fetchOrderRuns((path, init) => ctx.fetch(path, init));
    const run = runs.findLast((candidate) => candidate.experiment === 'nested-microtasks');
    if (!run) {
      return { pass: false, message: 'You have not run “Microtasks queued by microtasks” yet: choose it in the predictor and press Run on the server.' };
    }
    const last = run.observed[run.observed.length - 1]!.label;
    return answer.trim().toLowerCase() === last
      ? { pass: true, message: `Right: “${last}” waits until every queued promise callback has run, because Node only returns to the nextTick queue after the promise queue is empty.` }
      : { pass: false, message: 'Not the last one. Run the experiment in the predictor and read the bottom of “What the server observed”.' };
  },

  async 'lag-over-500'(answer, ctx) {
    const stalls = (await recentJobs(ctx)).filter((job) => job.mode === 'blocking' && job.maxLoopLagMs >= 500);
    if (stalls.length === 0) {
      return { pass: false, message: 'The server has not seen a blocking job hold its loop for 500 ms or more in the last five minutes.' };
    }
    const typed = readMs(answer);
    const match = typed === null ? undefined : stalls.find((job) => matchesMeasured(typed, job.maxLoopLagMs));
    return match
      ? { pass: true, message: `Right: job #${match.id} held the loop for ${match.maxLoopLagMs} ms, and every other client waited that long.` }
      : { pass: false, message: 'You did stall the loop; now type the worst loop lag the lab reported for that job (under “worst loop lag during it”).' };
  },

  async 'four-async-jobs-queued'(answer, ctx) {
    const waited = (await recentJobs(ctx)).filter((job) => job.mode === 'async' && job.runStartedAt - job.startedAt > 20);
    if (waited.length < 4) {
      return { pass: false, message: `Only ${waited.length} async job${waited.length === 1 ? '' : 's'} had to wait for a libuv thread recently. Start more at once than the pool has threads.` };
    }
    const threads = new Set(waited.map((job) => job.lane.index)).size;
    const poolSize = Math.max(...(await recentJobs(ctx)).filter((job) => job.mode === 'async').map((job) => job.lane.index)) + 1;
    return answer.trim() === String(poolSize)
      ? { pass: true, message: `Right: the pool has ${poolSize} threads, so job number ${poolSize + 1} and later waited (here on ${threads} different threads as they came free).` }
      : { pass: false, message: 'You queued the jobs; now say how many threads the pool ran at once (count the libuv lanes that were busy together).' };
  },

  async 'worker-keeps-loop-free'(answer, ctx) {
    // Far below the job's own length: a blocking job of 2000 ms lags the loop by about 2000 ms.
    // The margin is wide because a busy machine delays timers even when the loop is free.
    const calm = (await recentJobs(ctx)).filter((job) => job.mode === 'worker' && job.durationMs >= 2000 && job.maxLoopLagMs < 500);
    if (calm.length === 0) {
      return { pass: false, message: 'No worker job of 2000 ms or more finished recently with the loop lag far below its length (under 500 ms). Run one.' };
    }
    const typed = readMs(answer);
    const match = typed === null ? undefined : calm.find((job) => matchesMeasured(typed, job.maxLoopLagMs));
    return match
      ? { pass: true, message: `Right: ${match.durationMs} ms of hashing on worker #${match.lane.index}, and the main loop never lagged more than ${match.maxLoopLagMs} ms.` }
      : { pass: false, message: 'The job ran; now type the worst loop lag the lab reported for it (under “worst loop lag during it”).' };
  },
};
