// One lab run: pick a mode and a duration, run a real job on the server, show what it measured.
// idle → running → showingResult (or failed); running again from a result starts a new run.

import { assign, fromPromise, setup } from 'xstate';
import type { JobMode, LabJobResult } from '@loopwire/contract';

export interface LabRunContext {
  mode: JobMode;
  durationMs: number;
  result: LabJobResult | null;
  error: string | null;
}

export type LabRunEvent =
  | { type: 'SET_MODE'; mode: JobMode }
  | { type: 'SET_DURATION'; durationMs: number }
  | { type: 'RUN' }
  | { type: 'DISMISS' };

export const labRunMachine = setup({
  types: {
    context: {} as LabRunContext,
    events: {} as LabRunEvent,
  },
  actors: {
    // Replaced by the page (real fetch) and by tests (a real server or a promise they control).
    runJob: fromPromise<LabJobResult, { mode: JobMode; durationMs: number }>(async () => {
      throw new Error('labRunMachine needs a runJob actor: provide one');
    }),
  },
  actions: {
    setMode: assign(({ event }) => (event.type === 'SET_MODE' ? { mode: event.mode } : {})),
    setDuration: assign(({ event }) => (event.type === 'SET_DURATION' ? { durationMs: event.durationMs } : {})),
    clearOutcome: assign({ result: null, error: null }),
    // The invoke's done/error events are typed where they are handled, which passes what they carry as params.
    keepResult: assign((_, params: { result: LabJobResult }) => ({ result: params.result })),
    keepError: assign((_, params: { error: unknown }) => ({
      error: params.error instanceof Error ? params.error.message : String(params.error),
    })),
  },
  guards: {
    durationInRange: ({ event }) =>
      event.type === 'SET_DURATION' && Number.isInteger(event.durationMs) && event.durationMs >= 1 && event.durationMs <= 5000,
  },
}).createMachine({
  id: 'labRun',
  context: { mode: 'blocking', durationMs: 1000, result: null, error: null },
  initial: 'idle',
  states: {
    idle: {
      on: {
        SET_MODE: { actions: 'setMode' },
        SET_DURATION: { guard: 'durationInRange', actions: 'setDuration' },
        RUN: 'running',
      },
    },
    running: {
      entry: 'clearOutcome',
      invoke: {
        src: 'runJob',
        input: ({ context }) => ({ mode: context.mode, durationMs: context.durationMs }),
        onDone: { target: 'showingResult', actions: { type: 'keepResult', params: ({ event }) => ({ result: event.output }) } },
        onError: { target: 'failed', actions: { type: 'keepError', params: ({ event }) => ({ error: event.error }) } },
      },
    },
    showingResult: {
      on: {
        SET_MODE: { actions: 'setMode' },
        SET_DURATION: { guard: 'durationInRange', actions: 'setDuration' },
        RUN: 'running',
        DISMISS: { target: 'idle', actions: 'clearOutcome' },
      },
    },
    failed: {
      on: {
        SET_MODE: { target: 'idle', actions: 'setMode' },
        SET_DURATION: { guard: 'durationInRange', actions: 'setDuration' },
        RUN: 'running',
        DISMISS: { target: 'idle', actions: 'clearOutcome' },
      },
    },
  },
});
