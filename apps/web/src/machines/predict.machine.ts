// Predict → observe → explain for one lesson: the live result stays hidden until a prediction is committed.

import { assign, setup } from 'xstate';

export const predictMachine = setup({
  types: {
    context: {} as { choice: string | null },
    events: {} as { type: 'CHOOSE'; choice: string } | { type: 'COMMIT' } | { type: 'EXPLAIN' } | { type: 'RETRY' },
  },
  actions: {
    rememberChoice: assign(({ event }) => (event.type === 'CHOOSE' ? { choice: event.choice } : {})),
    forgetChoice: assign({ choice: null }),
  },
  guards: {
    hasChoice: ({ context }) => context.choice !== null,
  },
}).createMachine({
  id: 'predict',
  context: { choice: null },
  initial: 'predicting',
  states: {
    predicting: {
      on: {
        CHOOSE: { actions: 'rememberChoice' },
        COMMIT: { guard: 'hasChoice', target: 'observing' },
      },
    },
    observing: { on: { EXPLAIN: 'explaining' } },
    explaining: { on: { RETRY: { target: 'predicting', actions: 'forgetChoice' } } },
  },
});
