// The lifecycle of one raw WebSocket opened from the page (HandshakeInspector):
// idle → connecting (the handshake) → open → closing → closed. The socket is an actor that
// closes what it opened when the machine leaves the session.

import { assign, fromCallback, sendTo, setup } from 'xstate';
import { browserCloseProblem } from '@loopwire/protocol';
import { webSocketUrl } from '../../lib/live/context.ts';

export type WebSocketEvent =
  | { type: 'OPEN'; protocols: string[] }
  | { type: 'OPENED'; protocol: string }
  | { type: 'RECEIVED'; data: string }
  | { type: 'SEND'; text: string }
  | { type: 'CLOSE'; code: number; reason: string }
  | { type: 'CLOSED'; code: number; reason: string; wasClean: boolean }
  | { type: 'ERRORED' };

export interface WebSocketContext {
  path: string;
  protocols: string[];
  /** The subprotocol the server picked ('' if none). */
  protocol: string;
  openedAt: number | null;
  sent: number;
  received: string[];
  closeCode: number | null;
  closeReason: string;
  wasClean: boolean | null;
  /** Why the last Close asked of the page could not be sent (a code or reason a browser may not send). */
  closeProblem: string | null;
}

/** Opens the socket while the session runs; forwards SEND/CLOSE to it; closes it on stop. */
export const webSocketActor = fromCallback<WebSocketEvent, { path: string; protocols: string[] }>(({ input, sendBack, receive }) => {
  const socket = new WebSocket(webSocketUrl(input.path), input.protocols);
  socket.onopen = () => sendBack({ type: 'OPENED', protocol: socket.protocol });
  socket.onmessage = (event: MessageEvent) => sendBack({ type: 'RECEIVED', data: typeof event.data === 'string' ? event.data : '(binary)' });
  socket.onclose = (event: CloseEvent) => sendBack({ type: 'CLOSED', code: event.code, reason: event.reason, wasClean: event.wasClean });
  socket.onerror = () => sendBack({ type: 'ERRORED' });
  receive((event) => {
    if (event.type === 'SEND' && socket.readyState === WebSocket.OPEN) socket.send(event.text);
    // The machine only forwards closes a browser may send (browserCloseProblem); anything else
    // would throw here, inside an event handler, and take the page with it.
    if (event.type === 'CLOSE' && socket.readyState === WebSocket.OPEN) socket.close(event.code, event.reason);
  });
  return () => {
    socket.onopen = socket.onmessage = socket.onclose = socket.onerror = null;
    if (socket.readyState === WebSocket.CONNECTING || socket.readyState === WebSocket.OPEN) socket.close(1000, 'widget closed');
  };
});

const keptMessages = 20;

export const webSocketMachine = setup({
  types: {
    context: {} as WebSocketContext,
    events: {} as WebSocketEvent,
    input: {} as { path: string },
  },
  actors: { webSocket: webSocketActor },
  actions: {
    startSession: assign(({ event }) =>
      event.type === 'OPEN'
        ? { protocols: event.protocols, protocol: '', openedAt: null, sent: 0, received: [], closeCode: null, closeReason: '', wasClean: null, closeProblem: null }
        : {},
    ),
    rememberOpen: assign(({ event }) => (event.type === 'OPENED' ? { protocol: event.protocol, openedAt: Date.now() } : {})),
    rememberMessage: assign(({ context, event }) =>
      event.type === 'RECEIVED' ? { received: [...context.received, event.data].slice(-keptMessages) } : {},
    ),
    countSent: assign(({ context }) => ({ sent: context.sent + 1 })),
    rememberClose: assign(({ event }) =>
      event.type === 'CLOSED' ? { closeCode: event.code, closeReason: event.reason, wasClean: event.wasClean } : {},
    ),
    forwardToSocket: sendTo('socket', ({ event }) => event),
    rememberCloseProblem: assign(({ event }) => (event.type === 'CLOSE' ? { closeProblem: browserCloseProblem(event.code, event.reason) } : {})),
  },
  guards: {
    closeIsSendable: ({ event }) => event.type === 'CLOSE' && browserCloseProblem(event.code, event.reason) === null,
  },
}).createMachine({
  id: 'websocket',
  context: ({ input }) => ({
    path: input.path,
    protocols: [],
    protocol: '',
    openedAt: null,
    sent: 0,
    received: [],
    closeCode: null,
    closeReason: '',
    wasClean: null,
    closeProblem: null,
  }),
  initial: 'idle',
  states: {
    idle: { on: { OPEN: { target: 'session', actions: 'startSession' } } },
    session: {
      invoke: { id: 'socket', src: 'webSocket', input: ({ context }) => ({ path: context.path, protocols: context.protocols }) },
      initial: 'connecting',
      states: {
        connecting: { on: { OPENED: { target: 'open', actions: 'rememberOpen' } } },
        open: {
          on: {
            SEND: { actions: ['forwardToSocket', 'countSent'] },
            RECEIVED: { actions: 'rememberMessage' },
            CLOSE: [
              { guard: 'closeIsSendable', target: 'closing', actions: 'forwardToSocket' },
              { actions: 'rememberCloseProblem' },
            ],
          },
        },
        closing: { on: { RECEIVED: { actions: 'rememberMessage' } } },
      },
      on: { CLOSED: { target: 'closed', actions: 'rememberClose' } },
    },
    closed: { on: { OPEN: { target: 'session', actions: 'startSession' } } },
  },
});

export type WebSocketPhase = 'idle' | 'connecting' | 'open' | 'closing' | 'closed';
export const webSocketPhases: WebSocketPhase[] = ['idle', 'connecting', 'open', 'closing', 'closed'];

export function webSocketPhaseOf(value: unknown): WebSocketPhase {
  if (typeof value === 'string') return value as WebSocketPhase;
  return (value as { session: WebSocketPhase }).session;
}
