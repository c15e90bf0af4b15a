// The ordering experiments of the fixed catalogue in @loopwire/contract, and the runner that records
// what ran, in order, with each callback's kind and loop phase. Each experiment is written exactly as
// the page shows it: the page's code is the source of these very functions (`sourceOf`), so what a
// learner reads is what runs here. Only this code runs: never anything a client sends.

import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import {
  orderExperiments,
  type CallbackKind,
  type LoopPhase,
  type ObservedCallback,
  type OrderExperimentId,
} from '@loopwire/contract';
import { builtFile } from '../core/built-file.js';
import { RetryLater } from '../core/retry-later.js';

type Log = (label: string) => void;
/** What an experiment may touch besides `log`: a file to read, for the one that needs an I/O callback. */
interface Io {
  fs: Pick<typeof fs, 'readFile'>;
  file: string;
}
type Experiment = (log: Log, io: Io) => void;

/** Run inside the request handler, itself an I/O callback in the poll phase. */
const inHandler: Record<Exclude<OrderExperimentId, 'timeout-vs-immediate-main'>, Experiment> = {
  'nexttick-vs-promise': (log) => {
    Promise.resolve().then(() => log('promise'));
    process.nextTick(() => log('nextTick'));
    log('sync');
  },

  'nested-microtasks': (log) => {
    process.nextTick(() => {
      log('tick 1');
      Promise.resolve().then(() => log('promise inside tick 1'));
      process.nextTick(() => log('tick inside tick 1'));
    });
    Promise.resolve().then(() => {
      log('promise 1');
      process.nextTick(() => log('tick inside promise 1'));
      Promise.resolve().then(() => log('promise inside promise 1'));
    });
  },

  'timeout-vs-immediate-in-io': (log, { fs, file }) => {
    fs.readFile(file, () => {
      log('readFile callback');
      setTimeout(() => log('timeout'), 0);
      setImmediate(() => log('immediate'));
    });
  },

  'phases-tour': (log) => {
    setTimeout(() => log('timeout'), 0);
    setImmediate(() => {
      log('immediate');
      process.nextTick(() => log('nextTick inside immediate'));
    });
    Promise.resolve().then(() => log('promise'));
    process.nextTick(() => log('nextTick'));
    log('sync');
  },
};

/**
 * The main-module experiment lives in the CommonJS file a fresh Node process runs: its function is
 * read from that same built file, so the page shows what the fresh process runs.
 */
function experimentFunction(id: OrderExperimentId): Experiment {
  if (id !== 'timeout-vs-immediate-main') return inHandler[id];
  return createRequire(import.meta.url)(builtFile('loop-lab/order-main-experiment.cjs')) as Experiment;
}

/** The body of an experiment's function, as the page shows it: what runs, without the `(log) => {}` around it. */
export function sourceOf(id: OrderExperimentId): string {
  const text = experimentFunction(id).toString();
  const lines = text.slice(text.indexOf('=> {') + 4, text.lastIndexOf('}')).split('\n');
  while (lines[0]?.trim() === '') lines.shift();
  while (lines.at(-1)?.trim() === '') lines.pop();
  const indent = Math.min(...lines.filter((line) => line.trim() !== '').map((line) => line.length - line.trimStart().length));
  return lines.map((line) => line.slice(indent)).join('\n');
}

/**
 * Where each kind of callback runs in these experiments: the handler's own code and an I/O callback
 * in the poll phase, microtasks between callbacks, timers and immediates in their phases.
 */
const phaseOf: Record<CallbackKind, LoopPhase> = {
  sync: 'poll',
  io: 'poll',
  nextTick: 'microtasks',
  promise: 'microtasks',
  timeout: 'timers',
  immediate: 'check',
};

function observe(id: OrderExperimentId, labels: readonly string[]): ObservedCallback[] {
  const { callbacks } = orderExperiments.find((experiment) => experiment.id === id)!;
  return labels.map((label) => {
    const kind: CallbackKind = callbacks.find((callback) => callback.label === label)!.kind;
    return { label, kind, phase: phaseOf[kind] };
  });
}

/** Every callback an experiment writes runs within this long, however busy the machine. */
const runTimeoutMs = 5000;

function runInHandler(id: Exclude<OrderExperimentId, 'timeout-vs-immediate-main'>): Promise<string[]> {
  const expected = orderExperiments.find((experiment) => experiment.id === id)!.callbacks.length;
  return new Promise((resolve, reject) => {
    const labels: string[] = [];
    const timer = setTimeout(() => reject(new Error(`experiment ${id}: ${labels.length} of ${expected} callbacks ran`)), runTimeoutMs);
    inHandler[id](
      (label) => {
        labels.push(label);
        if (labels.length < expected) return;
        clearTimeout(timer);
        resolve(labels);
      },
      { fs, file: fileURLToPath(import.meta.url) },
    );
  });
}

/** Fresh Node processes for the main-module experiment that may run at once. */
const freshProcessCap = 2;
let freshProcesses = 0;

function runInFreshProcess(): Promise<string[]> {
  if (freshProcesses >= freshProcessCap) {
    throw new RetryLater('too_many_experiments', 'The main-module experiment is already running twice; try again in a moment.', 1000);
  }
  freshProcesses += 1;
  return new Promise<string[]>((resolve, reject) => {
    execFile(process.execPath, [builtFile('loop-lab/order-main-module.cjs')], { timeout: runTimeoutMs }, (error, stdout) => {
      if (error) return reject(error);
      resolve(JSON.parse(stdout) as string[]);
    });
  }).finally(() => {
    freshProcesses -= 1;
  });
}

/** Must be called from a callback the loop started (a request handler): the experiments say so. */
export async function runOrderExperiment(id: OrderExperimentId): Promise<ObservedCallback[]> {
  const labels = id === 'timeout-vs-immediate-main' ? await runInFreshProcess() : await runInHandler(id);
  return observe(id, labels);
}
