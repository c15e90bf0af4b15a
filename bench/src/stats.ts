// Small statistics over samples: percentiles by the nearest-rank method, the median, the largest gap.

export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) throw new Error('percentile of no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
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
