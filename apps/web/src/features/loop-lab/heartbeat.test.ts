import { describe, expect, it } from 'vitest';
import { heartbeatGaps, missedTicks } from './heartbeat.ts';

// A stalled server sends nothing, then carries on with the next sequence number.
const arrivals = (...times: number[]) => times.map((arrivedAt, seq) => ({ seq, sentAt: arrivedAt, arrivedAt }));

describe('heartbeatGaps', () => {
  it('finds a stall between ticks and counts the ticks that never came', () => {
    const gaps = heartbeatGaps(arrivals(0, 100, 200, 1200, 1300), 1350);
    expect(gaps).toEqual([{ from: 200, to: 1200, ms: 1000, missedTicks: 9, ongoing: false }]);
  });

  it('counts ticks lost on the way, and not ticks that merely arrived together', () => {
    const batched = [
      { seq: 1, sentAt: 0, arrivedAt: 0 },
      { seq: 2, sentAt: 100, arrivedAt: 400 },
      { seq: 3, sentAt: 200, arrivedAt: 400 },
    ];
    expect(heartbeatGaps(batched, 450)).toEqual([]);
    const lost = [
      { seq: 1, sentAt: 0, arrivedAt: 0 },
      { seq: 5, sentAt: 400, arrivedAt: 401 },
    ];
    expect(heartbeatGaps(lost, 450)).toEqual([{ from: 0, to: 401, ms: 401, missedTicks: 3, ongoing: false }]);
  });

  it('ignores jitter, and shows a silence that is still going on', () => {
    expect(heartbeatGaps(arrivals(0, 130, 210, 330), 400)).toEqual([]);
    expect(heartbeatGaps(arrivals(0, 100), 700)).toEqual([{ from: 100, to: 700, ms: 600, missedTicks: 5, ongoing: true }]);
  });

  it('counts a 100 ms gap as no missed tick', () => {
    expect(missedTicks(100)).toBe(0);
    expect(missedTicks(340)).toBe(2);
  });
});
