import { describe, expect, it } from 'vitest';
import type { ProcessView } from '@loopwire/contract';
import { busyShare } from './process-busy.ts';

const view = (at: number, cpu: Record<number, number>): ProcessView => ({
  available: true,
  pid: 1,
  at,
  threadpoolSize: 4,
  children: [],
  threads: Object.entries(cpu).map(([tid, cpuMs]) => ({ tid: Number(tid), name: 'node', role: 'helper', state: 'S', cpuMs })),
});

describe('busy share between two readings', () => {
  it('is CPU time used over time passed, per thread; new threads wait for a second reading', () => {
    const busy = busyShare(view(1000, { 1: 100, 2: 50 }), view(2000, { 1: 1100, 2: 60, 3: 500 }));
    expect([...busy]).toEqual([
      [1, 1],
      [2, 0.01],
    ]);
  });

  it('says nothing without an earlier reading', () => {
    expect(busyShare(null, view(1000, { 1: 5 })).size).toBe(0);
  });
});
