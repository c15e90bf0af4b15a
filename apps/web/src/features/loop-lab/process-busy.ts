// Each thread's share of one core between two readings of the process view: CPU time used ÷ time passed.

import type { ProcessView } from '@loopwire/contract';

/** By thread id: 0 (idle) to 1 (one full core); threads new since the last reading are left out. */
export type Busy = Map<number, number>;

export function busyShare(before: ProcessView | null, after: ProcessView): Busy {
  const busy: Busy = new Map();
  if (!before?.available || !after.available || after.at <= before.at) return busy;
  const cpuBefore = new Map(before.threads.map((thread) => [thread.tid, thread.cpuMs]));
  for (const thread of after.threads) {
    const was = cpuBefore.get(thread.tid);
    if (was !== undefined) busy.set(thread.tid, Math.max(0, (thread.cpuMs - was) / (after.at - before.at)));
  }
  return busy;
}
