import { describe, expect, it } from 'vitest';
import { createActor, fromCallback } from 'xstate';
import type { WebSocketLike } from '../../lib/live/context.ts';
import { labSocketMachine, type LabSocketEvent } from './labSocket.machine.ts';

function driven() {
  const socket = { started: 0, stopped: 0, received: [] as LabSocketEvent[], sendBack: (_event: LabSocketEvent) => {} };
  const machine = labSocketMachine.provide({
    actors: {
      webSocketActor: fromCallback<LabSocketEvent, { path: string; open: (path: string) => WebSocketLike }>(({ sendBack, receive }) => {
        socket.started += 1;
        socket.sendBack = sendBack;
        receive((event) => socket.received.push(event));
        return () => {
          socket.stopped += 1;
        };
      }),
    },
  });
  const actor = createActor(machine, { input: { open: () => ({}) as WebSocketLike } }).start();
  return { actor, socket };
}

describe('labSocketMachine', () => {
  it('opens, counts messages, and ends closed with the server’s close code', () => {
    const { actor, socket } = driven();
    actor.send({ type: 'OPEN', path: '/ws/limited' });
    expect(actor.getSnapshot().value).toEqual({ session: 'connecting' });
    socket.sendBack({ type: 'OPENED', socket: {} as WebSocketLike });
    socket.sendBack({ type: 'MESSAGE', data: 'a' });
    socket.sendBack({ type: 'MESSAGE', data: 'b' });
    expect(actor.getSnapshot().context).toMatchObject({ received: 2, lastMessage: 'b' });
    socket.sendBack({ type: 'CLOSED', code: 1008, reason: 'rate limit', wasOpen: true });
    expect(actor.getSnapshot().value).toBe('closed');
    expect(actor.getSnapshot().context).toMatchObject({ closeCode: 1008, closeReason: 'rate limit' });
    expect(socket.stopped).toBe(1);
  });

  it('calls a handshake that never opened refused', () => {
    const { actor, socket } = driven();
    actor.send({ type: 'OPEN', path: '/ws/private' });
    socket.sendBack({ type: 'CLOSED', code: 1006, reason: '', wasOpen: false });
    expect(actor.getSnapshot().value).toBe('refused');
  });

  it('forwards CLOSE to the socket while open, and a new OPEN starts a fresh socket', () => {
    const { actor, socket } = driven();
    actor.send({ type: 'OPEN', path: '/ws/limited' });
    socket.sendBack({ type: 'OPENED', socket: {} as WebSocketLike });
    actor.send({ type: 'CLOSE' });
    expect(socket.received).toEqual([{ type: 'CLOSE' }]);
    socket.sendBack({ type: 'CLOSED', code: 1000, reason: '', wasOpen: true });
    actor.send({ type: 'OPEN', path: '/ws/limited' });
    expect(actor.getSnapshot().context).toMatchObject({ received: 0, closeCode: null });
    expect(socket.started).toBe(2);
  });

  it('replaces an open socket when asked to open again', () => {
    const { actor, socket } = driven();
    actor.send({ type: 'OPEN', path: '/ws/private?ticket=a' });
    socket.sendBack({ type: 'OPENED', socket: {} as WebSocketLike });
    actor.send({ type: 'OPEN', path: '/ws/private?ticket=a' });
    expect(actor.getSnapshot().value).toEqual({ session: 'connecting' });
    expect(socket).toMatchObject({ started: 2, stopped: 1 });
  });
});
