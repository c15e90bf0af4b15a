// The raw WebSocket machine with its socket actor replaced by one the test drives.

import { describe, expect, it } from 'vitest';
import { createActor, fromCallback } from 'xstate';
import { webSocketMachine, webSocketPhaseOf, type WebSocketEvent } from './websocket.machine.ts';

function driven() {
  const socket = { started: 0, stopped: 0, forwarded: [] as WebSocketEvent[], sendBack: (_event: WebSocketEvent) => {} };
  const machine = webSocketMachine.provide({
    actors: {
      webSocket: fromCallback<WebSocketEvent, { path: string; protocols: string[] }>(({ sendBack, receive }) => {
        socket.started += 1;
        socket.sendBack = sendBack;
        receive((event) => socket.forwarded.push(event));
        return () => {
          socket.stopped += 1;
        };
      }),
    },
  });
  const actor = createActor(machine, { input: { path: '/ws' } }).start();
  return { actor, socket, phase: () => webSocketPhaseOf(actor.getSnapshot().value) };
}

describe('webSocketMachine', () => {
  it('opens with the chosen subprotocols, sends, closes with a code, and cleans up', () => {
    const { actor, socket, phase } = driven();
    expect(phase()).toBe('idle');
    actor.send({ type: 'OPEN', protocols: ['superchat', 'chat'] });
    expect(phase()).toBe('connecting');
    expect(actor.getSnapshot().context.protocols).toEqual(['superchat', 'chat']);
    socket.sendBack({ type: 'OPENED', protocol: 'superchat' });
    expect(phase()).toBe('open');
    actor.send({ type: 'SEND', text: 'hi' });
    socket.sendBack({ type: 'RECEIVED', data: 'hi' });
    expect(actor.getSnapshot().context).toMatchObject({ protocol: 'superchat', sent: 1, received: ['hi'] });
    actor.send({ type: 'CLOSE', code: 4000, reason: 'bye' });
    expect(phase()).toBe('closing');
    expect(socket.forwarded.map((event) => event.type)).toEqual(['SEND', 'CLOSE']);
    socket.sendBack({ type: 'CLOSED', code: 4000, reason: 'bye', wasClean: true });
    expect(phase()).toBe('closed');
    expect(actor.getSnapshot().context).toMatchObject({ closeCode: 4000, wasClean: true });
    expect(socket.stopped).toBe(1);
  });

  it('ignores SEND before the handshake is done, and can open again after closing', () => {
    const { actor, socket, phase } = driven();
    actor.send({ type: 'OPEN', protocols: [] });
    actor.send({ type: 'SEND', text: 'too early' });
    expect(socket.forwarded).toEqual([]);
    socket.sendBack({ type: 'CLOSED', code: 1006, reason: '', wasClean: false });
    expect(phase()).toBe('closed');
    actor.send({ type: 'OPEN', protocols: ['chat'] });
    expect(phase()).toBe('connecting');
    expect(socket.started).toBe(2);
    expect(actor.getSnapshot().context.closeCode).toBeNull();
  });
});
