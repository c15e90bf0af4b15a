// A raw WebSocket opened by a lab widget: idle → connecting → open → closed (with the close code
// the server chose), or refused (the handshake failed; browsers hide its status, so the widget asks
// the server). The socket is an actor: it is closed when the machine leaves `session`.

import { assign, fromCallback, sendTo, setup } from 'xstate';
import type { WebSocketLike } from '../../lib/live/context.ts';

export type LabSocketEvent =
  | { type: 'OPEN'; path: string }
  | { type: 'OPENED'; socket: WebSocketLike }
  | { type: 'MESSAGE'; data: string }
  | { type: 'CLOSED'; code: number; reason: string; wasOpen: boolean }
  | { type: 'CLOSE' }
  | { type: 'RESET' };

export interface LabSocketContext {
  path: string | null;
  socket: WebSocketLike | null;
  received: number;
  lastMessage: string | null;
  closeCode: number | null;
  closeReason: string | null;
}

export interface LabSocketInput {
  open: (path: string) => WebSocketLike;
}

export const webSocketActor = fromCallback<LabSocketEvent, { path: string; open: (path: string) => WebSocketLike }>(({ input, sendBack, receive }) => {
  const socket = input.open(input.path);
  let wasOpen = false;
  socket.onopen = () => {
    wasOpen = true;
    sendBack({ type: 'OPENED', socket });
  };
  socket.onmessage = (event) => sendBack({ type: 'MESSAGE', data: String(event.data) });
  socket.onclose = (event) => sendBack({ type: 'CLOSED', code: event.code, reason: event.reason, wasOpen });
  receive((event) => {
    if (event.type === 'CLOSE') socket.close(1000, 'closed by the learner');
  });
  return () => {
    socket.onopen = null;
    socket.onmessage = null;
    socket.onclose = null;
    socket.close();
  };
});

export const labSocketMachine = setup({
  types: {
    context: {} as LabSocketContext & LabSocketInput,
    events: {} as LabSocketEvent,
    input: {} as LabSocketInput,
  },
  actors: { webSocketActor },
  actions: {
    rememberPath: assign(({ event }) =>
      event.type === 'OPEN'
        ? { path: event.path, socket: null, received: 0, lastMessage: null, closeCode: null, closeReason: null }
        : {},
    ),
    rememberSocket: assign(({ event }) => (event.type === 'OPENED' ? { socket: event.socket } : {})),
    countMessage: assign(({ context, event }) =>
      event.type === 'MESSAGE' ? { received: context.received + 1, lastMessage: event.data } : {},
    ),
    forwardClose: sendTo('socket', ({ event }) => event),
    rememberClose: assign(({ event }) =>
      event.type === 'CLOSED' ? { closeCode: event.code, closeReason: event.reason, socket: null } : {},
    ),
  },
  guards: {
    neverOpened: ({ event }) => event.type === 'CLOSED' && !event.wasOpen,
  },
}).createMachine({
  id: 'labSocket',
  context: ({ input }) => ({ ...input, path: null, socket: null, received: 0, lastMessage: null, closeCode: null, closeReason: null }),
  initial: 'idle',
  states: {
    idle: { on: { OPEN: { target: 'session', actions: 'rememberPath' } } },
    session: {
      invoke: { id: 'socket', src: 'webSocketActor', input: ({ context }) => ({ path: context.path ?? '/', open: context.open }) },
      initial: 'connecting',
      states: {
        connecting: { on: { OPENED: { target: 'open', actions: 'rememberSocket' } } },
        open: {
          on: {
            MESSAGE: { actions: 'countMessage' },
            CLOSE: { actions: 'forwardClose' },
          },
        },
      },
      on: {
        // Opening again replaces the current socket (the old one is closed as the actor stops).
        OPEN: { target: 'session', reenter: true, actions: 'rememberPath' },
        CLOSED: [
          { guard: 'neverOpened', target: 'refused', actions: 'rememberClose' },
          { target: 'closed', actions: 'rememberClose' },
        ],
      },
    },
    closed: { on: { OPEN: { target: 'session', actions: 'rememberPath' }, RESET: 'idle' } },
    refused: { on: { OPEN: { target: 'session', actions: 'rememberPath' }, RESET: 'idle' } },
  },
});
