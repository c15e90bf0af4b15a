// How the race's short-polling latency comes about, from this run's own timings: a message waits for
// the next poll, and polls start one pause plus one request apart, so the median latency sits near
// half a cycle plus the POST's own time. (A stated 250 ms timer does not mean a poll every 250 ms.)

import { percentile } from '@loopwire/protocol';

export interface Poll {
  startedAt: number;
  answeredAt: number;
}

export interface ShortPollLatency {
  polls: number;
  /** Mean time from one poll's start to the next one's. */
  cycleMs: number;
  /** Mean time from a poll's fetch() to its parsed answer. */
  requestMs: number;
  pauseMs: number;
  /** Median time of the race's POSTs. */
  postMs: number;
  /** Half a cycle plus the POST: where the median latency should sit. */
  expectedP50Ms: number;
  measuredP50Ms: number;
}

const mean = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

export function explainShortPollLatency({
  polls,
  pauseMs,
  latencies,
  postMs,
}: {
  polls: readonly Poll[];
  pauseMs: number;
  latencies: readonly number[];
  postMs: readonly number[];
}): ShortPollLatency | null {
  const measuredP50Ms = percentile(latencies, 50);
  const postP50 = percentile(postMs, 50);
  if (polls.length < 2 || measuredP50Ms === null || postP50 === null) return null;
  const cycleMs = mean(polls.slice(1).map((poll, index) => poll.startedAt - polls[index]!.startedAt));
  return {
    polls: polls.length,
    cycleMs,
    requestMs: mean(polls.map((poll) => poll.answeredAt - poll.startedAt)),
    pauseMs,
    postMs: postP50,
    expectedP50Ms: cycleMs / 2 + postP50,
    measuredP50Ms,
  };
}
