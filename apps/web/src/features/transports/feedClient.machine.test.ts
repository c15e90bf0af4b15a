import { describe, expect, it } from 'vitest';
import { createActor, fromCallback } from 'xstate';
import { drawnState, feedClientMachine } from './feedClient.machine.ts';
import type { FeedClientEvent, FeedClientOptions } from './feed-clients.ts';

/** A stand-in transport the test drives by hand; records whether it was cleaned up. */
function scriptedConnection() {
  const handle: { send?: (event: FeedClientEvent) => void; stopped: boolean; options?: FeedClientOptions } = { stopped: false };
  const actor = fromCallback<FeedClientEvent, FeedClientOptions>(({ sendBack, input }) => {
    handle.send = sendBack;
    handle.options = input;
    return () => {
      handle.stopped = true;
    };
  });
  return { handle, actor };
}

describe('feed client machine', () => {
  it('goes connecting → open ⇄ waiting, counting requests and keeping messages', () => {
    const { handle, actor } = scriptedConnection();
    const client = createActor(feedClientMachine.provide({ actors: { connection: actor } })).start();
    client.send({ type: 'START', options: { after: 5, tag: 'r1' } });
    expect(handle.options).toEqual({ after: 5, tag: 'r1' });
    expect(drawnState(client.getSnapshot().value)).toBe('connecting');
    handle.send!({ type: 'REQUEST' });
    handle.send!({ type: 'OPENED' });
    handle.send!({ type: 'REQUEST' });
    handle.send!({ type: 'WAITING' });
    expect(drawnState(client.getSnapshot().value)).toBe('waiting');
    handle.send!({ type: 'MESSAGES', messages: [{ id: 6, text: 'a', at: 1 }], receivedAt: 42 });
    handle.send!({ type: 'TICK', update: { symbol: 'LWR', price: 101.5, at: 7 } });
    const snapshot = client.getSnapshot();
    expect(drawnState(snapshot.value)).toBe('open');
    expect(snapshot.context.requests).toBe(2);
    expect(snapshot.context.received).toEqual([{ id: 6, text: 'a', receivedAt: 42 }]);
    expect(snapshot.context.lastTick).toEqual({ symbol: 'LWR', price: 101.5, at: 7 });
    client.stop();
  });

  it('shows a reconnecting client coming back, and a closed one staying closed with its code', () => {
    const { handle, actor } = scriptedConnection();
    const client = createActor(feedClientMachine.provide({ actors: { connection: actor } })).start();
    client.send({ type: 'START', options: { after: 0 } });
    handle.send!({ type: 'OPENED', id: 'abc' });
    handle.send!({ type: 'RECONNECTING', reason: 'transport close' });
    expect(drawnState(client.getSnapshot().value)).toBe('reconnecting');
    handle.send!({ type: 'OPENED', id: 'def' });
    expect(client.getSnapshot().context.connectionId).toBe('def');
    handle.send!({ type: 'CLOSED', code: 4000, reason: 'closed by the server on request' });
    expect(client.getSnapshot().value).toBe('closed');
    expect(client.getSnapshot().context.lastClose).toEqual({ code: 4000, reason: 'closed by the server on request' });
    expect(handle.stopped).toBe(true);
    client.stop();
  });

  it('closes the transport when the page stops it', () => {
    const { handle, actor } = scriptedConnection();
    const client = createActor(feedClientMachine.provide({ actors: { connection: actor } })).start();
    client.send({ type: 'START', options: { after: 0 } });
    client.send({ type: 'STOP' });
    expect(client.getSnapshot().value).toBe('stopped');
    expect(handle.stopped).toBe(true);
    client.stop();
  });
});
