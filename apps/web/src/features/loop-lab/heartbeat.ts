// Turns heartbeat arrivals into the gaps a page felt: a tick is due every 100 ms, so a longer
// silence means ticks the server could not send because its loop was busy (their send times are
// far apart), or ticks lost on the way (their sequence numbers skip). Arrival times alone would also
// count a transport batching ticks, as Socket.IO's polling does before it upgrades.

import type { TickArrival } from './useLabFeed.ts';

export const tickEveryMs = 100;
/** Gaps below this are ordinary jitter (timers, network, the page's own work). */
export const stallThresholdMs = 250;

export interface HeartbeatGap {
  from: number;
  to: number;
  ms: number;
  missedTicks: number;
  /** Still open: no tick has arrived since `from`. */
  ongoing: boolean;
}

export function missedTicks(gapMs: number): number {
  return Math.max(0, Math.round(gapMs / tickEveryMs) - 1);
}

/** The stalls among the arrivals, plus the silence since the last one if it is already long. */
export function heartbeatGaps(ticks: readonly TickArrival[], now: number): HeartbeatGap[] {
  const gaps: HeartbeatGap[] = [];
  for (let i = 1; i < ticks.length; i += 1) {
    const before = ticks[i - 1]!;
    const after = ticks[i]!;
    const sentApart = after.sentAt - before.sentAt;
    const lost = after.seq - before.seq - 1;
    if (sentApart >= stallThresholdMs || lost > 0) {
      gaps.push({
        from: before.arrivedAt,
        to: after.arrivedAt,
        ms: Math.max(sentApart, after.arrivedAt - before.arrivedAt),
        missedTicks: Math.max(lost, missedTicks(sentApart)),
        ongoing: false,
      });
    }
  }
  const last = ticks[ticks.length - 1];
  if (last && now - last.arrivedAt >= stallThresholdMs) {
    gaps.push({ from: last.arrivedAt, to: now, ms: now - last.arrivedAt, missedTicks: missedTicks(now - last.arrivedAt), ongoing: true });
  }
  return gaps;
}
