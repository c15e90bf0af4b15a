import { describe, expect, it } from 'vitest';
import { createBlockingBudget } from './blocking-budget.js';

describe('createBlockingBudget', () => {
  it('allows blocking up to the budget within the window, then says when to come back', () => {
    const budget = createBlockingBudget(5000, 10_000);
    expect(budget.reserve(3000, 0)).toEqual({ ok: true });
    expect(budget.reserve(2000, 1000)).toEqual({ ok: true });
    expect(budget.reserve(1000, 4000)).toEqual({ ok: false, retryAfterMs: 6000 });
    expect(budget.usedMs(4000)).toBe(5000);
  });

  it('forgets reservations older than the window', () => {
    const budget = createBlockingBudget(5000, 10_000);
    budget.reserve(5000, 0);
    expect(budget.reserve(100, 9999).ok).toBe(false);
    expect(budget.reserve(5000, 10_000)).toEqual({ ok: true });
  });

  it('refuses a job bigger than the whole budget with a full window to wait', () => {
    expect(createBlockingBudget(1000).reserve(2000, 0)).toEqual({ ok: false, retryAfterMs: 10_000 });
  });
});
