import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { predictMachine } from './predict.machine.ts';

describe('predictMachine', () => {
  it('will not reveal the live result before a prediction is committed', () => {
    const actor = createActor(predictMachine).start();
    actor.send({ type: 'COMMIT' });
    expect(actor.getSnapshot().value).toBe('predicting');
    actor.send({ type: 'CHOOSE', choice: 'same' });
    actor.send({ type: 'COMMIT' });
    expect(actor.getSnapshot().value).toBe('observing');
  });

  it('explains after observing, and a retry starts over with no choice', () => {
    const actor = createActor(predictMachine).start();
    actor.send({ type: 'CHOOSE', choice: 'new' });
    actor.send({ type: 'COMMIT' });
    actor.send({ type: 'EXPLAIN' });
    expect(actor.getSnapshot().value).toBe('explaining');
    expect(actor.getSnapshot().context.choice).toBe('new');
    actor.send({ type: 'RETRY' });
    expect(actor.getSnapshot().value).toBe('predicting');
    expect(actor.getSnapshot().context.choice).toBeNull();
  });
});
