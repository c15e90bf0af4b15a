// Piscina worker: the same CPU work as a blocking job, on a long-lived worker thread. It reports
// its own threadId and when it really started, so the timeline shows measured lanes, not guesses.

import { existsSync, readlinkSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parentPort, threadId, type MessagePort } from 'node:worker_threads';
import { burnCpu } from './cpu-work.js';

export interface CpuTask {
  durationMs: number;
  /** Told the moment the work starts, so the server can announce the job as running. */
  started: MessagePort;
}

export interface CpuTaskResult {
  threadId: number;
  runStartedAt: number;
  finishedAt: number;
  hashes: number;
}

/** Posted once when the worker starts (piscina emits it as the pool's 'message'): its kernel thread id. */
export interface WorkerThreadAnnouncement {
  osThreadId: number;
}

// /proc/thread-self names the calling thread, so only this thread can say which kernel thread it is.
if (existsSync('/proc/thread-self')) {
  const announcement: WorkerThreadAnnouncement = { osThreadId: Number(readlinkSync('/proc/thread-self').split('/').at(-1)) };
  parentPort?.postMessage(announcement);
}

const epochNow = () => performance.timeOrigin + performance.now();

export default function runCpuTask({ durationMs, started }: CpuTask): CpuTaskResult {
  const runStartedAt = epochNow();
  started.postMessage({ threadId, runStartedAt });
  started.close();
  const hashes = burnCpu(durationMs);
  return { threadId, runStartedAt, finishedAt: epochNow(), hashes };
}
