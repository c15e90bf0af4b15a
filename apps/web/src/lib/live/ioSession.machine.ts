// A Socket.IO session a lab widget opens on its own namespace with an `auth` payload (token, name):
// idle → connecting → open → closed, or refused (the server's middleware said no: connect_error
// carries its code). The socket is an actor, disconnected when the machine leaves `session`.

import { assign, fromCallback, setup } from 'xstate';
import type { Socket } from 'socket.io-client';

export type IoSessionEvent =
  | { type: 'CONNECT'; auth: Record<string, unknown> }
  | { type: 'OPENED'; socket: Socket }
  | { type: 'REFUSED'; code: string; message: string }
  | { type: 'DROPPED'; reason: string }
  | { type: 'DISCONNECT' };

export interface IoSessionInput {
  connect: (auth: Record<string, unknown>) => Socket;
}

export interface IoSessionContext extends IoSessionInput {
  auth: Record<string, unknown>;
  socket: Socket | null;
  error: { code: string; message: string } | null;
  dropReason: string | null;
}

export const ioSocketActor = fromCallback<IoSessionEvent, { auth: Record<string, unknown>; connect: IoSessionInput['connect'] }>(
  ({ input, sendBack }) => {
    const socket = input.connect(input.auth);
    socket.on('connect', () => sendBack({ type: 'OPENED', socket }));
    socket.on('connect_error', (error: Error & { data?: { code?: string; message?: string } }) =>
      sendBack({ type: 'REFUSED', code: error.data?.code ?? 'connect_error', message: error.data?.message ?? error.message }),
    );
    socket.on('disconnect', (reason) => {
      if (reason !== 'io client disconnect') sendBack({ type: 'DROPPED', reason });
    });
    return () => {
      socket.removeAllListeners();
      socket.disconnect();
    };
  },
);

export const ioSessionMachine = setup({
  types: {
    context: {} as IoSessionContext,
    events: {} as IoSessionEvent,
    input: {} as IoSessionInput,
  },
  actors: { ioSocketActor },
  actions: {
    rememberAuth: assign(({ event }) => (event.type === 'CONNECT' ? { auth: event.auth, socket: null, error: null, dropReason: null } : {})),
    rememberSocket: assign(({ event }) => (event.type === 'OPENED' ? { socket: event.socket } : {})),
    rememberRefusal: assign(({ event }) => (event.type === 'REFUSED' ? { error: { code: event.code, message: event.message }, socket: null } : {})),
    rememberDrop: assign(({ event }) => (event.type === 'DROPPED' ? { dropReason: event.reason, socket: null } : {})),
    forgetSocket: assign({ socket: null }),
  },
}).createMachine({
  id: 'ioSession',
  context: ({ input }) => ({ ...input, auth: {}, socket: null, error: null, dropReason: null }),
  initial: 'idle',
  states: {
    idle: { on: { CONNECT: { target: 'session', actions: 'rememberAuth' } } },
    session: {
      invoke: { src: 'ioSocketActor', input: ({ context }) => ({ auth: context.auth, connect: context.connect }) },
      initial: 'connecting',
      states: {
        connecting: { on: { OPENED: { target: 'open', actions: 'rememberSocket' } } },
        open: {},
      },
      on: {
        REFUSED: { target: 'refused', actions: 'rememberRefusal' },
        DROPPED: { target: 'closed', actions: 'rememberDrop' },
        DISCONNECT: { target: 'closed', actions: 'forgetSocket' },
      },
    },
    closed: { on: { CONNECT: { target: 'session', actions: 'rememberAuth' } } },
    refused: { on: { CONNECT: { target: 'session', actions: 'rememberAuth' } } },
  },
});
