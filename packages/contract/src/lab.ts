// The event-loop lab (`/api/lab/*` and its Socket.IO events): what a client may ask for, what it gets
// back, and the fixed catalogue of ordering experiments. The experiments' code is not here: the server
// serves the source of the very functions it runs (`GET /api/lab/experiments`).

import * as v from 'valibot';
import { wholeNumber } from './numbers.js';

export const jobModes = ['blocking', 'partitioned', 'async', 'worker'] as const;
export type JobMode = (typeof jobModes)[number];

export const jobDurationLimits = { minMs: 1, maxMs: 5000 } as const;
export const batchLimits = { minCount: 1, maxCount: 8 } as const;

const jobFields = {
  mode: v.picklist(jobModes, `mode must be one of ${jobModes.join(', ')}`),
  durationMs: wholeNumber('durationMs', jobDurationLimits.minMs, jobDurationLimits.maxMs),
};

/** `POST /api/lab/jobs` body. */
export const LabJobRequestSchema = v.object(jobFields);
export type LabJobRequest = v.InferOutput<typeof LabJobRequestSchema>;

/** `POST /api/lab/batch` body: several jobs started at the same instant. */
export const LabBatchRequestSchema = v.object({ ...jobFields, count: wholeNumber('count', batchLimits.minCount, batchLimits.maxCount) });
export type LabBatchRequest = v.InferOutput<typeof LabBatchRequestSchema>;

/** One 100 ms window of the server's event loop. */
export interface LoopSample {
  /** Server clock at the end of the window, ms since the epoch. */
  at: number;
  /** Worst delay a timer saw in this window, the monitor's resolution already subtracted. */
  lagMaxMs: number;
  lagP50Ms: number;
  /** Event-loop utilisation in this window, 0..1: the share of time the loop spent running code. */
  elu: number;
}

/** `loop:tick`: a heartbeat every 100 ms; a page that sees a longer gap between two ticks felt a stall. */
export interface LoopTick {
  seq: number;
  /** Server clock when the tick was sent, ms since the epoch. */
  sentAt: number;
}

/** Where a job's work ran: the main thread, one of the libuv threadpool's threads, or a worker thread. */
export interface JobLane {
  kind: 'main' | 'libuv' | 'worker';
  /** libuv: 0..threadpoolSize-1 (FIFO pool model); worker: the worker's `threadId`; main: 0. */
  index: number;
}

/** `lab:job-started`: the job was accepted. `lane` is null while it waits for a free thread. */
export interface LabJobStarted {
  id: number;
  mode: JobMode;
  durationMs: number;
  startedAt: number;
  lane: JobLane | null;
}

/** `lab:job-running`: a job that waited got a thread. */
export interface LabJobRunning {
  id: number;
  mode: JobMode;
  lane: JobLane;
  runStartedAt: number;
}

/** `POST /api/lab/jobs` answer and `lab:job-finished` payload. */
export interface LabJobResult {
  id: number;
  mode: JobMode;
  durationMs: number;
  /** When the server accepted the job (ms since the epoch). */
  startedAt: number;
  /** When the work began on its lane: later than startedAt if it waited in a queue. */
  runStartedAt: number;
  finishedAt: number;
  elapsedMs: number;
  /** Worst event-loop lag of any 100 ms window overlapping the job. */
  maxLoopLagMs: number;
  lane: JobLane;
  /** SHA-256 hashes of a 16 KiB block the job completed: the work done (null for async, whose pbkdf2 counts none). */
  hashes: number | null;
  /** Async only (else null): the pbkdf2 work done, sized when the server started. The CPU modes hash
   *  until durationMs has passed; an async job runs a fixed amount of work instead. */
  pbkdf2: Pbkdf2JobWork | null;
}

/** An async job's work: `rounds` × `iterationsPerRound` pbkdf2-sha512 iterations in one call on a
 *  libuv thread, each round measured at `calibratedRoundMs` of CPU when the server started. */
export interface Pbkdf2JobWork {
  rounds: number;
  iterationsPerRound: number;
  calibratedRoundMs: number;
}

/** `POST /api/lab/batch` answer: several jobs started at the same instant. */
export interface LabBatchResult {
  jobs: LabJobResult[];
}

/** `GET /api/lab/loop` */
export interface LabLoopResponse {
  samples: LoopSample[];
  /** Threads in libuv's pool (UV_THREADPOOL_SIZE, 4 unless set). */
  threadpoolSize: number;
  /** Long-lived worker threads in the server's pool. */
  workerThreads: number;
  /** Milliseconds of blocking jobs allowed per window, and the window. */
  blockingBudget: { budgetMs: number; windowMs: number; usedMs: number };
}

/** `GET /api/lab/jobs`: the caller's own recent jobs, oldest first. */
export interface LabRecentJobsResponse {
  jobs: LabJobResult[];
}

// ---------------------------------------------------------------------------------------------
// Ordering experiments

export type CallbackKind = 'sync' | 'nextTick' | 'promise' | 'timeout' | 'immediate' | 'io';
/** Where in the loop a callback ran. Microtasks run between phases, right after the callback that queued them. */
export type LoopPhase = 'main' | 'microtasks' | 'timers' | 'poll' | 'check';

export interface ObservedCallback {
  label: string;
  kind: CallbackKind;
  phase: LoopPhase;
}

export interface OrderExperiment {
  id: string;
  title: string;
  /** Where the code runs on the server. */
  context: string;
  /** The callbacks in the order they are written, for the learner to reorder. */
  callbacks: { label: string; kind: CallbackKind }[];
  /** false when Node documents the order as non-deterministic. */
  deterministic: boolean;
  /** Why the observed order is what it is, citing the Node docs. */
  explanation: string;
}

/** `POST /api/lab/order` answer. */
export interface OrderResult {
  experiment: string;
  observed: ObservedCallback[];
}

/** One experiment a learner ran, as `GET /api/lab/order` lists the caller's own runs. */
export interface OrderRun extends OrderResult {
  at: number;
}

export interface OrderRunsResponse {
  runs: OrderRun[];
}

export const orderExperiments = [
  {
    id: 'nexttick-vs-promise',
    title: 'process.nextTick vs a promise',
    context: 'inside the request handler (an I/O callback)',
    callbacks: [
      { label: 'promise', kind: 'promise' },
      { label: 'nextTick', kind: 'nextTick' },
      { label: 'sync', kind: 'sync' },
    ],
    deterministic: true,
    explanation:
      'Synchronous code always finishes first: nothing can interrupt a running callback. When it returns, Node drains the nextTick queue, then V8\'s promise (microtask) queue: "The process.nextTick() queue is always processed before the microtask queue within each turn of the Node.js event loop." (Top-level code of an ES module is the exception: it already runs as a microtask.)',
  },
  {
    id: 'nested-microtasks',
    title: 'Microtasks queued by microtasks',
    context: 'inside the request handler (an I/O callback)',
    callbacks: [
      { label: 'tick 1', kind: 'nextTick' },
      { label: 'promise inside tick 1', kind: 'promise' },
      { label: 'tick inside tick 1', kind: 'nextTick' },
      { label: 'promise 1', kind: 'promise' },
      { label: 'tick inside promise 1', kind: 'nextTick' },
      { label: 'promise inside promise 1', kind: 'promise' },
    ],
    deterministic: true,
    explanation:
      'Node empties the whole nextTick queue, including ticks added while it empties it, then the whole promise queue, including promises added meanwhile; only then does it look at the nextTick queue again. So a tick queued inside a promise waits for every pending promise callback.',
  },
  {
    id: 'timeout-vs-immediate-in-io',
    title: 'setTimeout(0) vs setImmediate inside an I/O callback',
    context: 'inside the callback of fs.readFile (the poll phase)',
    callbacks: [
      { label: 'timeout', kind: 'timeout' },
      { label: 'immediate', kind: 'immediate' },
      { label: 'readFile callback', kind: 'io' },
    ],
    deterministic: true,
    explanation:
      'An I/O callback runs in the poll phase. The next phase is check, where immediates run; timers only come round on the next turn of the loop. The Node docs: setImmediate() "will always be executed before any timers if scheduled within an I/O cycle, independently of how many timers are present."',
  },
  {
    id: 'timeout-vs-immediate-main',
    title: 'setTimeout(0) vs setImmediate in the main module',
    context: 'as the main module of a fresh Node process (not in an I/O callback)',
    callbacks: [
      { label: 'timeout', kind: 'timeout' },
      { label: 'immediate', kind: 'immediate' },
    ],
    deterministic: false,
    explanation:
      'From the main module the order is not fixed: setTimeout(0) really means 1 ms, and whether 1 ms has passed when the loop first checks its timers depends on how busy the machine is. Outside an I/O cycle "the order in which the two timers are executed is non-deterministic, as it is bound by the performance of the process" (Node docs). Run it several times.',
  },
  {
    id: 'phases-tour',
    title: 'A tour of the phases',
    context: 'inside the request handler (an I/O callback)',
    callbacks: [
      { label: 'timeout', kind: 'timeout' },
      { label: 'immediate', kind: 'immediate' },
      { label: 'nextTick inside immediate', kind: 'nextTick' },
      { label: 'promise', kind: 'promise' },
      { label: 'nextTick', kind: 'nextTick' },
      { label: 'sync', kind: 'sync' },
    ],
    deterministic: true,
    explanation:
      'sync first, then the two microtask queues (nextTick before promise). The handler runs in the poll phase, so check comes next: the immediate, and right after it the tick it queued, because microtasks run after every single callback, not once per phase. The 0 ms timeout waits for the next turn of the loop, in the timers phase.',
  },
] as const satisfies readonly OrderExperiment[];

export type OrderExperimentId = (typeof orderExperiments)[number]['id'];
export const orderExperimentIds = orderExperiments.map((experiment) => experiment.id) as OrderExperimentId[];

/** `POST /api/lab/order` body. */
export const OrderRequestSchema = v.object({
  experiment: v.picklist(orderExperimentIds, `experiment must be one of ${orderExperimentIds.join(', ')}`),
});

/** `GET /api/lab/experiments`: each experiment's code, taken from the function the server runs. */
export interface OrderExperimentSources {
  experiments: { id: OrderExperimentId; code: string }[];
}

export function findOrderExperiment(id: unknown): OrderExperiment | undefined {
  return orderExperiments.find((experiment) => experiment.id === id);
}
