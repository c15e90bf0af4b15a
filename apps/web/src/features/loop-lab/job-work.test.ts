import { describe, expect, it } from 'vitest';
import { workDone } from './job-work.ts';

describe('the work a lab job reports', () => {
  it('states an async job’s pbkdf2 rounds, the calibration and the CPU time they add up to', () => {
    const text = workDone({ durationMs: 2000, hashes: null, pbkdf2: { rounds: 4651, iterationsPerRound: 1000, calibratedRoundMs: 0.43 } });
    expect(text).toBe(
      "4,651 rounds of 1,000 pbkdf2 iterations; one round took 0.43 ms of CPU when the server started, so about 2,000 ms of one thread's work",
    );
  });

  it('states that a CPU job hashed until its time was up', () => {
    expect(workDone({ durationMs: 500, hashes: 12345, pbkdf2: null })).toBe('12,345 SHA-256 hashes of a 16 KiB block, hashing until 500 ms had passed');
  });
});
