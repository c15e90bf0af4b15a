// The unprompted half of the SSE demo: a made-up price that moves on its own, pushed as `update` events.

import type { TickerUpdate } from '@loopwire/contract';

export function createPriceTicker(symbol = 'LWR', start = 100, random = Math.random) {
  let price = start;
  return {
    next(): TickerUpdate {
      // A small random walk, kept positive and at cent precision.
      price = Math.max(1, Math.round((price + (random() - 0.5) * 2) * 100) / 100);
      return { symbol, price, at: Date.now() };
    },
  };
}
