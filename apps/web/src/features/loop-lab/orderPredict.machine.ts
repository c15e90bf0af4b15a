// Predict-the-order: the learner arranges the callbacks, the server runs the experiment, the page
// compares. ordering → running → compared (or failed); choosing another experiment starts over.

import { assign, fromPromise, setup } from 'xstate';
import { findOrderExperiment, orderExperiments, type ObservedCallback } from '@loopwire/contract';

export interface OrderPredictContext {
  experimentId: string;
  /** Callback labels in the order the learner predicts. */
  prediction: string[];
  observed: ObservedCallback[] | null;
  error: string | null;
}

export type OrderPredictEvent =
  | { type: 'CHOOSE_EXPERIMENT'; experimentId: string }
  | { type: 'MOVE'; from: number; to: number }
  | { type: 'RUN' }
  | { type: 'TRY_AGAIN' };

function writtenOrder(experimentId: string): string[] {
  return findOrderExperiment(experimentId)?.callbacks.map((callback) => callback.label) ?? [];
}

export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  if (from < 0 || from >= items.length || to < 0 || to >= items.length) return [...items];
  const next = [...items];
  const [moved] = next.splice(from, 1);
  next.splice(to, 0, moved!);
  return next;
}

export const orderPredictMachine = setup({
  types: {
    context: {} as OrderPredictContext,
    events: {} as OrderPredictEvent,
  },
  actors: {
    runExperiment: fromPromise<ObservedCallback[], { experimentId: string }>(async () => {
      throw new Error('orderPredictMachine needs a runExperiment actor: provide one');
    }),
  },
  actions: {
    chooseExperiment: assign(({ event }) =>
      event.type === 'CHOOSE_EXPERIMENT'
        ? { experimentId: event.experimentId, prediction: writtenOrder(event.experimentId), observed: null, error: null }
        : {},
    ),
    move: assign(({ context, event }) => (event.type === 'MOVE' ? { prediction: moveItem(context.prediction, event.from, event.to) } : {})),
    // The invoke's done/error events are typed where they are handled, which passes what they carry as params.
    keepObserved: assign((_, params: { observed: ObservedCallback[] }) => ({ observed: params.observed, error: null })),
    keepError: assign((_, params: { error: unknown }) => ({
      error: params.error instanceof Error ? params.error.message : String(params.error ?? 'failed'),
    })),
    forgetObserved: assign({ observed: null, error: null }),
  },
  guards: {
    knownExperiment: ({ event }) => event.type === 'CHOOSE_EXPERIMENT' && findOrderExperiment(event.experimentId) !== undefined,
  },
}).createMachine({
  id: 'orderPredict',
  context: { experimentId: orderExperiments[0].id, prediction: writtenOrder(orderExperiments[0].id), observed: null, error: null },
  initial: 'ordering',
  on: {
    CHOOSE_EXPERIMENT: { guard: 'knownExperiment', target: '.ordering', actions: 'chooseExperiment' },
  },
  states: {
    ordering: {
      on: {
        MOVE: { actions: 'move' },
        RUN: 'running',
      },
    },
    running: {
      invoke: {
        src: 'runExperiment',
        input: ({ context }) => ({ experimentId: context.experimentId }),
        onDone: { target: 'compared', actions: { type: 'keepObserved', params: ({ event }) => ({ observed: event.output }) } },
        onError: { target: 'failed', actions: { type: 'keepError', params: ({ event }) => ({ error: event.error }) } },
      },
    },
    compared: {
      on: {
        TRY_AGAIN: { target: 'ordering', actions: 'forgetObserved' },
        RUN: 'running',
      },
    },
    failed: {
      on: { RUN: 'running', TRY_AGAIN: { target: 'ordering', actions: 'forgetObserved' } },
    },
  },
});
