// How much work each benchmark does per mode. `full` is the committed measurement (< 5 min on 2 cores),
// `quick` a CI-sized run (< 60 s), `smoke` the tiny run the test suite uses to keep the harness working.

export type Mode = 'full' | 'quick' | 'smoke';

export interface Sizes {
  echo: { connections: number; window: number; warmupMs: number; roundMs: number; rounds: number };
  lag: { runs: number; jobMs: number };
  health: { jobMs: number; workerJobs: number; blockingJobs: number };
  /** jobs run at once: the lab admits at most 8 worker jobs in flight. */
  worker: { jobs: number; jobMs: number; rounds: number };
  /**
   * Client threads share the server's 2 cores, so fewer is better: with socket.io-client devices p99 was
   * 76–93 ms in 4 threads, 64 ms in 2, 54–58 ms in 1; the hand-written protocol clients keep it to one thread.
   */
  fanout: { devices: number[]; threads: number; broadcasts: number; gapMs: number };
  /**
   * The warm-up must fill the tap's ring (500 captures × 200 frames: 500 connections × 100 echoes) and let the
   * process reach its working size: after 60,000 messages resident memory still grew by 6–10 MiB over the next
   * 100,000 and 1–4 MiB over the 100,000 after those, to the same ~112 MiB each time, so the full run warms up
   * with 160,000. Then two intervals of `messages` each: a plateau adds (almost) nothing in the second, a leak
   * adds as much as in the first.
   */
  memory: { warmupMessages: number; messages: number; messagesPerConnection: number; parallel: number; tapOffBaseline: boolean };
  transportBytes: { messages: number };
  /** Lesson 13 at bench scale: fan-out through the lab cluster per adapter; /api/health under load per WORKERS. */
  scale: { clients: number; broadcasts: number; gapMs: number; healthConnections: number; healthSeconds: number; healthWarmupSeconds: number };
}

export const sizesByMode: Record<Mode, Sizes> = {
  full: {
    echo: { connections: 50, window: 8, warmupMs: 700, roundMs: 2000, rounds: 9 },
    lag: { runs: 5, jobMs: 200 },
    health: { jobMs: 300, workerJobs: 5, blockingJobs: 3 },
    worker: { jobs: 8, jobMs: 200, rounds: 3 },
    fanout: { devices: [1000, 2000, 5000, 10_000], threads: 1, broadcasts: 10, gapMs: 200 },
    memory: { warmupMessages: 160_000, messages: 100_000, messagesPerConnection: 100, parallel: 20, tapOffBaseline: true },
    transportBytes: { messages: 50 },
    scale: { clients: 1000, broadcasts: 10, gapMs: 250, healthConnections: 50, healthSeconds: 10, healthWarmupSeconds: 2 },
  },
  quick: {
    echo: { connections: 50, window: 8, warmupMs: 300, roundMs: 700, rounds: 2 },
    lag: { runs: 3, jobMs: 200 },
    health: { jobMs: 300, workerJobs: 2, blockingJobs: 1 },
    worker: { jobs: 8, jobMs: 100, rounds: 1 },
    fanout: { devices: [1000], threads: 1, broadcasts: 10, gapMs: 200 },
    memory: { warmupMessages: 50_000, messages: 10_000, messagesPerConnection: 100, parallel: 20, tapOffBaseline: false },
    transportBytes: { messages: 20 },
    scale: { clients: 1000, broadcasts: 5, gapMs: 250, healthConnections: 50, healthSeconds: 3, healthWarmupSeconds: 1 },
  },
  smoke: {
    echo: { connections: 4, window: 2, warmupMs: 100, roundMs: 300, rounds: 1 },
    lag: { runs: 1, jobMs: 200 },
    health: { jobMs: 300, workerJobs: 1, blockingJobs: 1 },
    worker: { jobs: 2, jobMs: 50, rounds: 1 },
    fanout: { devices: [20, 40], threads: 2, broadcasts: 3, gapMs: 50 },
    memory: { warmupMessages: 500, messages: 2000, messagesPerConnection: 100, parallel: 5, tapOffBaseline: true },
    transportBytes: { messages: 3 },
    scale: { clients: 20, broadcasts: 2, gapMs: 50, healthConnections: 4, healthSeconds: 1, healthWarmupSeconds: 0 },
  },
};
