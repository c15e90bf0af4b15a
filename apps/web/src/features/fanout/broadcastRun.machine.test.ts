import { describe, expect, it } from 'vitest';
import { createActor, waitFor } from 'xstate';
import type { BroadcastResult } from '@loopwire/contract';
import { broadcastRunMachine, liveBroadcastActors } from './broadcastRun.machine.ts';

const result: BroadcastResult = {
  id: 'b1',
  sentAt: 1,
  recipients: 3,
  room: null,
  done: true,
  acked: 3,
  delivery: { p50: 1, p95: 2, p99: 2, max: 2 },
  allAckedMs: 3,
  messagesPerSecond: 1500,
};

describe('broadcastRunMachine', () => {
  it('sends, collects the acks and ends done with the result', async () => {
    const rooms: (string | null)[] = [];
    const machine = broadcastRunMachine.provide({
      actors: liveBroadcastActors({
        send: async (room) => {
          rooms.push(room);
          return { id: 'b1', sentAt: 1, recipients: 3 };
        },
        collect: async (id) => ({ ...result, id }),
      }),
    });
    const actor = createActor(machine).start();
    actor.send({ type: 'SEND', room: 'zone:north' });
    const snapshot = await waitFor(actor, (state) => state.matches('done'));
    expect(rooms).toEqual(['zone:north']);
    expect(snapshot.context.result).toEqual(result);
  });

  it('ends failed with the server’s message, and can send again', async () => {
    const machine = broadcastRunMachine.provide({
      actors: liveBroadcastActors({
        send: () => Promise.reject(new Error('400: room is bad')),
        collect: async () => result,
      }),
    });
    const actor = createActor(machine).start();
    actor.send({ type: 'SEND', room: null });
    const snapshot = await waitFor(actor, (state) => state.matches('failed'));
    expect(snapshot.context.error).toBe('400: room is bad');
    actor.send({ type: 'SEND', room: null });
    expect(actor.getSnapshot().value).toBe('sending');
  });
});
