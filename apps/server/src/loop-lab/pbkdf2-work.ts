// `async` jobs: crypto.pbkdf2 runs on the libuv threadpool, so the main thread stays free. Its
// iteration count is calibrated so one call lasts about as long as the job asks for.

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
  const iterationsPerMs = calibrate();
  return {
    run: (durationMs) => runPbkdf2(Math.max(1, Math.round(iterationsPerMs * durationMs))),
  };
}
