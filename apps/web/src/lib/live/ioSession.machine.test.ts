import { describe, expect, it } from 'vitest';
import { createActor, fromCallback } from 'xstate';
import type { Socket } from 'socket.io-client';
import { ioSessionMachine, type IoSessionEvent, type IoSessionInput } from './ioSession.machine.ts';

function driven() {
  const socket = { started: [] as Record<string, unknown>[], stopped: 0, sendBack: (_event: IoSessionEvent) => {} };
  const machine = ioSessionMachine.provide({
    actors: {
      ioSocketActor: fromCallback<IoSessionEvent, { auth: Record<string, unknown>; connect: IoSessionInput['connect'] }>(({ input, sendBack }) => {
        socket.started.push(input.auth);
        socket.sendBack = sendBack;
        return () => {
          socket.stopped += 1;
        };
      }),
    },
  });
  const actor = createActor(machine, { input: { connect: () => ({}) as Socket } }).start();
  return { actor, socket };
}

describe('ioSessionMachine', () => {
  it('connects with the auth payload it was given and opens', () => {
    const { actor, socket } = driven();
    actor.send({ type: 'CONNECT', auth: { token: 't' } });
    expect(socket.started).toEqual([{ token: 't' }]);
    socket.sendBack({ type: 'OPENED', socket: {} as Socket });
    expect(actor.getSnapshot().value).toEqual({ session: 'open' });
  });

  it('ends refused with the server’s code, and a retry starts a fresh socket', () => {
    const { actor, socket } = driven();
    actor.send({ type: 'CONNECT', auth: {} });
    socket.sendBack({ type: 'REFUSED', code: 'token_missing', message: 'No credential was sent.' });
    expect(actor.getSnapshot().value).toBe('refused');
    expect(actor.getSnapshot().context.error).toEqual({ code: 'token_missing', message: 'No credential was sent.' });
    expect(socket.stopped).toBe(1);
    actor.send({ type: 'CONNECT', auth: { token: 'good' } });
    expect(actor.getSnapshot().context.error).toBeNull();
    expect(socket.started).toHaveLength(2);
  });

  it('closes when the server drops it or the learner disconnects', () => {
    const { actor, socket } = driven();
    actor.send({ type: 'CONNECT', auth: {} });
    socket.sendBack({ type: 'OPENED', socket: {} as Socket });
    socket.sendBack({ type: 'DROPPED', reason: 'transport close' });
    expect(actor.getSnapshot()).toMatchObject({ value: 'closed', context: { dropReason: 'transport close' } });
    actor.send({ type: 'CONNECT', auth: {} });
    actor.send({ type: 'DISCONNECT' });
    expect(actor.getSnapshot().value).toBe('closed');
    expect(socket.stopped).toBe(2);
  });
});
