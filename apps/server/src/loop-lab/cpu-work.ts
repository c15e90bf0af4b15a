// The CPU work every lab mode does: SHA-256 over a buffer, again and again, until the time is up.
// The same function runs on the main thread (blocking, partitioned) and in worker threads.

import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';

const block = Buffer.alloc(16 * 1024, 7);

/** Keeps this thread busy hashing for `durationMs`; returns how many hashes it made. */
export function burnCpu(durationMs: number): number {
  const until = performance.now() + durationMs;
  let hashes = 0;
  while (performance.now() < until) {
    createHash('sha256').update(block).digest();
    hashes += 1;
  }
  return hashes;
}
