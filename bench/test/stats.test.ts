// The statistics every budget row is computed with.

import { describe, expect, it } from 'vitest';
import { maxGap, median, samplePercentile as percentile } from '../src/stats.js';

describe('percentile (nearest rank)', () => {
  it('p99 of 100 samples is the 99th smallest, whatever their order', () => {
    const samples = Array.from({ length: 100 }, (_, index) => 100 - index);
    expect(percentile(samples, 99)).toBe(99);
    expect(percentile(samples, 100)).toBe(100);
  });

  it('a single sample is every percentile', () => {
    expect(percentile([7], 1)).toBe(7);
    expect(percentile([7], 99)).toBe(7);
  });

  it('refuses an empty set instead of inventing a number', () => {
    expect(() => percentile([], 50)).toThrow(/no samples/);
  });
});

describe('median and maxGap', () => {
  it('median takes the middle, or the mean of the middle two', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('maxGap finds the longest silence between timestamps', () => {
    expect(maxGap([0, 5, 10, 310, 315])).toBe(300);
    expect(maxGap([42])).toBe(0);
  });
});
