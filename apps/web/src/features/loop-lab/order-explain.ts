// Why a callback ran where it did: one rule per kind, and the position-by-position comparison of a
// learner's prediction with what the server observed.

import type { CallbackKind, LoopPhase, ObservedCallback } from '@loopwire/contract';

export const kindRules: Record<CallbackKind, string> = {
  sync: 'Synchronous code runs to its end before any callback: nothing interrupts a running function.',
  nextTick: 'process.nextTick callbacks run as soon as the current callback returns, before promise callbacks.',
  promise: 'Promise callbacks (V8 microtasks) run right after the nextTick queue is empty.',
  immediate: 'setImmediate callbacks run in the check phase, which comes straight after poll.',
  timeout: 'setTimeout(…, 0) means at least 1 ms, and runs only when the loop reaches its timers phase.',
  io: 'An I/O callback runs in the poll phase once its result (here, from the threadpool) is ready.',
};

export const phaseNames: Record<LoopPhase, string> = {
  main: 'main module',
  microtasks: 'microtasks',
  timers: 'timers phase',
  poll: 'poll phase',
  check: 'check phase',
};

export interface Placement {
  label: string;
  predicted: number;
  observed: number;
  right: boolean;
  kind: CallbackKind;
  phase: LoopPhase;
}

/** For each callback the server saw: where the learner put it, and where it really ran. When Node
 *  does not fix the order (`deterministic: false`), every order is right: this run's is one of them. */
export function comparePrediction(
  prediction: readonly string[],
  observed: readonly ObservedCallback[],
  deterministic = true,
): Placement[] {
  return observed.map((callback, index) => {
    const predicted = prediction.indexOf(callback.label);
    const right = !deterministic || predicted === index;
    return { label: callback.label, predicted, observed: index, right, kind: callback.kind, phase: callback.phase };
  });
}
