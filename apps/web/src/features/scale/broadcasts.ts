// Broadcast bookkeeping for the scale lab: who received which broadcast, and latency percentiles
// measured on the page's one clock (sender and receivers are all in this page).

export function pageClock(): number {
  return performance.timeOrigin + performance.now();
}

/** Ids carry their start time, so "the latest broadcast" can be found in captures too. */
export function newBroadcastId(): string {
  return `b-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
}

/** Nearest-rank percentile of a non-empty list. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
