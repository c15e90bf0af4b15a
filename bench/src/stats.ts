// Small statistics over samples: a percentile (the shared nearest-rank one), the median, the largest gap.

import { percentile } from '@loopwire/protocol';

/** A budget row needs a number: no samples at all means the benchmark itself failed. */
export function samplePercentile(samples: readonly number[], p: number): number {
  const value = percentile(samples, p);
  if (value === null) throw new Error('percentile of no samples');
  return value;
}

export function median(samples: readonly number[]): number {
  if (samples.length === 0) throw new Error('median of no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The largest difference between consecutive timestamps (sorted ascending). */
export function maxGap(timestamps: readonly number[]): number {
  let gap = 0;
  for (let index = 1; index < timestamps.length; index++) gap = Math.max(gap, timestamps[index]! - timestamps[index - 1]!);
  return gap;
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
