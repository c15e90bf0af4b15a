// The soak's memory verdict. Resident memory saws between two levels as the collector returns pages
// (170 ↔ 221 MiB in a 10-minute run), so a median of one minute lands on either level by chance; a
// leak shows as a rising top instead. Judged: the highest sample of the last minute and the highest of
// the whole run against the highest of the first minute after the warm-up, +10 % at most. Memory
// that falls is not a failure.

import type { SoakSample } from './soak-chart.js';

export interface MemoryVerdict {
  /** Highest RSS in the first minute after the warm-up, MiB. */
  baselineMiB: number;
  /** Highest RSS in the last minute, MiB. */
  endMiB: number;
  /** Highest RSS after the warm-up, MiB. */
  peakMiB: number;
  /** Why memory fails the soak, or null when it is bounded. */
  failure: string | null;
}

export function memoryVerdict(samples: readonly SoakSample[], warmUpMs: number, sampleEveryMs: number, allowedGrowth = 0.1): MemoryVerdict {
  const afterWarmUp = samples.filter((sample) => sample.atS * 1000 >= warmUpMs).map((sample) => sample.rssMiB);
  const window = Math.max(1, Math.round(60_000 / sampleEveryMs));
  const highest = (values: number[]) => Math.max(0, ...values);
  const baselineMiB = highest(afterWarmUp.slice(0, window));
  const endMiB = highest(afterWarmUp.slice(-window));
  const peakMiB = highest(afterWarmUp);
  const limit = baselineMiB * (1 + allowedGrowth);
  const failure =
    endMiB > limit || peakMiB > limit
      ? `RSS grew past ${Math.round(allowedGrowth * 100)} % after the warm-up: first minute's top ${baselineMiB} MiB, last minute's top ${endMiB} MiB, peak ${peakMiB} MiB`
      : null;
  return { baselineMiB, endMiB, peakMiB, failure };
}
