import { describe, expect, it } from 'vitest';
import type { CaptureSummary } from '@loopwire/contract';
import { applySummaries } from './useCaptures.ts';

function summary(id: string, status: number | null, framesSeen = 0): CaptureSummary {
  return { id, status, framesSeen } as CaptureSummary;
}

describe('applySummaries (a batch of the capture stream)', () => {
  it('applies a batch in order: new captures in id order, updates in place', () => {
    const before = [summary('1', 200), summary('3', null)];
    const after = applySummaries(before, [summary('4', null), summary('2', 200), summary('3', 101), summary('3', 101, 12)]);
    expect(after.map((c) => [c.id, c.status, c.framesSeen])).toEqual([
      ['1', 200, 0],
      ['2', 200, 0],
      ['3', 101, 12],
      ['4', null, 0],
    ]);
    expect(before.map((c) => c.status)).toEqual([200, null]);
  });

  it('keeps an untouched capture the same object, so its row is not drawn again', () => {
    const untouched = summary('1', 200);
    const after = applySummaries([untouched, summary('2', 101)], [summary('2', 101, 1)]);
    expect(after[0]).toBe(untouched);
  });

  it('keeps the newest 200 captures', () => {
    const many = Array.from({ length: 200 }, (_, i) => summary(String(i + 1), 200));
    const after = applySummaries(many, [summary('201', 200)]);
    expect(after).toHaveLength(200);
    expect(after[0]!.id).toBe('2');
    expect(after.at(-1)!.id).toBe('201');
  });
});
