// A token bucket: `ratePerSecond` tokens refill continuously up to `burst`; each message spends one.
// Per connection, so one noisy client cannot starve the loop for everyone else.

export interface TokenBucket {
  /** Spends one token; false when the bucket is empty (the message is over the limit). */
  take(): boolean;
  readonly ratePerSecond: number;
}

export function createTokenBucket(ratePerSecond: number, burst = ratePerSecond, now: () => number = performance.now.bind(performance)): TokenBucket {
  let tokens = burst;
  let last = now();
  return {
    ratePerSecond,
    take() {
      const at = now();
      tokens = Math.min(burst, tokens + ((at - last) / 1000) * ratePerSecond);
      last = at;
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
  };
}
