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

  it('counts either order right when Node does not fix it (setTimeout vs setImmediate in the main module)', () => {
    const ran = [
      { label: 'immediate', kind: 'immediate', phase: 'check' },
      { label: 'timeout', kind: 'timeout', phase: 'timers' },
    ] as const;
    for (const prediction of [['timeout', 'immediate'], ['immediate', 'timeout']]) {
      expect(comparePrediction(prediction, ran, false).every((placement) => placement.right)).toBe(true);
    }
    expect(comparePrediction(['timeout', 'immediate'], ran, true).some((placement) => !placement.right)).toBe(true);
  });
});
