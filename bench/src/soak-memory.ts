// The soak's memory verdict. Resident memory saws between two levels as the collector grows and
// returns pages (≈170 ↔ 230 MiB in a 10-minute run, one period lasting one to three minutes), so any
// window shorter than the saw lands on either level by chance. A leak lifts both the tops and the
// floor of the saw over time, so the run after the warm-up is cut in two halves, each several saw
// periods long, and the second half's top and floor are judged against the first half's: +10 % at
// most. Memory that falls is not a failure.

import type { SoakSample } from './soak-chart.js';

export interface MemoryVerdict {
  /** Highest RSS in the first half after the warm-up, MiB. */
  baselineMiB: number;
  /** Highest RSS in the second half, MiB. */
  endMiB: number;
  /** Lowest RSS in the first and in the second half, MiB. */
  floorMiB: { first: number; second: number };
  /** Highest RSS after the warm-up, MiB. */
  peakMiB: number;
  /** Why memory fails the soak, or null when it is bounded. */
  failure: string | null;
}

export function memoryVerdict(samples: readonly SoakSample[], warmUpMs: number, allowedGrowth = 0.1): MemoryVerdict {
  const afterWarmUp = samples.filter((sample) => sample.atS * 1000 >= warmUpMs).map((sample) => sample.rssMiB);
  const half = Math.ceil(afterWarmUp.length / 2);
  const first = afterWarmUp.slice(0, half);
  const second = afterWarmUp.slice(half);
  const highest = (values: number[]) => (values.length ? Math.max(...values) : 0);
  const lowest = (values: number[]) => (values.length ? Math.min(...values) : 0);
  const verdict = {
    baselineMiB: highest(first),
    endMiB: highest(second),
    floorMiB: { first: lowest(first), second: lowest(second) },
    peakMiB: highest(afterWarmUp),
  };
  const grew = (before: number, after: number) => after > before * (1 + allowedGrowth);
  const growth = [
    grew(verdict.baselineMiB, verdict.endMiB) && `top ${verdict.baselineMiB} → ${verdict.endMiB} MiB`,
    grew(verdict.floorMiB.first, verdict.floorMiB.second) && `floor ${verdict.floorMiB.first} → ${verdict.floorMiB.second} MiB`,
  ].filter(Boolean);
  const failure = growth.length
    ? `RSS grew past ${Math.round(allowedGrowth * 100)} % from the first to the second half after the warm-up: ${growth.join(', ')}`
    : null;
  return { ...verdict, failure };
}
