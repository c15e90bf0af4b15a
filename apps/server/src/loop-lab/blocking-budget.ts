// How much main-thread blocking the lab allows: at most `budgetMs` of blocking jobs per sliding
// window. A job reserves its time before it starts, so requests that queued up behind a block
// see the budget already spent and cannot each block again.

export interface BlockingBudget {
  /** Reserves durationMs now, or returns how many ms to wait before asking again. */
  reserve(durationMs: number, now?: number): { ok: true } | { ok: false; retryAfterMs: number };
  usedMs(now?: number): number;
  readonly budgetMs: number;
  readonly windowMs: number;
}

export function createBlockingBudget(budgetMs: number, windowMs = 10_000): BlockingBudget {
  /** Reservations, oldest first; never more than the window holds. */
  const spent: { at: number; ms: number }[] = [];

  const forget = (now: number) => {
    while (spent.length > 0 && spent[0]!.at <= now - windowMs) spent.shift();
  };
  const usedMs = (now = Date.now()) => {
    forget(now);
    return spent.reduce((sum, entry) => sum + entry.ms, 0);
  };

  return {
    budgetMs,
    windowMs,
    usedMs,
    reserve(durationMs, now = Date.now()) {
      let used = usedMs(now);
      if (used + durationMs <= budgetMs) {
        spent.push({ at: now, ms: durationMs });
        return { ok: true };
      }
      // When will enough of the window have expired for this job to fit?
      for (const entry of spent) {
        used -= entry.ms;
        if (used + durationMs <= budgetMs) return { ok: false, retryAfterMs: entry.at + windowMs - now };
      }
      return { ok: false, retryAfterMs: windowMs };
    },
  };
}
