// One of the scale lab's Socket.IO clients to the cluster: connecting → open (on a worker, by pid)
// → reconnecting (the transport closed or a request failed: Socket.IO retries by itself) → open…
// The socket is an actor; leaving `running` disconnects it.

import { assign, fromCallback, setup } from 'xstate';
import type { ScaleHello } from '@loopwire/contract';

export type ClusterClientEvent =
  | { type: 'HELLO'; hello: ScaleHello; transport: string }
  | { type: 'UPGRADED'; transport: string }
  | { type: 'DROPPED'; reason: string }
  | { type: 'FAILED'; message: string }
  | { type: 'STOP' };

/** Opens the socket and reports what happens to it; returns how to close it. */
export type ClusterSocketOpener = (report: (event: ClusterClientEvent) => void) => () => void;

export interface ClusterClientContext {
  open: ClusterSocketOpener;
  pid: number | null;
  transport: string | null;
  /** How many times the connection failed or dropped: the reconnect loop, counted. */
  failures: number;
  lastProblem: string | null;
  /** Every worker this client has been on, in order. */
  pids: number[];
}

export const clusterSocketActor = fromCallback<ClusterClientEvent, { open: ClusterSocketOpener }>(({ input, sendBack }) => input.open(sendBack));

export const clusterClientMachine = setup({
  types: {
    context: {} as ClusterClientContext,
    events: {} as ClusterClientEvent,
    input: {} as { open: ClusterSocketOpener },
  },
  actors: { clusterSocketActor },
  actions: {
    landed: assign(({ context, event }) =>
      event.type === 'HELLO'
        ? { pid: event.hello.pid, transport: event.transport, pids: context.pids.at(-1) === event.hello.pid ? context.pids : [...context.pids, event.hello.pid] }
        : {},
    ),
    upgraded: assign(({ event }) => (event.type === 'UPGRADED' ? { transport: event.transport } : {})),
    problem: assign(({ context, event }) =>
      event.type === 'DROPPED' || event.type === 'FAILED'
        ? { failures: context.failures + 1, lastProblem: event.type === 'DROPPED' ? event.reason : event.message, pid: null, transport: null }
        : {},
    ),
  },
}).createMachine({
  id: 'clusterClient',
  context: ({ input }) => ({ open: input.open, pid: null, transport: null, failures: 0, lastProblem: null, pids: [] }),
  initial: 'running',
  states: {
    running: {
      invoke: { src: 'clusterSocketActor', input: ({ context }) => ({ open: context.open }) },
      initial: 'connecting',
      on: { STOP: '#clusterClient.stopped' },
      states: {
        connecting: {
          on: {
            HELLO: { target: 'open', actions: 'landed' },
            FAILED: { target: 'reconnecting', actions: 'problem' },
          },
        },
        open: {
          on: {
            UPGRADED: { actions: 'upgraded' },
            DROPPED: { target: 'reconnecting', actions: 'problem' },
            FAILED: { target: 'reconnecting', actions: 'problem' },
          },
        },
        reconnecting: {
          on: {
            HELLO: { target: 'open', actions: 'landed' },
            FAILED: { actions: 'problem' },
          },
        },
      },
    },
    stopped: { type: 'final' },
  },
});
