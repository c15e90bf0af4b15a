// One run of the transport race: open all five clients fresh → post N messages → wait until every
// client has them (or a deadline) → close the clients → read the wire bytes from the tap → done.
// Each step is an actor the page provides, so the machine is tested without a browser.

import { assign, fromPromise, setup } from 'xstate';
import type { RaceBytes } from './measure.ts';

export interface RaceSettings {
  messages: number;
  intervalMs: number;
}

export interface RaceContext {
  settings: RaceSettings;
  /** Tags every URL of this run (`race=<id>`) so its exchanges can be found among the captures. */
  raceId: string;
  /** performance.now() just before message #i was POSTed, by i. */
  sentAt: number[];
  /** How long each POST took to be answered, ms, by i. */
  postMs: number[];
  bytes: RaceBytes | null;
  error: string | null;
}

/** What posting the race's messages produced: when each POST started, and how long it took. */
export interface SentMessages {
  sentAt: number[];
  postMs: number[];
}

export type RaceEvent = { type: 'START'; settings: RaceSettings; raceId: string } | { type: 'RESET' };

export const raceMachine = setup({
  types: {
    context: {} as RaceContext,
    events: {} as RaceEvent,
  },
  actors: {
    openClients: fromPromise<void, { raceId: string }>(async () => {}),
    sendMessages: fromPromise<SentMessages, { raceId: string; settings: RaceSettings }>(async () => ({ sentAt: [], postMs: [] })),
    awaitDelivery: fromPromise<void, { raceId: string; settings: RaceSettings }>(async () => {}),
    closeAndMeasure: fromPromise<RaceBytes, { raceId: string }>(async () => ({ ok: false, reason: 'not measured' })),
  },
  actions: {
    beginRun: assign(({ event }) =>
      event.type === 'START' ? { settings: event.settings, raceId: event.raceId, sentAt: [], postMs: [], bytes: null, error: null } : {},
    ),
    rememberSent: assign((_, sent: SentMessages) => ({ sentAt: sent.sentAt, postMs: sent.postMs })),
    rememberBytes: assign({ bytes: (_, bytes: RaceBytes) => bytes }),
    /** The page stops its clients (a failed run must not leave five connections polling). */
    stopClients: () => {},
    rememberError: assign({ error: (_, error: unknown) => (error instanceof Error ? error.message : String(error)) }),
  },
}).createMachine({
  id: 'race',
  initial: 'idle',
  context: { settings: { messages: 20, intervalMs: 100 }, raceId: '', sentAt: [], postMs: [], bytes: null, error: null },
  states: {
    idle: {
      on: { START: { target: 'connecting', actions: 'beginRun' } },
    },
    connecting: {
      invoke: {
        src: 'openClients',
        input: ({ context }) => ({ raceId: context.raceId }),
        onDone: 'sending',
        onError: { target: 'failed', actions: { type: 'rememberError', params: ({ event }: { event: { error: unknown } }) => event.error } },
      },
    },
    sending: {
      invoke: {
        src: 'sendMessages',
        input: ({ context }) => ({ raceId: context.raceId, settings: context.settings }),
        onDone: { target: 'delivering', actions: { type: 'rememberSent', params: ({ event }) => event.output } },
        onError: { target: 'failed', actions: { type: 'rememberError', params: ({ event }: { event: { error: unknown } }) => event.error } },
      },
    },
    delivering: {
      invoke: {
        src: 'awaitDelivery',
        input: ({ context }) => ({ raceId: context.raceId, settings: context.settings }),
        onDone: 'measuring',
        onError: { target: 'measuring', actions: { type: 'rememberError', params: ({ event }: { event: { error: unknown } }) => event.error } },
      },
    },
    measuring: {
      invoke: {
        src: 'closeAndMeasure',
        input: ({ context }) => ({ raceId: context.raceId }),
        onDone: { target: 'done', actions: { type: 'rememberBytes', params: ({ event }) => event.output } },
        onError: { target: 'failed', actions: { type: 'rememberError', params: ({ event }: { event: { error: unknown } }) => event.error } },
      },
    },
    done: {
      on: { START: { target: 'connecting', actions: 'beginRun' }, RESET: 'idle' },
    },
    failed: {
      entry: 'stopClients',
      on: { START: { target: 'connecting', actions: 'beginRun' }, RESET: 'idle' },
    },
  },
});
