import { describe, expect, it } from 'vitest';
import { stallVerdict } from './stalls.ts';

describe('the noisy neighbour verdict', () => {
  it('calls a client stalled when it waited at least half the block, and checks they all share the blocked worker', () => {
    const verdict = stallVerdict(
      [
        { pid: 10, longestMs: 1490 },
        { pid: 20, longestMs: 12 },
        { pid: 10, longestMs: 750 },
        { pid: 20, longestMs: 749 },
      ],
      10,
      1500,
    );
    expect(verdict).toEqual({ clients: ['stalled', 'answered', 'stalled', 'answered'], stalled: 2, onlyTheBlockedWorker: true });
  });

  it('says so when a client of another worker stalled too, or one on the blocked worker did not', () => {
    expect(stallVerdict([{ pid: 10, longestMs: 1400 }, { pid: 20, longestMs: 900 }], 10, 1500).onlyTheBlockedWorker).toBe(false);
    expect(stallVerdict([{ pid: 10, longestMs: 30 }, { pid: 20, longestMs: 20 }], 10, 1500).onlyTheBlockedWorker).toBe(false);
  });

  it('leaves a client that could not ping out of the count', () => {
    const verdict = stallVerdict([{ pid: null, longestMs: null }, { pid: 10, longestMs: 1500 }], 10, 1500);
    expect(verdict).toEqual({ clients: ['not measured', 'stalled'], stalled: 1, onlyTheBlockedWorker: true });
  });
});
