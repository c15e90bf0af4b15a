// The lifecycle of one feed client (any of the five transports), drawn live in the race:
// idle → connecting → open ⇄ waiting, reconnecting, closed. The transport itself is the `connection`
// actor (see transports/feed-clients.ts); leaving `active` stops it, which closes what it opened.

import { assign, fromCallback, setup } from 'xstate';
import type { FeedMessage, TickerUpdate } from '@loopwire/contract';
import type { FeedClient, FeedClientEvent, FeedClientOptions } from './feed-clients.ts';

export interface ReceivedMessage {
  id: number;
  text: string;
  receivedAt: number;
}

export interface FeedClientContext {
  options: FeedClientOptions;
  /** HTTP requests (and WebSocket handshakes) this client made. */
  requests: number;
  received: ReceivedMessage[];
  /** The server's name for the open connection (SSE stream, WebSocket connectionId, Socket.IO id). */
  connectionId: string | null;
  /** Why the connection last dropped or closed, with the close code if there was one. */
  lastClose: { code?: number; reason: string } | null;
  /** The newest unprompted price update (SSE only). */
  lastTick: TickerUpdate | null;
  /** Polling only: when each request went out and when its answer was parsed (performance.now()), newest last. */
  polls: { startedAt: number; answeredAt: number }[];
}

export type FeedClientMachineEvent =
  | { type: 'START'; options: FeedClientOptions }
  | { type: 'STOP' }
  | FeedClientEvent;

/** Keeps the newest messages only, so a long demo cannot grow the page's memory without bound. */
export const maxReceivedKept = 1000;

/** Replaced per transport with `machine.provide({ actors: { connection: fromCallback(...) } })`. */
export function connectionActor(client: FeedClient) {
  return fromCallback<FeedClientEvent, FeedClientOptions>(({ input, sendBack }) => client(input, sendBack));
}

export const feedClientMachine = setup({
  types: {
    context: {} as FeedClientContext,
    events: {} as FeedClientMachineEvent,
  },
  actors: {
    connection: fromCallback<FeedClientEvent, FeedClientOptions>(() => () => {}),
  },
  actions: {
    resetFor: assign(({ event }) =>
      event.type === 'START'
        ? { options: event.options, requests: 0, received: [], connectionId: null, lastClose: null, lastTick: null, polls: [] }
        : {},
    ),
    countRequest: assign({ requests: ({ context }) => context.requests + 1 }),
    rememberConnection: assign(({ context, event }) =>
      event.type === 'OPENED' && event.id ? { connectionId: event.id } : { connectionId: context.connectionId },
    ),
    keepMessages: assign(({ context, event }) => {
      if (event.type !== 'MESSAGES') return {};
      const fresh = event.messages.map((message: FeedMessage) => ({
        id: message.id,
        text: message.text,
        receivedAt: event.receivedAt,
      }));
      return { received: [...context.received, ...fresh].slice(-maxReceivedKept) };
    }),
    keepTick: assign(({ event }) => (event.type === 'TICK' ? { lastTick: event.update } : {})),
    keepPoll: assign(({ context, event }) =>
      event.type === 'POLLED' ? { polls: [...context.polls, { startedAt: event.startedAt, answeredAt: event.answeredAt }].slice(-maxReceivedKept) } : {},
    ),
    rememberClose: assign(({ event }) =>
      event.type === 'CLOSED' || event.type === 'RECONNECTING'
        ? { lastClose: { code: event.type === 'CLOSED' ? event.code : undefined, reason: event.reason } }
        : {},
    ),
  },
}).createMachine({
  id: 'feedClient',
  initial: 'idle',
  context: { options: { after: 0 }, requests: 0, received: [], connectionId: null, lastClose: null, lastTick: null, polls: [] },
  states: {
    idle: {
      on: { START: { target: 'active', actions: 'resetFor' } },
    },
    active: {
      invoke: { src: 'connection', input: ({ context }) => context.options },
      initial: 'connecting',
      on: {
        REQUEST: { actions: 'countRequest' },
        MESSAGES: { actions: 'keepMessages' },
        TICK: { actions: 'keepTick' },
        POLLED: { actions: 'keepPoll' },
        RECONNECTING: { target: '.reconnecting', actions: 'rememberClose' },
        CLOSED: { target: 'closed', actions: 'rememberClose' },
        STOP: { target: 'stopped' },
      },
      states: {
        connecting: {
          on: { OPENED: { target: 'open', actions: 'rememberConnection' } },
        },
        open: {
          on: { WAITING: 'waiting', OPENED: { actions: 'rememberConnection' } },
        },
        waiting: {
          on: { OPENED: { target: 'open', actions: 'rememberConnection' }, MESSAGES: { target: 'open', actions: 'keepMessages' } },
        },
        reconnecting: {
          on: { OPENED: { target: 'open', actions: 'rememberConnection' }, CONNECTING: 'connecting' },
        },
      },
    },
    /** The server (or the network) ended it and this client will not come back by itself. */
    closed: {
      on: { START: { target: 'active', actions: 'resetFor' } },
    },
    /** This page stopped it. */
    stopped: {
      on: { START: { target: 'active', actions: 'resetFor' } },
    },
  },
});

/** The states drawn in the lifecycle strip, in order. */
export const drawnStates = ['idle', 'connecting', 'open', 'waiting', 'reconnecting', 'closed', 'stopped'] as const;
export type DrawnState = (typeof drawnStates)[number];

/** The innermost state name of a snapshot's value, e.g. `{active: 'open'}` → `open`. */
export function drawnState(value: string | Record<string, unknown>): DrawnState {
  if (typeof value === 'string') return value as DrawnState;
  return String(Object.values(value)[0]) as DrawnState;
}
