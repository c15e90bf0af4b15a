import { describe, expect, it } from 'vitest';
import { createActor, fromPromise, waitFor } from 'xstate';
import { raceMachine, type RaceSettings, type SentMessages } from './race.machine.ts';
import type { RaceBytes } from './measure.ts';

const measured: RaceBytes = { ok: false, reason: 'the wire tap is not running' };

describe('race machine', () => {
  it('runs connect → send → deliver → measure and keeps the send times and bytes', async () => {
    const steps: string[] = [];
    const race = createActor(
      raceMachine.provide({
        actors: {
          openClients: fromPromise<void, { raceId: string }>(async ({ input }) => {
            steps.push(`open ${input.raceId}`);
          }),
          sendMessages: fromPromise<SentMessages, { raceId: string; settings: RaceSettings }>(async ({ input }) => {
            steps.push(`send ${input.settings.messages}`);
            return { sentAt: [10, 20, 30], postMs: [4, 5, 6] };
          }),
          awaitDelivery: fromPromise<void, { raceId: string; settings: RaceSettings }>(async () => {
            steps.push('deliver');
          }),
          closeAndMeasure: fromPromise<RaceBytes, { raceId: string }>(async () => {
            steps.push('measure');
            return measured;
          }),
        },
      }),
    ).start();
    race.send({ type: 'START', raceId: 'r7', settings: { messages: 3, intervalMs: 0 } });
    const done = await waitFor(race, (snapshot) => snapshot.matches('done'));
    expect(steps).toEqual(['open r7', 'send 3', 'deliver', 'measure']);
    expect(done.context.sentAt).toEqual([10, 20, 30]);
    expect(done.context.postMs).toEqual([4, 5, 6]);
    expect(done.context.bytes).toEqual(measured);
    race.stop();
  });

  it('fails with the reason when the clients cannot open, stops them, and can run again', async () => {
    let stopped = 0;
    const race = createActor(
      raceMachine.provide({
        actions: { stopClients: () => void stopped++ },
        actors: {
          openClients: fromPromise<void, { raceId: string }>(async () => {
            throw new Error('WebSocket did not open within 10 s');
          }),
        },
      }),
    ).start();
    race.send({ type: 'START', raceId: 'r8', settings: { messages: 1, intervalMs: 0 } });
    const failed = await waitFor(race, (snapshot) => snapshot.matches('failed'));
    expect(failed.context.error).toBe('WebSocket did not open within 10 s');
    expect(stopped).toBe(1);
    race.send({ type: 'RESET' });
    expect(race.getSnapshot().value).toBe('idle');
    race.stop();
  });

  it('still measures when some transport missed the delivery deadline, and says so', async () => {
    const race = createActor(
      raceMachine.provide({
        actors: {
          awaitDelivery: fromPromise<void, { raceId: string; settings: RaceSettings }>(async () => {
            throw new Error('Long polling delivered 19 of 20');
          }),
        },
      }),
    ).start();
    race.send({ type: 'START', raceId: 'r9', settings: { messages: 20, intervalMs: 0 } });
    const done = await waitFor(race, (snapshot) => snapshot.matches('done'));
    expect(done.context.error).toBe('Long polling delivered 19 of 20');
    race.stop();
  });
});
