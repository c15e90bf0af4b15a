// The connection machine without a browser or a network: the socket actor is replaced by one
// the test drives, so every transition is checked on its own.

import { describe, expect, it } from 'vitest';
import { createActor, fromCallback, type AnyActorRef } from 'xstate';
import type { Socket } from 'socket.io-client';
import { connectionMachine, phaseOf, type ConnectionEvent } from './connection.machine.ts';

function drivenConnection(autoConnect = true) {
  const lifecycle = { started: 0, stopped: 0, sendBack: (_event: ConnectionEvent) => {} };
  const machine = connectionMachine.provide({
    actors: {
      socketLifecycle: fromCallback<ConnectionEvent, { socket: Socket }>(({ sendBack }) => {
        lifecycle.started += 1;
        lifecycle.sendBack = sendBack;
        return () => {
          lifecycle.stopped += 1;
        };
      }),
    },
  });
  const actor = createActor(machine, { input: { socket: {} as Socket, autoConnect } }).start();
  const phase = () => phaseOf(actor.getSnapshot().value);
  return { actor, lifecycle, phase };
}

describe('connectionMachine', () => {
  it('waits in idle until CONNECT when autoConnect is off', () => {
    const { actor, lifecycle, phase } = drivenConnection(false);
    expect(phase()).toBe('idle');
    expect(lifecycle.started).toBe(0);
    actor.send({ type: 'CONNECT' });
    expect(phase()).toBe('connecting');
    expect(lifecycle.started).toBe(1);
  });

  it('opens, remembers the session and follows the transport upgrade', () => {
    const { actor, lifecycle, phase } = drivenConnection();
    expect(phase()).toBe('connecting');
    lifecycle.sendBack({ type: 'OPENED', sid: 'abc', transport: 'polling' });
    expect(phase()).toBe('open');
    lifecycle.sendBack({ type: 'UPGRADED', transport: 'websocket' });
    expect(actor.getSnapshot().context).toMatchObject({ sid: 'abc', transport: 'websocket' });
  });

  it('goes to reconnecting when the connection drops, counts attempts, and reopens', () => {
    const { actor, lifecycle, phase } = drivenConnection();
    lifecycle.sendBack({ type: 'OPENED', sid: 'one', transport: 'websocket' });
    lifecycle.sendBack({ type: 'DROPPED', reason: 'transport close' });
    expect(phase()).toBe('reconnecting');
    lifecycle.sendBack({ type: 'RETRYING', attempt: 2 });
    expect(actor.getSnapshot().context).toMatchObject({ attempt: 2, lastError: 'transport close' });
    lifecycle.sendBack({ type: 'OPENED', sid: 'two', transport: 'polling' });
    expect(phase()).toBe('open');
    expect(actor.getSnapshot().context).toMatchObject({ sid: 'two', attempt: 0, lastError: null });
  });

  it('closes on DISCONNECT and stops the socket actor, then can connect again', () => {
    const { actor, lifecycle, phase } = drivenConnection();
    lifecycle.sendBack({ type: 'OPENED', sid: 'abc', transport: 'websocket' });
    actor.send({ type: 'DISCONNECT' });
    expect(phase()).toBe('closed');
    expect(lifecycle.stopped).toBe(1);
    actor.send({ type: 'CONNECT' });
    expect(phase()).toBe('connecting');
    expect(lifecycle.started).toBe(2);
  });

  it('closes with the reason when the server refuses the connection', () => {
    const { actor, lifecycle, phase } = drivenConnection();
    lifecycle.sendBack({ type: 'FAILED', message: 'Origin not allowed' });
    expect(phase()).toBe('closed');
    expect(actor.getSnapshot().context.lastError).toBe('Origin not allowed');
  });

  it('stops the socket actor when the machine itself stops', () => {
    const { actor, lifecycle } = drivenConnection();
    (actor as AnyActorRef).stop();
    expect(lifecycle.stopped).toBe(1);
  });
});
