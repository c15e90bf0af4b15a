// The lifecycle of one Socket.IO connection, drawn live by the ConnectionBadge:
// idle → connecting → open ⇄ reconnecting → closed. The socket itself is an actor that cleans up.

import { assign, fromCallback, setup } from 'xstate';
import type { Socket } from 'socket.io-client';

export type ConnectionEvent =
  | { type: 'CONNECT' }
  | { type: 'DISCONNECT' }
  | { type: 'OPENED'; sid: string; transport: string }
  | { type: 'UPGRADED'; transport: string }
  | { type: 'DROPPED'; reason: string }
  | { type: 'RETRYING'; attempt: number }
  | { type: 'FAILED'; message: string };

export interface ConnectionContext {
  socket: Socket;
  /** Connect as soon as the machine starts, without waiting for CONNECT. */
  autoConnect: boolean;
  sid: string | null;
  transport: string | null;
  attempt: number;
  lastError: string | null;
}

/** Connects the socket while running; reports its lifecycle as machine events; disconnects on stop. */
export const socketLifecycle = fromCallback<ConnectionEvent, { socket: Socket }>(({ input, sendBack }) => {
  const { socket } = input;
  const engineUpgraded = (transport: { name: string }) => sendBack({ type: 'UPGRADED', transport: transport.name });
  const onConnect = () => {
    const engine = socket.io.engine;
    engine.off('upgrade', engineUpgraded);
    engine.on('upgrade', engineUpgraded);
    sendBack({ type: 'OPENED', sid: engine.id ?? '', transport: engine.transport.name });
  };
  const onDisconnect = (reason: string) => {
    if (reason !== 'io client disconnect') sendBack({ type: 'DROPPED', reason });
  };
  const onConnectError = (error: Error) => {
    // A middleware refusal leaves the socket inactive: Socket.IO will not retry it by itself.
    if (socket.active) sendBack({ type: 'DROPPED', reason: error.message });
    else sendBack({ type: 'FAILED', message: error.message });
  };
  const onReconnectAttempt = (attempt: number) => sendBack({ type: 'RETRYING', attempt });

  socket.on('connect', onConnect);
  socket.on('disconnect', onDisconnect);
  socket.on('connect_error', onConnectError);
  socket.io.on('reconnect_attempt', onReconnectAttempt);
  socket.connect();
  return () => {
    socket.off('connect', onConnect);
    socket.off('disconnect', onDisconnect);
    socket.off('connect_error', onConnectError);
    socket.io.off('reconnect_attempt', onReconnectAttempt);
    socket.io.engine?.off('upgrade', engineUpgraded);
    socket.disconnect();
  };
});

export const connectionMachine = setup({
  types: {
    context: {} as ConnectionContext,
    events: {} as ConnectionEvent,
    input: {} as { socket: Socket; autoConnect?: boolean },
  },
  actors: { socketLifecycle },
  actions: {
    rememberSession: assign(({ event }) =>
      event.type === 'OPENED' ? { sid: event.sid, transport: event.transport, attempt: 0, lastError: null } : {},
    ),
    rememberTransport: assign(({ event }) => (event.type === 'UPGRADED' ? { transport: event.transport } : {})),
    rememberDrop: assign(({ event }) => (event.type === 'DROPPED' ? { lastError: event.reason } : {})),
    rememberAttempt: assign(({ event }) => (event.type === 'RETRYING' ? { attempt: event.attempt } : {})),
    rememberFailure: assign(({ event }) => (event.type === 'FAILED' ? { lastError: event.message } : {})),
  },
  guards: {
    startsConnected: ({ context }) => context.autoConnect,
  },
}).createMachine({
  id: 'connection',
  context: ({ input }) => ({
    socket: input.socket,
    sid: null,
    transport: null,
    attempt: 0,
    lastError: null,
    autoConnect: input.autoConnect ?? true,
  }),
  initial: 'idle',
  states: {
    idle: {
      always: { guard: 'startsConnected', target: 'session' },
      on: { CONNECT: 'session' },
    },
    session: {
      invoke: { src: 'socketLifecycle', input: ({ context }) => ({ socket: context.socket }) },
      initial: 'connecting',
      states: {
        connecting: {
          on: { OPENED: { target: 'open', actions: 'rememberSession' }, DROPPED: 'reconnecting' },
        },
        open: {
          on: {
            UPGRADED: { actions: 'rememberTransport' },
            DROPPED: { target: 'reconnecting', actions: 'rememberDrop' },
          },
        },
        reconnecting: {
          on: {
            OPENED: { target: 'open', actions: 'rememberSession' },
            RETRYING: { actions: 'rememberAttempt' },
            DROPPED: { actions: 'rememberDrop' },
          },
        },
      },
      on: {
        DISCONNECT: 'closed',
        FAILED: { target: 'closed', actions: 'rememberFailure' },
      },
    },
    closed: {
      on: { CONNECT: 'session' },
    },
  },
});

/** The state names the issue and the badge speak of: idle, connecting, open, reconnecting, closed. */
export type ConnectionPhase = 'idle' | 'connecting' | 'open' | 'reconnecting' | 'closed';

export function phaseOf(value: unknown): ConnectionPhase {
  if (typeof value === 'string') return value as ConnectionPhase;
  return (value as { session: ConnectionPhase }).session;
}
