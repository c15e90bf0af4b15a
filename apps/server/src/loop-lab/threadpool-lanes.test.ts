import { describe, expect, it } from 'vitest';
import { createThreadpoolLanes, threadpoolSize } from './threadpool-lanes.js';

describe('createThreadpoolLanes', () => {
  it('gives the first jobs a thread each, queues the rest, and hands a freed thread to the oldest waiter', () => {
    const lanes = createThreadpoolLanes(2);
    expect([lanes.enter(1), lanes.enter(2), lanes.enter(3), lanes.enter(4)]).toEqual([0, 1, null, null]);
    expect(lanes.leave(2)).toEqual({ jobId: 3, lane: 1 });
    expect(lanes.leave(1)).toEqual({ jobId: 4, lane: 0 });
    expect(lanes.leave(3)).toBeNull();
    expect(lanes.enter(5)).toBe(1);
  });

  it('forgets a job that finished while still queued, so it never takes a lane', () => {
    const lanes = createThreadpoolLanes(1);
    lanes.enter(1);
    lanes.enter(2);
    lanes.enter(3);
    expect(lanes.leave(2)).toBeNull();
    expect(lanes.leave(1)).toEqual({ jobId: 3, lane: 0 });
  });

  it('reads UV_THREADPOOL_SIZE like libuv: 4 unless set to a positive number', () => {
    expect(threadpoolSize({})).toBe(4);
    expect(threadpoolSize({ UV_THREADPOOL_SIZE: '8' })).toBe(8);
    expect(threadpoolSize({ UV_THREADPOOL_SIZE: 'lots' })).toBe(4);
  });
});
