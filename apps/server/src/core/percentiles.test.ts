import { describe, expect, it } from 'vitest';
import { summarizeLatencies } from './percentiles.js';

describe('latency summary', () => {
  it('summarises unsorted values, and nothing as null', () => {
    expect(summarizeLatencies([3, 1, 2])).toEqual({ p50: 2, p95: 3, p99: 3, max: 3 });
    expect(summarizeLatencies(Array.from({ length: 100 }, (_, index) => index + 1))).toEqual({ p50: 50, p95: 95, p99: 99, max: 100 });
    expect(summarizeLatencies([])).toBeNull();
  });
});
