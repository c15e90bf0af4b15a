import { describe, expect, it } from 'vitest';
import { percentile } from './stats.js';

describe('percentile (nearest rank)', () => {
  it('takes the value at rank ⌈p/100 × n⌉, whatever the order', () => {
    const values = Array.from({ length: 100 }, (_, index) => 100 - index);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 95)).toBe(95);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile(values, 100)).toBe(100);
    expect(percentile([5, 1, 3, 2, 4], 50)).toBe(3);
    expect(percentile(Array.from({ length: 20 }, (_, n) => n + 1), 95)).toBe(19);
  });

  it('a single value is every percentile', () => {
    expect(percentile([7], 1)).toBe(7);
    expect(percentile([7], 99)).toBe(7);
  });

  it('is null for no values instead of inventing a number', () => {
    expect(percentile([], 50)).toBeNull();
  });

  it('leaves the caller’s array as it was', () => {
    const values = [3, 1, 2];
    percentile(values, 50);
    expect(values).toEqual([3, 1, 2]);
  });
});
