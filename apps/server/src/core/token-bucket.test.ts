import { describe, expect, it } from 'vitest';
import { createTokenBucket } from './token-bucket.js';

describe('createTokenBucket', () => {
  it('allows a burst, refuses the next message, and refills at the rate', () => {
    let now = 0;
    const bucket = createTokenBucket(50, 50, () => now);
    const burst = Array.from({ length: 60 }, () => bucket.take());
    expect(burst.filter(Boolean)).toHaveLength(50);
    now += 100; // 0.1 s at 50/s refills 5 tokens
    expect(Array.from({ length: 10 }, () => bucket.take()).filter(Boolean)).toHaveLength(5);
  });

  it('never holds more than its burst, however long it idles', () => {
    let now = 0;
    const bucket = createTokenBucket(10, 3, () => now);
    now += 60_000;
    expect(Array.from({ length: 10 }, () => bucket.take()).filter(Boolean)).toHaveLength(3);
  });
});
