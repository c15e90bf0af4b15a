import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { predictMachine, type PredictInput } from './predict.machine.ts';

function start(restored: PredictInput['restored'] = null) {
  const log: string[] = [];
  const machine = predictMachine.provide({
    actions: {
      recordPrediction: (_, params) => log.push(`predicted ${params.choice} ${params.correct ? 'right' : 'wrong'}`),
      recordDone: () => log.push('done'),
      forgetProgress: () => log.push('forgot'),
    },
  });
  const actor = createActor(machine, { input: { answer: 'same', restored } }).start();
  return { actor, log, state: () => actor.getSnapshot().value };
}

describe('predictMachine', () => {
  it('starts reading, and will not reveal the live result before a prediction is committed', () => {
    const { actor, state, log } = start();
    expect(state()).toBe('reading');
    actor.send({ type: 'COMMIT' });
    expect(state()).toBe('reading');
    actor.send({ type: 'CHOOSE', choice: 'new' });
    expect(state()).toBe('predicting');
    actor.send({ type: 'EXPLAIN' });
    expect(state()).toBe('predicting');
    expect(log).toEqual([]);
  });

  it('records the committed prediction, right or wrong, then explains and finishes', () => {
    const { actor, state, log } = start();
    actor.send({ type: 'CHOOSE', choice: 'new' });
    actor.send({ type: 'CHOOSE', choice: 'same' });
    actor.send({ type: 'COMMIT' });
    expect(state()).toBe('observing');
    actor.send({ type: 'CHOOSE', choice: 'new' });
    expect(actor.getSnapshot().context.choice).toBe('same');
    actor.send({ type: 'EXPLAIN' });
    expect(state(), 'locked until the widget ran').toBe('observing');
    actor.send({ type: 'OBSERVED' });
    actor.send({ type: 'EXPLAIN' });
    expect(state()).toBe('explaining');
    actor.send({ type: 'FINISH' });
    expect(state()).toBe('done');
    expect(log).toEqual(['predicted same right', 'done']);
  });

  it('records a wrong prediction as wrong', () => {
    const { actor, log } = start();
    actor.send({ type: 'CHOOSE', choice: 'eighty' });
    actor.send({ type: 'COMMIT' });
    expect(log).toEqual(['predicted eighty wrong']);
  });

  it('predicting again starts over: no choice, and the saved step is forgotten', () => {
    const { actor, state, log } = start();
    actor.send({ type: 'CHOOSE', choice: 'new' });
    actor.send({ type: 'COMMIT' });
    actor.send({ type: 'OBSERVED' });
    actor.send({ type: 'EXPLAIN' });
    actor.send({ type: 'FINISH' });
    actor.send({ type: 'RETRY' });
    expect(state()).toBe('reading');
    expect(actor.getSnapshot().context.choice).toBeNull();
    expect(log).toEqual(['predicted new wrong', 'done', 'forgot']);
  });

  it('resumes where saved progress left off', () => {
    const finished = start({ choice: 'same', done: true });
    expect(finished.state()).toBe('done');
    expect(finished.actor.getSnapshot().context.choice).toBe('same');
    const committed = start({ choice: 'new', done: false });
    expect(committed.state()).toBe('observing');
    committed.actor.send({ type: 'EXPLAIN' });
    expect(committed.state(), 'a new visit runs the widget again before the explanation').toBe('observing');
    committed.actor.send({ type: 'OBSERVED' });
    committed.actor.send({ type: 'EXPLAIN' });
    expect(committed.state()).toBe('explaining');
    expect(committed.log).toEqual([]);
  });
});
