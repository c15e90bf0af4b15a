import { describe, expect, it } from 'vitest';
import { createActor, fromPromise, waitFor } from 'xstate';
import type { JobMode, LabJobResult } from '@loopwire/contract';
import { labRunMachine } from './labRun.machine.ts';

function resultFor(mode: JobMode, durationMs: number): LabJobResult {
  return {
    id: 1,
    mode,
    durationMs,
    startedAt: 0,
    runStartedAt: 0,
    finishedAt: durationMs,
    elapsedMs: durationMs,
    maxLoopLagMs: mode === 'blocking' ? durationMs : 2,
    lane: { kind: 'main', index: 0 },
    hashes: mode === 'async' ? null : durationMs * 50,
    pbkdf2: mode === 'async' ? { rounds: durationMs, iterationsPerRound: 1000, calibratedRoundMs: 1 } : null,
  };
}

/** A runJob whose completion the test controls, recording what it was asked to run. */
function controlledRunJob() {
  const calls: { mode: JobMode; durationMs: number }[] = [];
  let settle: { resolve(result: LabJobResult): void; reject(error: Error): void } | null = null;
  const actor = fromPromise<LabJobResult, { mode: JobMode; durationMs: number }>(({ input }) => {
    calls.push(input);
    return new Promise((resolve, reject) => (settle = { resolve, reject }));
  });
  return { actor, calls, finish: (result: LabJobResult) => settle!.resolve(result), fail: (error: Error) => settle!.reject(error) };
}

describe('labRunMachine', () => {
  it('idle → running → showingResult, running the chosen mode and duration', async () => {
    const job = controlledRunJob();
    const run = createActor(labRunMachine.provide({ actors: { runJob: job.actor } })).start();
    run.send({ type: 'SET_MODE', mode: 'worker' });
    run.send({ type: 'SET_DURATION', durationMs: 300 });
    expect(run.getSnapshot().value).toBe('idle');
    run.send({ type: 'RUN' });
    expect(run.getSnapshot().value).toBe('running');
    expect(job.calls).toEqual([{ mode: 'worker', durationMs: 300 }]);
    job.finish(resultFor('worker', 300));
    await waitFor(run, (snapshot) => snapshot.matches('showingResult'));
    expect(run.getSnapshot().context.result).toMatchObject({ mode: 'worker', maxLoopLagMs: 2 });
  });

  it('ignores a second RUN while a job is running, and refuses durations outside 1..5000 ms', () => {
    const job = controlledRunJob();
    const run = createActor(labRunMachine.provide({ actors: { runJob: job.actor } })).start();
    run.send({ type: 'SET_DURATION', durationMs: 9000 });
    run.send({ type: 'SET_DURATION', durationMs: 0 });
    expect(run.getSnapshot().context.durationMs).toBe(1000);
    run.send({ type: 'RUN' });
    run.send({ type: 'RUN' });
    expect(job.calls).toHaveLength(1);
  });

  it('shows the server’s refusal (e.g. the blocking budget) and can run again', async () => {
    const job = controlledRunJob();
    const run = createActor(labRunMachine.provide({ actors: { runJob: job.actor } })).start();
    run.send({ type: 'RUN' });
    job.fail(new Error('Blocking jobs may hold the event loop for at most 5000 ms per 10 s'));
    await waitFor(run, (snapshot) => snapshot.matches('failed'));
    expect(run.getSnapshot().context.error).toMatch(/at most 5000 ms/);
    run.send({ type: 'RUN' });
    expect(run.getSnapshot().value).toBe('running');
    expect(run.getSnapshot().context.error).toBeNull();
    job.finish(resultFor('blocking', 1000));
    await waitFor(run, (snapshot) => snapshot.matches('showingResult'));
    run.send({ type: 'DISMISS' });
    expect(run.getSnapshot()).toMatchObject({ value: 'idle', context: { result: null } });
  });
});
