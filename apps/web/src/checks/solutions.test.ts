// Every live challenge is solvable: each solution does what a learner would do, against the real
// server, and then the challenge's own check must pass (as Learn Git Branching replays its levels).
// The Record type makes a check without a solution fail to compile.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveCheckId } from '@loopwire/lessons';
import { startLoopwireServer, type LoopwireServer } from '@loopwire/server';
import { liveChecks } from './index.ts';
import type { CheckContext } from './context.ts';
import { createNodeCheckContext } from './node-context.ts';
import { whoamiOverWebSocket } from '../lib/whoami.ts';
import { floodCloseCode, latestBroadcast, reusedTicketStatus } from '../lib/securityProbes.ts';

/** Performs the challenge as a learner would, and returns the answer the learner would type. */
type Solution = (ctx: CheckContext) => Promise<string>;

const solutions: Record<LiveCheckId, Solution> = {
  async 'server-port-of-websocket'(ctx) {
    return String((await whoamiOverWebSocket(ctx)).local.port);
  },
  async 'reused-ticket-status'(ctx) {
    return String(await reusedTicketStatus(ctx));
  },
  async 'rate-limit-close-code'(ctx) {
    return String(await floodCloseCode(ctx));
  },
  async 'broadcast-ack-count'(ctx) {
    // As in the lab: start a small fleet, wait for it to register, broadcast, wait for the acks.
    const post = (path: string, body: unknown) =>
      ctx.fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    await post('/api/devices/simulator', { count: 5 });
    for (let tries = 0; (await (await ctx.fetch('/api/devices')).json()).count < 5; tries += 1) {
      if (tries > 100) throw new Error('the fleet did not register');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await post('/api/devices/broadcast', { payload: 'report' });
    for (let tries = 0; !(await latestBroadcast(ctx))?.done; tries += 1) {
      if (tries > 100) throw new Error('the broadcast did not finish');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return String((await latestBroadcast(ctx))!.acked);
  },
};

let server: LoopwireServer;
beforeAll(async () => {
  server = await startLoopwireServer({
    port: 0,
    host: '127.0.0.1',
    allowedOrigins: null,
    dev: false,
    labForeignPort: 0,
    messageRateLimit: 50,
    maxConnectionsPerSid: 5,
    tap: 'on',
  });
});
afterAll(() => server.close());

describe.each(Object.entries(solutions) as [LiveCheckId, Solution][])('challenge check %s', (id, solve) => {
  it('passes when the learner does it, and fails on a wrong answer', async () => {
    const ctx = createNodeCheckContext(server.url);
    const answer = await solve(ctx);
    expect(await liveChecks[id](answer, ctx)).toMatchObject({ pass: true });
    expect(await liveChecks[id](`${answer}-wrong`, createNodeCheckContext(server.url))).toMatchObject({ pass: false });
  });
});
