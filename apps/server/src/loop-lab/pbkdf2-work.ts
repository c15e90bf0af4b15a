// `async` jobs: crypto.pbkdf2 runs on the libuv threadpool, so the main thread stays free. The work
// is a fixed number of rounds (1,000 pbkdf2-sha512 iterations each), sized once at startup by the
// CPU time one round took on this machine, and every job reports the rounds it ran and that
// calibration: its durationMs is "this much of one thread's CPU", and its elapsed time is what the
// wall clock said (longer when other programs share the cores, or the job waited for a thread).
// Calibrating by CPU time rather than by the wall clock keeps a busy machine from sizing the
// work wrong (an async job of 2000 ms once finished in 809: its calibration round had been slowed).

import { pbkdf2, pbkdf2Sync } from 'node:crypto';
import type { Pbkdf2JobWork } from '@loopwire/contract';

export const iterationsPerRound = 1000;
const calibrationRoundsPerTry = 20;
const calibrationTries = 5;

function runPbkdf2(iterations: number): Promise<void> {
  return new Promise((resolve, reject) => {
    pbkdf2('loopwire', 'salt', iterations, 64, 'sha512', (error) => (error ? reject(error) : resolve()));
  });
}

/** CPU time of this process while the main thread runs `rounds` rounds itself, in ms. */
function cpuMsOfRounds(rounds: number): number {
  const before = process.cpuUsage();
  pbkdf2Sync('loopwire', 'salt', rounds * iterationsPerRound, 64, 'sha512');
  const { user, system } = process.cpuUsage(before);
  return (user + system) / 1000;
}

/** Milliseconds of CPU one round takes, the least of a few tries (a few ms each, once at startup):
 *  CPU time is what other programs cannot stretch, and the least try carries least of Node's own
 *  background threads' time, which process.cpuUsage() also counts. */
export function calibrateRoundMs(): number {
  cpuMsOfRounds(1);
  let least = Number.POSITIVE_INFINITY;
  for (let attempt = 0; attempt < calibrationTries; attempt += 1) {
    least = Math.min(least, cpuMsOfRounds(calibrationRoundsPerTry) / calibrationRoundsPerTry);
  }
  return Math.max(0.01, least);
}

export interface Pbkdf2Work {
  /** Runs as many rounds as fit durationMs of one thread's CPU, in one pbkdf2 call on the threadpool. */
  run(durationMs: number): Promise<Pbkdf2JobWork>;
}

export function createPbkdf2Work(roundMs = calibrateRoundMs()): Pbkdf2Work {
  // Rounds are sized by the calibration as reported, so rounds × calibratedRoundMs is what a reader can check.
  const calibratedRoundMs = Math.round(roundMs * 1000) / 1000;
  return {
    async run(durationMs) {
      const rounds = Math.max(1, Math.round(durationMs / calibratedRoundMs));
      await runPbkdf2(rounds * iterationsPerRound);
      return { rounds, iterationsPerRound, calibratedRoundMs };
    },
  };
}
