// Runs one experiment from the fixed catalogue in @loopwire/protocol and records what ran, in
// order, with each callback's kind and loop phase. Only this code runs: never anything a client sends.

import { execFile } from 'node:child_process';
import { readFile } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CallbackKind, LoopPhase, ObservedCallback, OrderExperimentId } from '@loopwire/protocol';
import { builtFile } from '../core/built-file.js';
import { RetryLater } from '../core/retry-later.js';

/** Fresh Node processes for the main-module experiment that may run at once. */
const freshProcessCap = 2;
let freshProcesses = 0;

type Recorder = (label: string, kind: CallbackKind, phase: LoopPhase) => void;
type Experiment = (log: Recorder) => Promise<void>;

const anyFile = fileURLToPath(import.meta.url);
/** Long enough for a 0 ms timer and an immediate scheduled from a finished callback to have run. */
const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 20));

const experiments: Record<Exclude<OrderExperimentId, 'timeout-vs-immediate-main'>, Experiment> = {
  async 'nexttick-vs-promise'(log) {
    void Promise.resolve().then(() => log('promise', 'promise', 'microtasks'));
    process.nextTick(() => log('nextTick', 'nextTick', 'microtasks'));
    log('sync', 'sync', 'poll');
    await settle();
  },

  async 'nested-microtasks'(log) {
    process.nextTick(() => {
      log('tick 1', 'nextTick', 'microtasks');
      void Promise.resolve().then(() => log('promise inside tick 1', 'promise', 'microtasks'));
      process.nextTick(() => log('tick inside tick 1', 'nextTick', 'microtasks'));
    });
    void Promise.resolve().then(() => {
      log('promise 1', 'promise', 'microtasks');
      process.nextTick(() => log('tick inside promise 1', 'nextTick', 'microtasks'));
      void Promise.resolve().then(() => log('promise inside promise 1', 'promise', 'microtasks'));
    });
    await settle();
  },

  async 'timeout-vs-immediate-in-io'(log) {
    await new Promise<void>((resolve) => {
      readFile(anyFile, () => {
        log('readFile callback', 'io', 'poll');
        setTimeout(() => log('timeout', 'timeout', 'timers'), 0);
        setImmediate(() => log('immediate', 'immediate', 'check'));
        resolve();
      });
    });
    await settle();
  },

  async 'phases-tour'(log) {
    setTimeout(() => log('timeout', 'timeout', 'timers'), 0);
    setImmediate(() => {
      log('immediate', 'immediate', 'check');
      process.nextTick(() => log('nextTick inside immediate', 'nextTick', 'microtasks'));
    });
    void Promise.resolve().then(() => log('promise', 'promise', 'microtasks'));
    process.nextTick(() => log('nextTick', 'nextTick', 'microtasks'));
    log('sync', 'sync', 'poll');
    await settle();
  },
};

function runInFreshProcess(): Promise<ObservedCallback[]> {
  if (freshProcesses >= freshProcessCap) {
    throw new RetryLater('too_many_experiments', 'The main-module experiment is already running twice; try again in a moment.', 1000);
  }
  freshProcesses += 1;
  return new Promise<ObservedCallback[]>((resolve, reject) => {
    execFile(process.execPath, [builtFile('loop-lab/order-main-module.cjs')], { timeout: 5000 }, (error, stdout) => {
      if (error) return reject(error);
      resolve(JSON.parse(stdout) as ObservedCallback[]);
    });
  }).finally(() => {
    freshProcesses -= 1;
  });
}

/** Must be called from a callback the loop started (a request handler): the experiments say so. */
export async function runOrderExperiment(id: OrderExperimentId): Promise<ObservedCallback[]> {
  if (id === 'timeout-vs-immediate-main') return runInFreshProcess();
  const observed: ObservedCallback[] = [];
  await experiments[id]((label, kind, phase) => observed.push({ label, kind, phase }));
  return observed;
}
