// The latency summary the fan-out lab reports (p50, p95, p99, max), from the shared nearest-rank percentile.

import { percentile } from '@loopwire/protocol';
import type { LatencySummary } from '@loopwire/contract';

export function summarizeLatencies(values: readonly number[]): LatencySummary | null {
  if (values.length === 0) return null;
  const round = (value: number) => Math.round(value * 100) / 100;
  return {
    p50: round(percentile(values, 50)!),
    p95: round(percentile(values, 95)!),
    p99: round(percentile(values, 99)!),
    max: round(values.reduce((largest, value) => Math.max(largest, value))),
  };
}
