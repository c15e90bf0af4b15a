// What a lab job computed, in words: the CPU modes hash until their time is up; an async job runs a
// fixed amount of pbkdf2 sized at the server's start, so its elapsed time may differ from what was asked.

import type { LabJobResult } from '@loopwire/contract';

export function workDone(result: Pick<LabJobResult, 'durationMs' | 'hashes' | 'pbkdf2'>): string {
  if (result.pbkdf2) {
    const { rounds, iterationsPerRound, calibratedRoundMs } = result.pbkdf2;
    const cpuMs = Math.round(rounds * calibratedRoundMs);
    return `${rounds.toLocaleString('en')} rounds of ${iterationsPerRound.toLocaleString('en')} pbkdf2 iterations; one round took ${calibratedRoundMs} ms of CPU when the server started, so about ${cpuMs.toLocaleString('en')} ms of one thread's work`;
  }
  return `${(result.hashes ?? 0).toLocaleString('en')} SHA-256 hashes of a 16 KiB block, hashing until ${result.durationMs} ms had passed`;
}
