// `GET /api/lab/process`: the live server as an operating system sees it — one process, its threads
// right now, and the child processes it started. Linux only (it reads /proc); elsewhere the answer
// says, in words, why there is nothing to list.

import * as v from 'valibot';

/** What a thread is for, as far as the server can prove it (see the server's process-view.ts). */
export const threadRoles = ['main', 'libuv', 'worker', 'helper'] as const;
export type ThreadRole = (typeof threadRoles)[number];

export const ProcessThreadSchema = v.object({
  /** The kernel's thread id (the main thread's equals the process id). */
  tid: v.number(),
  /** The kernel's name for the thread (`/proc/self/task/<tid>/comm`): "node" for every thread on Node 20. */
  name: v.string(),
  role: v.picklist(threadRoles),
  /** The kernel's state letter: R running or runnable, S sleeping, D waiting on a disk… */
  state: v.string(),
  /** CPU time this thread has used since it started, user + system, in ms (10 ms resolution). */
  cpuMs: v.number(),
});
export type ProcessThread = v.InferOutput<typeof ProcessThreadSchema>;

export const childRoles = ['device-simulator', 'lab-cluster-primary', 'lab-cluster-worker', 'redis', 'other'] as const;
export type ChildRole = (typeof childRoles)[number];

export const ChildProcessSchema = v.object({
  pid: v.number(),
  /** The process that started it: this server or one of its children. */
  ppid: v.number(),
  role: v.picklist(childRoles),
  /** The program and its script, e.g. `node …/fanout/simulator.js` (at most 200 characters). */
  command: v.string(),
  /** Threads the child has right now. */
  threads: v.number(),
});
export type ChildProcessInfo = v.InferOutput<typeof ChildProcessSchema>;

export const ProcessViewSchema = v.variant('available', [
  v.object({
    available: v.literal(true),
    pid: v.number(),
    /** Server clock when the view was read, ms since the epoch: two views give CPU per second. */
    at: v.number(),
    threads: v.array(ProcessThreadSchema),
    /** Descendants of this process (children, and their children), parents first. */
    children: v.array(ChildProcessSchema),
    /** libuv threadpool size (UV_THREADPOOL_SIZE as libuv reads it), to say how many pool threads to expect. */
    threadpoolSize: v.number(),
  }),
  v.object({
    available: v.literal(false),
    pid: v.number(),
    platform: v.string(),
    /** Why no threads can be listed, as a sentence for the learner. */
    reason: v.string(),
  }),
]);
export type ProcessView = v.InferOutput<typeof ProcessViewSchema>;
