// Which libuv thread an `async` job is on. libuv does not report it, but its pool is a FIFO queue
// served by UV_THREADPOOL_SIZE threads, so with the lab's jobs as its users the lane follows:
// a job runs at once if a thread is free, otherwise it waits for the next job to finish.

export interface ThreadpoolLanes {
  readonly size: number;
  /** A new job: its lane if a thread is free now, or null if it queues. */
  enter(jobId: number): number | null;
  /** A job finished: frees its lane and returns the queued job that takes it, if any. */
  leave(jobId: number): { jobId: number; lane: number } | null;
  laneOf(jobId: number): number | undefined;
}

const maxThreadpoolSize = 1024;

/** C's atoi: optional leading whitespace and sign, then digits; no digits reads as 0. */
function atoi(text: string): number {
  const match = /^[\t\n\v\f\r ]*([+-]?\d+)/.exec(text);
  return match ? Number.parseInt(match[1]!, 10) : 0;
}

/** The pool size libuv itself starts (src/threadpool.c, init_threads): 4 when the variable is
 *  unset, otherwise atoi of its value held in an unsigned int, so "lots" reads as 0 and becomes 1
 *  thread, and a negative number wraps round to the 1024 cap. */
export function threadpoolSize(env: NodeJS.ProcessEnv = process.env): number {
  const value = env.UV_THREADPOOL_SIZE;
  if (value === undefined) return 4;
  const configured = atoi(value);
  if (configured === 0) return 1;
  return configured < 0 ? maxThreadpoolSize : Math.min(configured, maxThreadpoolSize);
}

export function createThreadpoolLanes(size: number): ThreadpoolLanes {
  const running = new Map<number, number>();
  const queue: number[] = [];
  const freeLane = () => {
    const taken = new Set(running.values());
    for (let lane = 0; lane < size; lane += 1) if (!taken.has(lane)) return lane;
    return null;
  };
  return {
    size,
    enter(jobId) {
      const lane = freeLane();
      if (lane === null) {
        queue.push(jobId);
        return null;
      }
      running.set(jobId, lane);
      return lane;
    },
    leave(jobId) {
      const lane = running.get(jobId);
      running.delete(jobId);
      if (lane === undefined) {
        // Finished while the model still had it queued (another threadpool user freed a thread
        // early, or the pool is larger than configured): it must not take a lane later.
        const queued = queue.indexOf(jobId);
        if (queued >= 0) queue.splice(queued, 1);
        return null;
      }
      const next = queue.shift();
      if (next === undefined) return null;
      running.set(next, lane);
      return { jobId: next, lane };
    },
    laneOf: (jobId) => running.get(jobId),
  };
}
