// `async` jobs: crypto.pbkdf2 runs on the libuv threadpool, so the main thread stays free. Its
// iteration count is calibrated so one call lasts about as long as the job asks for, and
// recalibrated from every call that had the pool to itself, so a busy machine at startup does not
// make every later job short (an async job of 2000 ms once finished in 809).

import { pbkdf2, pbkdf2Sync } from 'node:crypto';
import { performance } from 'node:perf_hooks';

const calibrationIterations = 10_000;
const calibrationRounds = 5;

function runPbkdf2(iterations: number): Promise<void> {
  return new Promise((resolve, reject) => {
    pbkdf2('loopwire', 'salt', iterations, 64, 'sha512', (error) => (error ? reject(error) : resolve()));
  });
}

/** Timed on this thread (a few ms per round, once at startup): timing an async call would also
 *  count however long the main thread took to get round to its callback. The fastest round is
 *  kept: a round slowed by other programs would make every later job run short of its durationMs
 *  (an async job of 2000 ms once finished in 809), while a job on a busy machine can only run long. */
function calibrate(): number {
  pbkdf2Sync('loopwire', 'salt', 1000, 64, 'sha512');
  let fastestMs = Number.POSITIVE_INFINITY;
  for (let round = 0; round < calibrationRounds; round += 1) {
    const started = performance.now();
    pbkdf2Sync('loopwire', 'salt', calibrationIterations, 64, 'sha512');
    fastestMs = Math.min(fastestMs, performance.now() - started);
  }
  return calibrationIterations / Math.max(0.1, fastestMs);
}

export interface Pbkdf2Work {
  /** Runs pbkdf2 on the threadpool for about durationMs of one thread's time. */
  run(durationMs: number): Promise<void>;
}

export function createPbkdf2Work(): Pbkdf2Work {
  let iterationsPerMs = calibrate();
  let inFlight = 0;
  let started = 0;
  return {
    async run(durationMs) {
      const iterations = Math.max(1, Math.round(iterationsPerMs * durationMs));
      inFlight += 1;
      const startedBefore = (started += 1);
      const alone = inFlight === 1;
      const t0 = performance.now();
      try {
        await runPbkdf2(iterations);
      } finally {
        inFlight -= 1;
      }
      const tookMs = performance.now() - t0;
      // Alone from start to end: nothing else shared the pool, so this is the machine's speed now.
      if (alone && started === startedBefore && tookMs >= 50) iterationsPerMs = (iterationsPerMs + iterations / tookMs) / 2;
    },
  };
}
