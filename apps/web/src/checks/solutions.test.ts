// Every live challenge checks the learner's own action: each solution does what a learner would do
// in the widgets, against the real server, and then the challenge's check must pass for that
// learner, and fail for a fresh learner who did nothing but types the very same answer (the port in
// the URL bar, the 2000 or 25000 or 1008 printed in the lesson). The Record type makes a check
// without a solution fail to compile.

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { LiveCheckId } from '@loopwire/lessons';
import { startLoopwireServer, type LoopwireServer } from '@loopwire/server';
import { liveChecks } from './registry.ts';
import type { CheckContext } from '../lib/live/context.ts';
import { createNodeCheckContext } from './node-context.ts';
import { whoamiOverWebSocket } from '../features/connection/whoami.ts';
import type { WebSocketLike } from '../lib/live/context.ts';
import { capturesOf, webSocketKeyOf } from '../lib/live/captures.ts';
import { runLabBatch, runLabJob, runOrderExperiment } from '../features/loop-lab/api.ts';
import { io as ioClient, type Socket } from 'socket.io-client';
import type { ScaleCapturesResponse, ScaleClientToServerEvents, ScaleHello, ScaleServerToClientEvents, ScaleState } from '@loopwire/contract';

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
import { floodCloseCode, postFeedMessage, readEngineIoOpen, readSseRetry, reusedTicketStatus } from './learner.ts';
import { latestBroadcast } from '../features/fanout/checks.ts';
import { latestBroadcastReceivers } from '../features/scale/checks.ts';

/** Performs the challenge as a learner would, and returns the answer the learner would type. */
type Solution = (ctx: ReturnType<typeof createNodeCheckContext>) => Promise<string>;

type LabSocket = Socket<ScaleServerToClientEvents, ScaleClientToServerEvents>;
const labSockets: LabSocket[] = [];

/** Starts the lab cluster as the learner, and opens one client to it as the lab's page would. */
async function startLabCluster(ctx: ReturnType<typeof createNodeCheckContext>, balancing: 'sticky' | 'round-robin'): Promise<number> {
  const response = await ctx.fetch('/api/scale', {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ workers: 2, balancing, adapter: 'memory' }),
  });
  return ((await response.json()) as ScaleState).port!;
}

function openLabClient(ctx: ReturnType<typeof createNodeCheckContext>, port: number, transports: ('polling' | 'websocket')[]): LabSocket {
  const cookie = [...ctx.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  const socket: LabSocket = ioClient(`http://127.0.0.1:${port}`, { transports, forceNew: true, reconnection: false, extraHeaders: { cookie, origin: server.url } });
  labSockets.push(socket);
  return socket;
}

const helloOf = (socket: LabSocket) => new Promise<ScaleHello>((resolve) => socket.once('scale:hello', resolve));

/** The cluster's workers relay their captures as they change: waits until the evidence a check reads has arrived. */
async function untilLabCaptures(ctx: ReturnType<typeof createNodeCheckContext>, arrived: (captures: ScaleCapturesResponse['captures']) => boolean): Promise<void> {
  const captures = async () => ((await (await ctx.fetch('/api/scale/captures')).json()) as ScaleCapturesResponse).captures;
  await waitUntil(async () => arrived(await captures()), 'the cluster captures arriving', { tries: 200 });
}

const solutions: Record<LiveCheckId, Solution> = {
  async 'server-port-of-websocket'(ctx) {
    await ctx.fetch('/api/captures?limit=1');
    return String((await whoamiOverWebSocket(ctx)).local.port);
  },
  async 'request-head-size'(ctx) {
    await ctx.fetch('/api/captures?limit=1');
    await ctx.fetch('/api/health?exchange=solution');
    const capture = (await capturesOf(ctx, 'http')).find((candidate) => candidate.url === '/api/health?exchange=solution')!;
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
  async 'fragmented-message-frames'(ctx) {
    const socket = await openAsLearner(ctx, '/ws');
    const received = new Promise<void>((resolve) => {
      socket.onmessage = () => resolve();
    });
    const [capture] = await capturesOf(ctx, 'websocket');
    const asked = await ctx.fetch('/api/ws/fragment', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ captureId: capture!.id }),
    });
    expect(asked.status).toBe(200);
    await received;
    socket.close();
    const [after] = await capturesOf(ctx, 'websocket');
    return String(after!.frames.filter((frame) => frame.direction === 'server' && (frame.opcode === 0x0 || !frame.fin)).length);
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
    // As in the demo: a long poll waits, then a message is posted (here without the learner's
    // cookie, as curl would) and answers it.
    const { messages } = (await (await ctx.fetch('/api/poll/short?after=0')).json()) as { messages: { id: number }[] };
    const after = messages.at(-1)?.id ?? 0;
    const waiting = ctx.fetch(`/api/poll/long?after=${after}`);
    await waitUntil(async () =>
      (await capturesOf(ctx, 'long-polling')).some((capture) => capture.url === `/api/poll/long?after=${after}` && capture.status === null),
    );
    const posted = await postFeedMessage(createNodeCheckContext(server.url), 'hello from the challenge');
    expect((await waiting).status).toBe(200);
    return String(posted.id);
  },
  async 'sse-retry-delay'(ctx) {
    return String(await readSseRetry(ctx));
  },
  async 'engineio-ping-interval'(ctx) {
    await ctx.fetch('/api/captures?limit=1');
    return String((await readEngineIoOpen(ctx)).pingInterval);
  },
  async 'reused-ticket-status'(ctx) {
    return String(await reusedTicketStatus(ctx));
  },
  async 'rate-limit-close-code'(ctx) {
    await ctx.fetch('/api/captures?limit=1');
    return String(await floodCloseCode(ctx));
  },
  async 'broadcast-ack-count'(ctx) {
    // As in the lab: start a small fleet, wait for it to register, broadcast, wait for the acks.
    const post = (path: string, body: unknown) =>
      ctx.fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    await post('/api/devices/simulator', { count: 5 });
    await waitUntil(async () => (await (await ctx.fetch('/api/devices')).json()).count >= 5, 'the fleet registering', { everyMs: 100 });
    await post('/api/devices/broadcast', { payload: 'report' });
    await waitUntil(async () => Boolean((await latestBroadcast(ctx))?.done), 'the broadcast finishing', { everyMs: 100 });
    return String((await latestBroadcast(ctx))!.acked);
  },
  async 'scale-worker-pid'(ctx) {
    await ctx.fetch('/api/captures?limit=1');
    const port = await startLabCluster(ctx, 'sticky');
    const { pid } = await helloOf(openLabClient(ctx, port, ['polling', 'websocket']));
    await untilLabCaptures(ctx, (captures) => captures.some((capture) => capture.workerPid === pid));
    return String(pid);
  },
  async 'scale-session-unknown-status'(ctx) {
    await ctx.fetch('/api/captures?limit=1');
    const port = await startLabCluster(ctx, 'round-robin');
    const socket = openLabClient(ctx, port, ['polling']);
    await new Promise((resolve) => socket.once('connect_error', resolve));
    await untilLabCaptures(ctx, (captures) => captures.some((capture) => capture.status === 400 && capture.done));
    return '400';
  },
  async 'scale-broadcast-receivers'(ctx) {
    await ctx.fetch('/api/captures?limit=1');
    const port = await startLabCluster(ctx, 'sticky');
    const clients = [openLabClient(ctx, port, ['websocket']), openLabClient(ctx, port, ['websocket'])];
    const hellos = await Promise.all(clients.map(helloOf));
    expect(hellos[0]!.pid).not.toBe(hellos[1]!.pid);
    // With the in-memory adapter only the sender's own worker delivers: the sender hears itself.
    const heard = new Promise((resolve) => clients[0]!.once('scale:message', resolve));
    const id = `b-${Date.now()}-solution`;
    await clients[0]!.emitWithAck('scale:broadcast', { id, sentAt: Date.now() });
    await heard;
    await untilLabCaptures(ctx, (captures) => latestBroadcastReceivers(captures)?.id === id && latestBroadcastReceivers(captures)!.receivers > 0);
    return '1';
  },
  async 'scale-noisy-neighbour-stalled'(ctx) {
    await ctx.fetch('/api/captures?limit=1');
    const port = await startLabCluster(ctx, 'sticky');
    const clients = [openLabClient(ctx, port, ['websocket']), openLabClient(ctx, port, ['websocket']), openLabClient(ctx, port, ['websocket'])];
    const hellos = await Promise.all(clients.map(helloOf));
    const blocked = hellos[0]!.pid;
    await ctx.fetch(`/api/scale/workers/${blocked}/block`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ durationMs: 50 }) });
    return String(hellos.filter((hello) => hello.pid === blocked).length);
  },
};

let server: LoopwireServer;
beforeAll(async () => {
  server = await startLoopwireServer({
    port: 0,
    host: '127.0.0.1',
    allowedOrigins: null,
    allowedHosts: [],
    sessionSecret: 'a session secret for this test run only, 32+ characters',
    dev: false,
    tap: 'on',
    labBlockingBudgetMs: 5000,
    labForeignPort: 0,
    messageRateLimit: 50,
    maxConnectionsPerSid: 5,
    labClusterPort: 0,
    redisUrl: null,
    workers: 1,
    workerSlot: null,
  });
});
afterAll(async () => {
  for (const socket of labSockets) socket.close();
  await server.close();
});

describe.each(Object.entries(solutions) as [LiveCheckId, Solution][])('challenge check %s', (id, solve) => {
  it('passes for the learner who did it, fails for a fresh learner typing the same answer, and for a wrong one', async () => {
    const doer = createNodeCheckContext(server.url);
    const answer = await solve(doer);
    expect(await liveChecks[id](answer, doer)).toMatchObject({ pass: true });
    expect(await liveChecks[id](wrongAnswer(id, answer), doer)).toMatchObject({ pass: false });
    const idle = createNodeCheckContext(server.url);
    await idle.fetch('/api/health');
    expect(await liveChecks[id](answer, idle)).toMatchObject({ pass: false });
  });
});

describe('a fresh learner who did nothing', () => {
  // The answers anyone can know without doing anything: printed in the lesson, or in the URL bar.
  const known: Record<LiveCheckId, () => string> = {
    'server-port-of-websocket': () => new URL(server.url).port,
    'scale-worker-pid': () => '1',
    'scale-session-unknown-status': () => '400',
    'scale-broadcast-receivers': () => '3',
    'scale-noisy-neighbour-stalled': () => '3',
    'request-head-size': () => '512',
    'own-websocket-key': () => 'dGhlIHNhbXBsZSBub25jZQ==',
    'server-answered-426': () => 'HTTP/1.1 426 Upgrade Required',
    'bytes-of-hi-frame': () => '8',
    'private-close-code': () => '4000',
    'fragmented-message-frames': () => '3',
    'last-of-nested-microtasks': () => 'promise inside promise 1',
    'lag-over-500': () => '600',
    'four-async-jobs-queued': () => '4',
    'worker-keeps-loop-free': () => '2',
    'posted-feed-message': () => '1',
    'sse-retry-delay': () => '2000',
    'engineio-ping-interval': () => '25000',
    'reused-ticket-status': () => '401',
    'rate-limit-close-code': () => '1008',
    'broadcast-ack-count': () => '5',
  };

  it.each(Object.keys(known) as LiveCheckId[])('fails %s, even after other learners did every experiment', async (id) => {
    const idle = createNodeCheckContext(server.url);
    await idle.fetch('/');
    expect(await liveChecks[id](known[id](), idle)).toMatchObject({ pass: false });
  });
});

/** An answer the learner who did it could type by mistake: another number, another status. */
function wrongAnswer(id: LiveCheckId, answer: string): string {
  if (id === 'lag-over-500' || id === 'worker-keeps-loop-free') return String(Number(answer) * 2 + 50);
  if (id === 'server-answered-426') return 'HTTP/1.1 400 Bad Request';
  return `${answer}9`;
}

/** Polls a condition every `everyMs`, at most `tries` times (Vitest's own poller): the server's record arrives asynchronously. */
async function waitUntil(condition: () => Promise<boolean>, what = 'the condition', { tries = 100, everyMs = 50 } = {}): Promise<void> {
  await vi.waitFor(
    async () => {
      if (!(await condition())) throw new Error(`${what} never held`);
    },
    { timeout: tries * everyMs, interval: everyMs },
  );
}
