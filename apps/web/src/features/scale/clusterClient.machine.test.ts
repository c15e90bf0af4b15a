import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { clusterClientMachine, type ClusterClientEvent } from './clusterClient.machine.ts';

function start() {
  let report: (event: ClusterClientEvent) => void = () => undefined;
  let closed = 0;
  const actor = createActor(clusterClientMachine, {
    input: {
      open: (sendBack) => {
        report = sendBack;
        return () => closed++;
      },
    },
  }).start();
  return { actor, report: (event: ClusterClientEvent) => report(event), closed: () => closed };
}

const hello = (pid: number) => ({ type: 'HELLO' as const, hello: { pid, workerId: 1, adapter: 'memory' as const }, transport: 'polling' });

describe('clusterClientMachine', () => {
  it('lands on a worker, upgrades, drops, reconnects on another and remembers both', () => {
    const { actor, report } = start();
    expect(actor.getSnapshot().value).toEqual({ running: 'connecting' });
    report(hello(101));
    report({ type: 'UPGRADED', transport: 'websocket' });
    expect(actor.getSnapshot().context).toMatchObject({ pid: 101, transport: 'websocket' });
    report({ type: 'DROPPED', reason: 'transport close' });
    expect(actor.getSnapshot().value).toEqual({ running: 'reconnecting' });
    expect(actor.getSnapshot().context).toMatchObject({ pid: null, failures: 1, lastProblem: 'transport close' });
    report(hello(202));
    expect(actor.getSnapshot().value).toEqual({ running: 'open' });
    expect(actor.getSnapshot().context.pids).toEqual([101, 202]);
  });

  it('counts every failed attempt of the reconnect loop (no stickiness, polling)', () => {
    const { actor, report } = start();
    for (let i = 0; i < 3; i++) report({ type: 'FAILED', message: 'xhr post error' });
    expect(actor.getSnapshot().value).toEqual({ running: 'reconnecting' });
    expect(actor.getSnapshot().context).toMatchObject({ failures: 3, lastProblem: 'xhr post error' });
  });

  it('closes the socket when stopped', () => {
    const { actor, closed } = start();
    actor.send({ type: 'STOP' });
    expect(actor.getSnapshot().status).toBe('done');
    expect(closed()).toBe(1);
  });
});
