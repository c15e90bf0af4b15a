// A lesson's predict step: reading → predicting → observing → explaining → done. The live result
// stays hidden until a prediction is committed, and the explanation until the widget has really run
// (the widget reports OBSERVED); recording progress is an action the page provides.

import { assign, setup } from 'xstate';

export interface PredictInput {
  /** The correct choice, so the committed prediction can be recorded as right or wrong. */
  answer: string;
  /** What the learner did on an earlier visit, from their saved progress. */
  restored: { choice: string; done: boolean } | null;
}

export interface PredictContext {
  answer: string;
  choice: string | null;
  restored: PredictInput['restored'];
  /** The observe widget ran in this visit: only then can its result be explained. */
  observed: boolean;
}

export type PredictEvent =
  | { type: 'CHOOSE'; choice: string }
  | { type: 'COMMIT' }
  | { type: 'OBSERVED' }
  | { type: 'EXPLAIN' }
  | { type: 'FINISH' }
  | { type: 'RETRY' };

export const predictMachine = setup({
  types: {
    input: {} as PredictInput,
    context: {} as PredictContext,
    events: {} as PredictEvent,
  },
  actions: {
    rememberChoice: assign(({ event }) => (event.type === 'CHOOSE' ? { choice: event.choice } : {})),
    forgetChoice: assign({ choice: null, restored: null, observed: false }),
    rememberObserved: assign({ observed: true }),
    // Provided by the page (progress store); no-ops here so the machine runs on its own in tests.
    recordPrediction: (_, _params: { choice: string; correct: boolean }) => {},
    recordDone: () => {},
    forgetProgress: () => {},
  },
  guards: {
    hasChoice: ({ context }) => context.choice !== null,
    hasObserved: ({ context }) => context.observed,
    wasDone: ({ context }) => context.restored?.done === true,
    wasCommitted: ({ context }) => context.restored !== null,
  },
}).createMachine({
  id: 'predict',
  context: ({ input }) => ({
    answer: input.answer,
    choice: input.restored?.choice ?? null,
    restored: input.restored,
    observed: false,
  }),
  initial: 'restoring',
  states: {
    restoring: {
      always: [
        { guard: 'wasDone', target: 'done' },
        { guard: 'wasCommitted', target: 'observing' },
        { target: 'reading' },
      ],
    },
    reading: {
      on: { CHOOSE: { target: 'predicting', actions: 'rememberChoice' } },
    },
    predicting: {
      on: {
        CHOOSE: { actions: 'rememberChoice' },
        COMMIT: {
          guard: 'hasChoice',
          target: 'observing',
          actions: {
            type: 'recordPrediction',
            params: ({ context }) => ({ choice: context.choice!, correct: context.choice === context.answer }),
          },
        },
      },
    },
    observing: {
      on: {
        OBSERVED: { actions: 'rememberObserved' },
        EXPLAIN: { guard: 'hasObserved', target: 'explaining' },
      },
    },
    explaining: {
      on: {
        FINISH: { target: 'done', actions: 'recordDone' },
        RETRY: { target: 'reading', actions: ['forgetChoice', 'forgetProgress'] },
      },
    },
    done: {
      on: { RETRY: { target: 'reading', actions: ['forgetChoice', 'forgetProgress'] } },
    },
  },
});
