// `async` jobs: crypto.pbkdf2 runs on the libuv threadpool, so the main thread stays free. Its
// iteration count is calibrated so one call lasts about as long as the job asks for.

import { pbkdf2, pbkdf2Sync } from 'node:crypto';
import { performance } from 'node:perf_hooks';

const calibrationIterations = 20_000;

function runPbkdf2(iterations: number): Promise<void> {
  return new Promise((resolve, reject) => {
    pbkdf2('loopwire', 'salt', iterations, 64, 'sha512', (error) => (error ? reject(error) : resolve()));
  });
}

/** Timed on this thread (about 15 ms, once at startup): timing an async call would also count
 *  however long the main thread took to get round to its callback. */
function calibrate(): number {
  pbkdf2Sync('loopwire', 'salt', 1000, 64, 'sha512');
  const started = performance.now();
  pbkdf2Sync('loopwire', 'salt', calibrationIterations, 64, 'sha512');
  return calibrationIterations / Math.max(0.1, performance.now() - started);
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
