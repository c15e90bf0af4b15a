// Small statistics over samples: percentiles by the nearest-rank method, median, max gap.

export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) throw new Error('percentile of no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export const median = (samples: readonly number[]): number => percentile(samples, 50);

/** The largest difference between consecutive timestamps (sorted ascending). */
export function maxGap(timestamps: readonly number[]): number {
  let gap = 0;
  for (let index = 1; index < timestamps.length; index++) gap = Math.max(gap, timestamps[index]! - timestamps[index - 1]!);
  return gap;
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
