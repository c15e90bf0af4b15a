import { describe, expect, it } from 'vitest';
import { explainShortPollLatency } from './short-poll-latency.ts';

describe('short polling latency, explained from the run', () => {
  it('measures the cycle from poll starts (pause + request), and expects half of it plus the POST', () => {
    // Requests of 50 ms, each followed by a 250 ms pause: a poll starts every 300 ms.
    const polls = [0, 300, 600, 900].map((startedAt) => ({ startedAt, answeredAt: startedAt + 50 }));
    const explained = explainShortPollLatency({ polls, pauseMs: 250, latencies: [40, 160, 170, 290], postMs: [8, 10, 12] });
    expect(explained).toEqual({
      polls: 4,
      cycleMs: 300,
      requestMs: 50,
      pauseMs: 250,
      postMs: 10,
      expectedP50Ms: 160,
      measuredP50Ms: 160,
    });
  });

  it('explains nothing before two polls and one delivered message', () => {
    expect(explainShortPollLatency({ polls: [{ startedAt: 0, answeredAt: 5 }], pauseMs: 250, latencies: [10], postMs: [5] })).toBeNull();
    expect(explainShortPollLatency({ polls: [{ startedAt: 0, answeredAt: 5 }, { startedAt: 300, answeredAt: 305 }], pauseMs: 250, latencies: [], postMs: [] })).toBeNull();
  });
});
