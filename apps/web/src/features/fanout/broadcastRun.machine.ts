// One broadcast from the fan-out lab: idle → sending (POST /api/devices/broadcast) → collecting
// (until the server has every ack or its deadline passed) → done, or failed.

import { assign, fromPromise, setup } from 'xstate';
import type { BroadcastResult, BroadcastStarted } from '@loopwire/contract';

export type BroadcastEvent = { type: 'SEND'; room: string | null };

export interface BroadcastContext {
  room: string | null;
  started: BroadcastStarted | null;
  result: BroadcastResult | null;
  error: string | null;
}

export interface BroadcastApi {
  send(room: string | null): Promise<BroadcastStarted>;
  /** Resolves once the broadcast is done (all acks in, or the server's deadline passed). */
  collect(id: string): Promise<BroadcastResult>;
}

export const broadcastRunMachine = setup({
  types: {
    context: {} as BroadcastContext,
    events: {} as BroadcastEvent,
  },
  actors: {
    sendBroadcast: fromPromise<BroadcastStarted, { room: string | null }>(() => Promise.reject(new Error('provide sendBroadcast'))),
    collectAcks: fromPromise<BroadcastResult, { id: string }>(() => Promise.reject(new Error('provide collectAcks'))),
  },
  actions: {
    rememberRoom: assign(({ event }) => ({ room: event.room, started: null, result: null, error: null })),
    rememberStarted: assign((_, started: BroadcastStarted) => ({ started })),
    rememberResult: assign((_, result: BroadcastResult) => ({ result })),
    rememberError: assign((_, error: unknown) => ({ error: error instanceof Error ? error.message : 'the broadcast failed' })),
  },
}).createMachine({
  id: 'broadcastRun',
  context: { room: null, started: null, result: null, error: null },
  initial: 'idle',
  states: {
    idle: { on: { SEND: { target: 'sending', actions: 'rememberRoom' } } },
    sending: {
      invoke: {
        src: 'sendBroadcast',
        input: ({ context }) => ({ room: context.room }),
        onDone: { target: 'collecting', actions: { type: 'rememberStarted', params: ({ event }) => event.output } },
        onError: { target: 'failed', actions: { type: 'rememberError', params: ({ event }: { event: { error: unknown } }) => event.error } },
      },
    },
    collecting: {
      invoke: {
        src: 'collectAcks',
        input: ({ context }) => ({ id: context.started?.id ?? '' }),
        onDone: { target: 'done', actions: { type: 'rememberResult', params: ({ event }) => event.output } },
        onError: { target: 'failed', actions: { type: 'rememberError', params: ({ event }: { event: { error: unknown } }) => event.error } },
      },
    },
    done: { on: { SEND: { target: 'sending', actions: 'rememberRoom' } } },
    failed: { on: { SEND: { target: 'sending', actions: 'rememberRoom' } } },
  },
});

/** The real actors: the HTTP contract, polling the result until it is done. */
export function liveBroadcastActors(api: BroadcastApi) {
  return {
    sendBroadcast: fromPromise<BroadcastStarted, { room: string | null }>(({ input }) => api.send(input.room)),
    collectAcks: fromPromise<BroadcastResult, { id: string }>(({ input }) => api.collect(input.id)),
  };
}
