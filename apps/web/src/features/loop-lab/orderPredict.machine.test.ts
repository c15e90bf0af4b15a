import { describe, expect, it } from 'vitest';
import { createActor, fromPromise, waitFor } from 'xstate';
import type { ObservedCallback } from '@loopwire/contract';
import { moveItem, orderPredictMachine } from './orderPredict.machine.ts';

const observed: ObservedCallback[] = [
  { label: 'sync', kind: 'sync', phase: 'poll' },
  { label: 'nextTick', kind: 'nextTick', phase: 'microtasks' },
  { label: 'promise', kind: 'promise', phase: 'microtasks' },
];

describe('orderPredictMachine', () => {
  it('starts from the written order, lets the learner reorder, then runs the chosen experiment', async () => {
    const asked: string[] = [];
    const actor = createActor(
      orderPredictMachine.provide({
        actors: {
          runExperiment: fromPromise(async ({ input }: { input: { experimentId: string } }) => {
            asked.push(input.experimentId);
            return observed;
          }),
        },
      }),
    ).start();
    expect(actor.getSnapshot().context.prediction).toEqual(['promise', 'nextTick', 'sync']);
    actor.send({ type: 'MOVE', from: 2, to: 0 });
    actor.send({ type: 'MOVE', from: 2, to: 1 });
    expect(actor.getSnapshot().context.prediction).toEqual(['sync', 'nextTick', 'promise']);
    actor.send({ type: 'RUN' });
    await waitFor(actor, (snapshot) => snapshot.matches('compared'));
    expect(asked).toEqual(['nexttick-vs-promise']);
    expect(actor.getSnapshot().context.observed).toEqual(observed);
  });

  it('choosing another experiment starts over; an unknown one is ignored', () => {
    const actor = createActor(orderPredictMachine).start();
    actor.send({ type: 'CHOOSE_EXPERIMENT', experimentId: 'timeout-vs-immediate-in-io' });
    expect(actor.getSnapshot().context.prediction).toEqual(['timeout', 'immediate', 'readFile callback']);
    actor.send({ type: 'CHOOSE_EXPERIMENT', experimentId: 'rm -rf' });
    expect(actor.getSnapshot().context.experimentId).toBe('timeout-vs-immediate-in-io');
  });

  it('moveItem ignores moves off either end', () => {
    expect(moveItem(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
    expect(moveItem(['a', 'b'], 1, 0)).toEqual(['b', 'a']);
  });
});
