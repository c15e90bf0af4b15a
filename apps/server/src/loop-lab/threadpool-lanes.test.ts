import { execFileSync } from 'node:child_process';
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

  it('reads UV_THREADPOOL_SIZE like libuv: atoi, 0 → 1, at most 1024', () => {
    expect(threadpoolSize({})).toBe(4);
    expect(threadpoolSize({ UV_THREADPOOL_SIZE: '8' })).toBe(8);
    expect(threadpoolSize({ UV_THREADPOOL_SIZE: 'lots' })).toBe(1);
    expect(threadpoolSize({ UV_THREADPOOL_SIZE: '' })).toBe(1);
    expect(threadpoolSize({ UV_THREADPOOL_SIZE: ' 3 threads' })).toBe(3);
    expect(threadpoolSize({ UV_THREADPOOL_SIZE: '5000' })).toBe(1024);
    expect(threadpoolSize({ UV_THREADPOOL_SIZE: '-3' })).toBe(1024);
  });

  // The real libuv decides: count the threads a Node process has once its pool has started.
  it.runIf(process.platform === 'linux')('agrees with the pool libuv really starts', () => {
    const threadsWith = (value: string) => {
      const script = `require('crypto').pbkdf2('a', 'b', 1, 8, 'sha256', () =>
        process.stdout.write(String(require('fs').readdirSync('/proc/self/task').length)))`;
      const out = execFileSync(process.execPath, ['-e', script], { env: { ...process.env, UV_THREADPOOL_SIZE: value } });
      return Number(out.toString());
    };
    const others = threadsWith('1') - 1;
    for (const value of ['lots', '', ' 3 threads', '6']) {
      expect(threadsWith(value) - others, JSON.stringify(value)).toBe(threadpoolSize({ UV_THREADPOOL_SIZE: value }));
    }
  });
});
