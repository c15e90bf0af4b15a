import { describe, expect, it } from 'vitest';
import { comparePrediction } from './order-explain.ts';

describe('comparePrediction', () => {
  it('marks each callback right or wrong by position', () => {
    const placements = comparePrediction(
      ['sync', 'promise', 'nextTick'],
      [
        { label: 'sync', kind: 'sync', phase: 'poll' },
        { label: 'nextTick', kind: 'nextTick', phase: 'microtasks' },
        { label: 'promise', kind: 'promise', phase: 'microtasks' },
      ],
    );
    expect(placements.map((placement) => [placement.label, placement.predicted, placement.right])).toEqual([
      ['sync', 0, true],
      ['nextTick', 2, false],
      ['promise', 1, false],
    ]);
  });
});
