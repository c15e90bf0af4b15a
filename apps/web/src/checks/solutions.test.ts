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

/** Performs the challenge as a learner would, and returns the answer the learner would type. */
type Solution = (ctx: CheckContext) => Promise<string>;

const solutions: Record<LiveCheckId, Solution> = {
  async 'server-port-of-websocket'(ctx) {
    return String((await whoamiOverWebSocket(ctx)).local.port);
  },
};

let server: LoopwireServer;
beforeAll(async () => {
  server = await startLoopwireServer({ port: 0, host: '127.0.0.1', allowedOrigins: null, dev: false, tap: 'on' });
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
