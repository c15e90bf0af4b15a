// Percentiles by the nearest-rank method, the one definition the server (fan-out summaries), the web
// app (the transport race) and the bench all use.

/**
 * The p-th percentile (0 < p ≤ 100) of `values` in any order: the value at rank ⌈p/100 × n⌉.
 * Null when there are no values: there is no percentile of nothing, and each caller says what that means.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1]!;
}
