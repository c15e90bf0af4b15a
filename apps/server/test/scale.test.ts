// The scale lab against real processes: a cluster of Node workers on a second port, Socket.IO
// clients on real sockets, a real redis-server. Sticky or not, in-memory / cluster / Redis adapter,
// a killed worker, Redis going away, and nothing left running after the server stops.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as ioClient, type Socket } from 'socket.io-client';
import type { Capture, CaptureList, ScaleBlockResult, ScaleCapturesResponse, ScaleLatestBlock, ScaleClientToServerEvents, ScaleHello, ScaleMessage, ScaleServerToClientEvents, ScaleState } from '@loopwire/contract';
import type { LoopwireServer } from '../src/server.js';
import { startTestServer, waitFor } from './helpers.js';
import { openSse } from './sse-reader.js';

type LabSocket = Socket<ScaleServerToClientEvents, ScaleClientToServerEvents>;

let server: LoopwireServer;
let cookie: string;
const opened: LabSocket[] = [];

beforeAll(async () => {
  server = await startTestServer();
  const response = await fetch(`${server.url}/api/health`);
  cookie = response.headers.get('set-cookie')!.split(';')[0]!;
});

afterAll(async () => {
  for (const socket of opened) socket.close();
  await server?.close();
});

async function api<T>(method: string, path: string, body?: unknown, base = server.url): Promise<{ status: number; body: T }> {
  const response = await fetch(`${base}/api${path}`, {
    method,
    headers: { 'content-type': 'application/json', cookie },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as T };
}

async function startCluster(options: { workers: number; balancing: string; adapter: string }): Promise<ScaleState> {
  const { status, body } = await api<ScaleState>('PUT', '/scale', options);
  expect(status, JSON.stringify(body)).toBe(200);
  return body;
}

/** Polls a condition (the lab reports worker changes asynchronously). */
async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string, timeoutMs = 60_000): Promise<T> {
  return waitFor(read, done, { timeoutMs, everyMs: 50 }).catch((error: Error) => {
    throw new Error(`${what}: ${error.message}`);
  });
}

const scaleState = () => api<ScaleState>('GET', '/scale').then((response) => response.body);
const labCaptures = () => api<ScaleCapturesResponse>('GET', '/scale/captures').then((response) => response.body.captures);

interface LabClient {
  socket: LabSocket;
  hello: ScaleHello;
  received: ScaleMessage[];
}

function openClient(port: number, transports: ('polling' | 'websocket')[], asCookie = cookie): LabSocket {
  const socket: LabSocket = ioClient(`http://127.0.0.1:${port}`, {
    transports,
    forceNew: true,
    reconnectionDelay: 50,
    reconnectionDelayMax: 200,
    // Node's client sends cookies only as extra headers; Origin as a page on Loopwire would.
    extraHeaders: { cookie: asCookie, origin: server.url },
  });
  opened.push(socket);
  return socket;
}

async function connectClient(port: number, transports: ('polling' | 'websocket')[] = ['websocket'], asCookie = cookie): Promise<LabClient> {
  const socket = openClient(port, transports, asCookie);
  const received: ScaleMessage[] = [];
  socket.on('scale:message', (message) => received.push(message));
  const hello = await new Promise<ScaleHello>((resolve, reject) => {
    socket.once('scale:hello', resolve);
    socket.once('connect_error', reject);
  });
  return { socket, hello, received };
}

function broadcast(client: LabClient, id: string): Promise<{ pid: number }> {
  return client.socket.timeout(5000).emitWithAck('scale:broadcast', { id, sentAt: Date.now() });
}

function receives(client: LabClient, id: string): Promise<void> {
  if (client.received.some((message) => message.id === id)) return Promise.resolve();
  return new Promise((resolve) => {
    const listener = (message: ScaleMessage) => {
      if (message.id !== id) return;
      client.socket.off('scale:message', listener);
      resolve();
    };
    client.socket.on('scale:message', listener);
  });
}

function closeAll(clients: LabClient[]): void {
  for (const client of clients) client.socket.close();
}

/** Four clients over two workers (round-robin hands them out in turn). */
async function fourClients(port: number): Promise<LabClient[]> {
  const clients: LabClient[] = [];
  for (let i = 0; i < 4; i++) clients.push(await connectClient(port));
  expect(new Set(clients.map((client) => client.hello.pid)).size).toBe(2);
  return clients;
}

/**
 * Who got `id` broadcast by `sender`: a client on the other worker counts as missed once a broadcast
 * made on its own worker afterwards has reached it (nothing from the sender can still be on the way
 * through a process that never received it).
 */
async function reach(clients: LabClient[], sender: LabClient, id: string): Promise<number> {
  await broadcast(sender, id);
  const sameWorker = clients.filter((client) => client.hello.pid === sender.hello.pid);
  await Promise.all(sameWorker.map((client) => receives(client, id)));
  const other = clients.filter((client) => client.hello.pid !== sender.hello.pid);
  const barrier = `${id}-barrier`;
  await broadcast(other[0]!, barrier);
  await Promise.all(other.map((client) => receives(client, barrier)));
  return clients.filter((client) => client.received.some((message) => message.id === id)).length;
}

// Each test starts real processes: on a loaded machine that takes seconds, not milliseconds.
const processes = { timeout: 90_000 };

describe('the scale lab cluster', processes, () => {
  it('keeps a polling session on one worker over 20 requests when sticky', async () => {
    const { port, workers } = await startCluster({ workers: 2, balancing: 'sticky', adapter: 'memory' });
    expect(workers).toHaveLength(2);
    const client = await connectClient(port!, ['polling']);
    const engineSid = (client.socket.io.engine as unknown as { id: string }).id;
    for (let i = 0; i < 10; i++) expect((await broadcast(client, `poll-${i}`)).pid).toBe(client.hello.pid);
    // The workers relay their captures as they change: wait for all 20 to arrive.
    const ofSession = await until(
      async () => (await labCaptures()).filter((capture) => capture.url.includes(`sid=${engineSid}`)),
      (captures) => captures.length >= 20,
      "the session's 20 captures",
    );
    expect(new Set(ofSession.map((capture) => capture.workerPid))).toEqual(new Set([client.hello.pid]));
    // Every answered request was a 200 (the newest long poll is still held: no status yet).
    expect(ofSession.filter((capture) => capture.status !== null && capture.status !== 200)).toEqual([]);
    closeAll([client]);
  });

  it('without stickiness answers a polling request on the wrong worker 400 Session ID unknown, captured byte for byte', async () => {
    const { port } = await startCluster({ workers: 2, balancing: 'round-robin', adapter: 'memory' });
    const socket = openClient(port!, ['polling']);
    const error = await new Promise<Error>((resolve) => socket.once('connect_error', resolve));
    expect(error.message).toMatch(/xhr (post|poll) error/);
    socket.close();
    const captures = await until(labCaptures, (found) => found.some((capture) => capture.status === 400 && capture.done), 'a captured 400');
    const refused = captures.find((capture) => capture.status === 400)!;
    expect(refused.responseHead).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(refused.responseBody?.preview).toBe('{"code":1,"message":"Session ID unknown"}');
    const workersSeen = new Set(captures.filter((capture) => capture.url.startsWith('/socket.io/')).map((capture) => capture.workerPid));
    expect(workersSeen.size).toBe(2);
  });

  it("files the cluster's captures in each learner's own inspector (list, stream, one capture, HAR), never in another's", async () => {
    const { port } = await startCluster({ workers: 2, balancing: 'round-robin', adapter: 'memory' });
    // Two learners new to this server: each cookie is a fresh sid.
    const newLearner = async () => (await fetch(`${server.url}/api/health`)).headers.get('set-cookie')!.split(';')[0]!;
    const [learnerA, learnerB] = [await newLearner(), await newLearner()];
    const inspector = async (asCookie: string) => {
      const response = await fetch(`${server.url}/api/captures?limit=200`, { headers: { cookie: asCookie } });
      return ((await response.json()) as CaptureList).captures.filter((capture) => capture.local.port === port);
    };
    const streamOfA = await openSse(`${server.url}/api/captures/stream`, { cookie: learnerA });
    const streamOfB = await openSse(`${server.url}/api/captures/stream`, { cookie: learnerB });
    try {
      // Learner A polls without stickiness (refused); learner B opens a WebSocket-only client.
      const refusedClient = openClient(port!, ['polling'], learnerA);
      await new Promise((resolve) => refusedClient.once('connect_error', resolve));
      refusedClient.close();
      const clientOfB = await connectClient(port!, ['websocket'], learnerB);

      const ofA = await until(() => inspector(learnerA), (found) => found.some((capture) => capture.status === 400 && capture.done), "A's refused request in A's inspector");
      const ofB = await until(() => inspector(learnerB), (found) => found.some((capture) => capture.status === 101), "B's upgrade in B's inspector");
      const refused = ofA.find((capture) => capture.status === 400)!;
      expect(refused.responseBody?.preview).toBe('{"code":1,"message":"Session ID unknown"}');
      expect(refused.notes).toContainEqual(expect.stringMatching(/^Recorded by worker pid \d+ of the scale lab's cluster/));
      expect(refused.connectionId).toMatch(/^lab-\d+-conn-\d+$/);
      // Each list holds only its own learner's exchanges: A never upgraded, B was never refused.
      expect(ofA.some((capture) => capture.status === 101)).toBe(false);
      expect(ofB.some((capture) => capture.status === 400)).toBe(false);
      expect(ofB.map((capture) => capture.id).filter((id) => ofA.some((capture) => capture.id === id))).toEqual([]);

      // The live stream tells A about A's refusal and B about nothing of A's.
      await streamOfA.until((lines) => lines.some((line) => line.startsWith('data:') && line.includes(`"id":"${refused.id}"`)));
      await streamOfB.until((lines) => lines.some((line) => line.startsWith('data:') && line.includes(`"id":"${ofB[0]!.id}"`)));
      expect(streamOfB.lines.some((line) => line.includes(`"id":"${refused.id}"`))).toBe(false);

      // One capture and its HAR: A's own, masked like every capture; for B it does not exist.
      const own = await fetch(`${server.url}/api/captures/${refused.id}`, { headers: { cookie: learnerA } });
      expect(own.status).toBe(200);
      const detail = (await own.json()) as Capture;
      expect(detail.requestHead).toMatch(/\r\nCookie: \*+\r\n/i);
      expect(detail.requestHead).not.toContain(learnerA.split('=')[1]!);
      expect((await fetch(`${server.url}/api/captures/${refused.id}/har`, { headers: { cookie: learnerA } })).status).toBe(200);
      const stranger = await fetch(`${server.url}/api/captures/${refused.id}`, { headers: { cookie: learnerB } });
      expect(stranger.status).toBe(404);
      expect(((await stranger.json()) as { error: { code: string } }).error.code).toBe('capture_not_found');
      closeAll([clientOfB]);
    } finally {
      streamOfA.close();
      streamOfB.close();
    }
  });

  it('without stickiness still connects WebSocket-only clients', async () => {
    const state = await scaleState();
    expect(state.options).toMatchObject({ balancing: 'round-robin' });
    const clients = [await connectClient(state.port!), await connectClient(state.port!)];
    expect(new Set(clients.map((client) => client.hello.pid)).size).toBe(2);
    closeAll(clients);
  });

  it('with the in-memory adapter, a broadcast misses the clients on the other worker', async () => {
    const { port } = await startCluster({ workers: 2, balancing: 'sticky', adapter: 'memory' });
    const clients = await fourClients(port!);
    expect(await reach(clients, clients[0]!, 'memory-1')).toBe(2);
    closeAll(clients);
  });

  it('with the cluster adapter, a broadcast reaches every client on every worker', async () => {
    const { port } = await startCluster({ workers: 2, balancing: 'sticky', adapter: 'cluster' });
    const clients = await fourClients(port!);
    await broadcast(clients[0]!, 'cluster-1');
    await Promise.all(clients.map((client) => receives(client, 'cluster-1')));
    closeAll(clients);
  });

  it('replaces a killed worker; its clients see transport close, reconnect and land on a live worker', async () => {
    const { port, workers } = await startCluster({ workers: 2, balancing: 'sticky', adapter: 'cluster' });
    const clients = await fourClients(port!);
    const victim = workers[0]!.pid;
    const onVictim = clients.filter((client) => client.hello.pid === victim);
    const others = clients.filter((client) => client.hello.pid !== victim);
    const dropped = onVictim.map(
      (client) =>
        new Promise<{ reason: string; pid: number }>((resolve) => {
          client.socket.once('disconnect', (reason) => client.socket.once('scale:hello', (hello) => resolve({ reason, pid: hello.pid })));
        }),
    );
    let othersDropped = 0;
    for (const client of others) client.socket.on('disconnect', () => othersDropped++);

    expect((await api<{ killed: number }>("POST", `/scale/workers/${victim}/kill`)).status).toBe(202);
    for (const { reason, pid } of await Promise.all(dropped)) {
      expect(reason).toBe('transport close');
      expect(pid).not.toBe(victim);
    }
    const replaced = await until(scaleState, (state) => state.workers.length === 2 && !state.workers.some((w) => w.pid === victim), 'a replacement worker');
    expect(replaced.events.some((event) => event.kind === 'worker-exit' && event.message.includes(`pid ${victim}`) && event.message.includes('replacement'))).toBe(true);
    expect(othersDropped).toBe(0);
    closeAll(clients);
  });

  it('blocks one worker’s loop: only its clients wait (the noisy neighbour); it counts the caller’s clients there', async () => {
    const { port } = await startCluster({ workers: 2, balancing: 'sticky', adapter: 'memory' });
    const clients = await fourClients(port!);
    const otherLearner = (await fetch(`${server.url}/api/health`)).headers.get('set-cookie')!.split(';')[0]!;
    const stranger = await connectClient(port!, ['websocket'], otherLearner);
    const victim = stranger.hello.pid;
    const onVictim = clients.filter((client) => client.hello.pid === victim);
    const elsewhere = clients.filter((client) => client.hello.pid !== victim);
    expect(onVictim.length).toBeGreaterThan(0);
    expect(elsewhere.length).toBeGreaterThan(0);

    // Every client pings back to back until the block is over: the longest round trip is its stall.
    let over = false;
    const longestWait = async (client: LabClient) => {
      let longest = 0;
      while (!over) {
        const sent = performance.now();
        await client.socket.timeout(30_000).emitWithAck('scale:ping');
        longest = Math.max(longest, performance.now() - sent);
      }
      return longest;
    };
    const waits = Promise.all(clients.map(longestWait));
    const durationMs = 800;
    const block = await api<ScaleBlockResult>('POST', `/scale/workers/${victim}/block`, { durationMs });
    over = true;
    const longest = await waits;
    expect(block.status).toBe(200);
    expect(block.body).toMatchObject({ pid: victim, durationMs, yourClients: onVictim.length, allClients: onVictim.length + 1 });
    expect(block.body.finishedAt - block.body.startedAt).toBeGreaterThanOrEqual(durationMs);

    const stalled = clients.map((client, index) => ({ pid: client.hello.pid, waited: longest[index]! }));
    const victims = stalled.filter((client) => client.pid === victim).map((client) => client.waited);
    const neighbours = stalled.filter((client) => client.pid !== victim).map((client) => client.waited);
    expect(Math.min(...victims), JSON.stringify(stalled)).toBeGreaterThanOrEqual(durationMs / 2);
    expect(Math.max(...neighbours), JSON.stringify(stalled)).toBeLessThan(Math.min(...victims) / 2);

    // Lesson 13's check reads the caller's own latest block, never another learner's.
    expect((await api<ScaleLatestBlock>('GET', '/scale/blocks/latest')).body.latest).toMatchObject({ pid: victim, yourClients: onVictim.length });
    const theirs = await fetch(`${server.url}/api/scale/blocks/latest`, { headers: { cookie: otherLearner } });
    expect(((await theirs.json()) as ScaleLatestBlock).latest).toBeNull();
    const state = await scaleState();
    expect(state.events.some((event) => event.kind === 'worker-blocked' && event.message.includes(`pid ${victim}`))).toBe(true);
    closeAll([...clients, stranger]);
  });

  it('refuses workers outside 1–4, unknown options and block durations outside 1–5000 ms with 400, an unknown worker with 404, a block without a cluster with 409', async () => {
    for (const workers of [0, 5, 2.5, '2']) {
      const { status, body } = await api<{ error: { code: string; message: string } }>('PUT', '/scale', { workers, balancing: 'sticky', adapter: 'memory' });
      expect(status).toBe(400);
      expect(body.error).toEqual({ code: 'bad_workers', message: 'workers must be a whole number from 1 to 4.' });
    }
    const badAdapter = await api<{ error: { code: string } }>('PUT', '/scale', { workers: 2, balancing: 'sticky', adapter: 'kafka' });
    expect(badAdapter).toMatchObject({ status: 400, body: { error: { code: 'bad_adapter' } } });
    const badBalancing = await api<{ error: { code: string } }>('PUT', '/scale', { workers: 2, balancing: 'ip-hash', adapter: 'memory' });
    expect(badBalancing).toMatchObject({ status: 400, body: { error: { code: 'bad_balancing' } } });
    const noWorker = await api<{ error: { code: string } }>('POST', '/scale/workers/1/kill');
    expect(noWorker).toMatchObject({ status: 404, body: { error: { code: 'no_such_worker' } } });

    for (const durationMs of [0, 5001, 2.5, '100', undefined]) {
      const { status, body } = await api<{ error: { code: string; message: string } }>('POST', '/scale/workers/1/block', { durationMs });
      expect(status).toBe(400);
      expect(body.error).toEqual({ code: 'bad_duration_ms', message: 'durationMs must be a whole number of milliseconds from 1 to 5000.' });
    }
    expect(await api('POST', '/scale/workers/1/block', { durationMs: 10 })).toMatchObject({ status: 404, body: { error: { code: 'no_such_worker' } } });
    await api('DELETE', '/scale');
    expect(await api('POST', '/scale/workers/1/block', { durationMs: 10 })).toMatchObject({ status: 409, body: { error: { code: 'cluster_not_running' } } });
  });
});

describe('the Redis adapter with a real redis-server', processes, () => {
  it('reaches every client across workers, counts PUBLISHes, loses cross-worker broadcasts while Redis is down, and recovers', async () => {
    const { port, redis } = await startCluster({ workers: 2, balancing: 'sticky', adapter: 'redis' });
    expect(redis).toMatchObject({ available: true, source: 'child', controllable: true });
    const clients = await fourClients(port!);
    await until(scaleState, (state) => state.redis.connected, 'the server to reach Redis');
    const before = (await scaleState()).redis.publishes!;
    await broadcast(clients[0]!, 'redis-1');
    await Promise.all(clients.map((client) => receives(client, 'redis-1')));
    expect((await scaleState()).redis.publishes!).toBeGreaterThan(before);

    const down = await api<ScaleState>('PUT', '/scale/redis', { running: false });
    expect(down.status).toBe(200);
    await until(scaleState, (state) => !state.redis.connected && state.events.some((event) => event.kind === 'redis-down'), 'Redis reported down');
    expect(await reach(clients, clients[0]!, 'redis-outage')).toBe(2);

    expect((await api<ScaleState>('PUT', '/scale/redis', { running: true })).status).toBe(200);
    await until(scaleState, (state) => state.redis.connected, 'Redis reported up again');
    const sender = clients[0]!;
    const far = clients.find((client) => client.hello.pid !== sender.hello.pid)!;
    // The workers resubscribe on their own schedule: broadcast until one crosses again.
    let attempt = 0;
    await until(
      async () => {
        const id = `redis-back-${++attempt}`;
        await broadcast(sender, id);
        return far.received.length;
      },
      () => far.received.some((message) => message.id.startsWith('redis-back-')),
      'a broadcast crossing workers after Redis came back',
    );
    closeAll(clients);
  });
});

describe('stopping', processes, () => {
  it('leaves no process behind: primary, workers and redis-server', async () => {
    const own = await startTestServer();
    const response = await fetch(`${own.url}/api/health`);
    cookie = response.headers.get('set-cookie')!.split(';')[0]!;
    let pids: number[];
    try {
      const { status, body } = await api<ScaleState>('PUT', '/scale', { workers: 3, balancing: 'sticky', adapter: 'redis' }, own.url);
      expect(status, JSON.stringify(body)).toBe(200);
      pids = [body.primaryPid!, ...body.workers.map((worker) => worker.pid), body.redis.pid!];
      expect(pids.every((pid) => Number.isInteger(pid) && isAlive(pid))).toBe(true);
    } finally {
      await own.close();
    }
    expect(pids.filter(isAlive)).toEqual([]);
  });

  it('without Redis refuses the Redis adapter with 409 and the sentence that enables it', async () => {
    const own = await startTestServer({ redisUrl: null, redisServerCommand: null });
    try {
      const { status, body } = await api<{ error: { code: string; message: string } }>(
        'PUT',
        '/scale',
        { workers: 2, balancing: 'sticky', adapter: 'redis' },
        own.url,
      );
      expect(status).toBe(409);
      expect(body.error.code).toBe('redis_unavailable');
      expect(body.error.message).toContain('apt-get install redis-server');
      expect(body.error.message).toContain('REDIS_URL');
      const state = await api<ScaleState>('GET', '/scale', undefined, own.url);
      expect(state.body.redis).toMatchObject({ available: false, enable: body.error.message });
    } finally {
      await own.close();
    }
  });
});

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
