import { describe, expect, it } from 'vitest';
import { percentile, summarizeLatencies } from './percentiles.js';

describe('percentiles', () => {
  it('uses the nearest rank', () => {
    const values = Array.from({ length: 100 }, (_, index) => index + 1);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 95)).toBe(95);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile([7], 99)).toBe(7);
  });

  it('summarises unsorted values, and nothing as null', () => {
    expect(summarizeLatencies([3, 1, 2])).toEqual({ p50: 2, p95: 3, p99: 3, max: 3 });
    expect(summarizeLatencies([])).toBeNull();
  });
});
