// Every live challenge is solvable: each solution does what a learner would do, against the real
// server, and then the challenge's own check must pass (as Learn Git Branching replays its levels).
// The Record type makes a check without a solution fail to compile.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveCheckId } from '@loopwire/lessons';
import { startLoopwireServer, type LoopwireServer } from '@loopwire/server';
import { liveChecks } from './registry.ts';
import type { CheckContext } from '../lib/live/context.ts';
import { createNodeCheckContext } from './node-context.ts';
import { whoamiOverWebSocket } from '../features/connection/whoami.ts';
import type { WebSocketLike } from '../lib/live/context.ts';
import { capturesOf, pathOf, webSocketKeyOf } from '../features/inspector/checks.ts';
import { runLabBatch, runLabJob, runOrderExperiment } from '../features/loop-lab/api.ts';

/** Opens a WebSocket as the learner (after a first request gave them their sid cookie). */
async function openAsLearner(ctx: CheckContext, path: string): Promise<WebSocketLike> {
  await ctx.fetch('/api/captures?limit=1');
  const socket = ctx.openWebSocket(path);
  await new Promise<void>((resolve, reject) => {
    socket.onopen = () => resolve();
    socket.onerror = () => reject(new Error('could not open'));
  });
  return socket;
}

function closed(socket: WebSocketLike): Promise<void> {
  return new Promise((resolve) => {
    socket.onclose = () => resolve();
  });
}
import { postFeedMessage, readEngineIoOpen, readSseRetry } from '../features/transports/feed-probes.ts';
import { floodCloseCode, reusedTicketStatus } from '../features/security/probes.ts';
import { latestBroadcast } from '../features/fanout/checks.ts';

/** Performs the challenge as a learner would, and returns the answer the learner would type. */
type Solution = (ctx: CheckContext) => Promise<string>;

const solutions: Record<LiveCheckId, Solution> = {
  async 'server-port-of-websocket'(ctx) {
    return String((await whoamiOverWebSocket(ctx)).local.port);
  },
  async 'request-head-size'(ctx) {
    await ctx.fetch('/api/captures?limit=1');
    await ctx.fetch('/api/health?exchange=solution');
    const capture = (await capturesOf(ctx, 'http')).find((candidate) => pathOf(candidate) === '/api/health')!;
    return String(capture.requestHead.length);
  },
  async 'own-websocket-key'(ctx) {
    const socket = await openAsLearner(ctx, '/ws');
    socket.close();
    const [capture] = await capturesOf(ctx, 'websocket');
    return webSocketKeyOf(capture!)!;
  },
  async 'server-answered-426'(ctx) {
    await ctx.fetch('/api/captures?limit=1');
    const response = await ctx.fetch('/ws');
    return `HTTP/1.1 ${response.status} Upgrade Required`;
  },
  async 'bytes-of-hi-frame'(ctx) {
    const socket = await openAsLearner(ctx, '/ws');
    const echoed = new Promise<void>((resolve) => {
      socket.onmessage = () => resolve();
    });
    socket.send('hi');
    await echoed;
    socket.close();
    const [capture] = await capturesOf(ctx, 'websocket');
    const frame = capture!.frames.find((candidate) => candidate.direction === 'client')!;
    return String(frame.headerBytes.length + frame.payloadLength);
  },
  async 'private-close-code'(ctx) {
    const socket = await openAsLearner(ctx, '/ws');
    const done = closed(socket);
    socket.close(4321, 'my own reason');
    await done;
    return '4321';
  },
  async 'last-of-nested-microtasks'(ctx) {
    const { observed } = await runOrderExperiment('nested-microtasks', ctx.fetch);
    return observed[observed.length - 1]!.label;
  },
  async 'lag-over-500'(ctx) {
    return String((await runLabJob('blocking', 600, ctx.fetch)).maxLoopLagMs);
  },
  async 'four-async-jobs-queued'(ctx) {
    const { jobs } = await runLabBatch('async', 200, 8, ctx.fetch);
    return String(jobs.filter((job) => job.runStartedAt === job.startedAt).length);
  },
  async 'worker-keeps-loop-free'(ctx) {
    return String((await runLabJob('worker', 2000, ctx.fetch)).maxLoopLagMs);
  },
  async 'posted-feed-message'(ctx) {
    return String((await postFeedMessage(ctx, 'hello from the challenge')).id);
  },
  async 'sse-retry-delay'(ctx) {
    return String(await readSseRetry(ctx));
  },
  async 'engineio-ping-interval'(ctx) {
    return String((await readEngineIoOpen(ctx)).pingInterval);
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
    tap: 'on',
    labBlockingBudgetMs: 5000,
    labForeignPort: 0,
    messageRateLimit: 50,
    maxConnectionsPerSid: 5,
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
