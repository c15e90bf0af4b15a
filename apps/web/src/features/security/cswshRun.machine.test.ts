import { describe, expect, it } from 'vitest';
import { createActor, fromCallback } from 'xstate';
import { cswshRunMachine, type CswshEvent, type ListenInput, type TargetResult } from './cswshRun.machine.ts';

function driven() {
  const listener = { started: 0, stopped: 0, sendBack: (_event: CswshEvent) => {} };
  const machine = cswshRunMachine.provide({
    actors: {
      foreignReports: fromCallback<CswshEvent, ListenInput>(({ sendBack }) => {
        listener.started += 1;
        listener.sendBack = sendBack;
        return () => {
          listener.stopped += 1;
        };
      }),
    },
  });
  const actor = createActor(machine, { input: { foreignOrigin: 'http://127.0.0.1:3001', expectedTargets: 2 } }).start();
  return { actor, listener };
}

const result = (id: string, opened: boolean, status: number | null): TargetResult => ({
  id,
  path: `/${id}`,
  attempt: `a-${id}`,
  opened,
  firstMessage: opened ? '{"cookieSeen":true}' : null,
  status,
  reason: null,
});

describe('cswshRunMachine', () => {
  it('runs until every target has answered, then stops listening', () => {
    const { actor, listener } = driven();
    expect(actor.getSnapshot().value).toBe('idle');
    actor.send({ type: 'RUN', runId: 'r1' });
    expect(actor.getSnapshot().value).toBe('running');
    listener.sendBack({ type: 'RESULT', result: result('ws', false, 403) });
    expect(actor.getSnapshot().value).toBe('running');
    listener.sendBack({ type: 'RESULT', result: result('demo', true, null) });
    expect(actor.getSnapshot().value).toBe('done');
    expect(actor.getSnapshot().context.results.map((r) => [r.id, r.status])).toEqual([
      ['ws', 403],
      ['demo', null],
    ]);
    expect(listener.stopped).toBe(1);
  });

  it('finishes on the deadline with what it has, and a new run starts clean', () => {
    const { actor, listener } = driven();
    actor.send({ type: 'RUN', runId: 'r1' });
    listener.sendBack({ type: 'RESULT', result: result('ws', false, 403) });
    listener.sendBack({ type: 'TIMEOUT' });
    expect(actor.getSnapshot().value).toBe('done');
    actor.send({ type: 'RUN', runId: 'r2' });
    expect(actor.getSnapshot().context).toMatchObject({ runId: 'r2', results: [] });
    expect(listener.started).toBe(2);
  });
});
