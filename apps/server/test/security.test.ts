// The security lab against the real server: CSWSH from a foreign origin, token and ticket auth,
// message size, rate and connection limits, and what the server knows about each connection.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { io as ioClient, type Socket } from 'socket.io-client';
import type {
  HandshakeOutcome,
  IssuedTicket,
  IssuedToken,
  KnownConnectionsResponse,
  PrivateFeed,
  SecurityInfo,
} from '@loopwire/contract';
import type { LoopwireServer } from '../src/server.js';
import { startTestServer, waitFor } from './helpers.js';

let server: LoopwireServer;
let base: string;
let wsBase: string;
let info: SecurityInfo;
let foreignOrigin: string;
let sidCookie: string;
const opened: { close(): void }[] = [];
/** Added to the clock the server issues and checks tokens by: a test moves time instead of waiting. */
let tokenClockAheadMs = 0;

beforeAll(async () => {
  server = await startTestServer({ messageRateLimit: 50, maxConnectionsPerSid: 3, tokenClock: () => Date.now() + tokenClockAheadMs });
  base = server.url;
  wsBase = base.replace('http', 'ws');
  const response = await fetch(`${base}/api/security/info`);
  info = (await response.json()) as SecurityInfo;
  sidCookie = response.headers.getSetCookie()[0]!.split(';')[0]!;
  foreignOrigin = `http://127.0.0.1:${info.foreignPort}`;
});

afterAll(async () => {
  for (const client of opened) client.close();
  await server.close();
});

type Outcome = { opened: true; socket: WebSocket; firstMessage: Promise<string> } | { opened: false; status: number };

/** Opens a WebSocket like a browser page would (Origin, cookie); resolves with what happened. */
function attempt(path: string, headers: Record<string, string> = {}, origin = base): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${wsBase}${path}`, { origin, headers: { cookie: sidCookie, ...headers } });
    opened.push(socket);
    // Listen before 'open': the server's first message can arrive in the same TCP read as its 101.
    const firstMessage = new Promise<string>((resolveMessage) => socket.once('message', (data) => resolveMessage(String(data))));
    socket.once('open', () => resolve({ opened: true, socket, firstMessage }));
    socket.once('unexpected-response', (_req, res) => {
      resolve({ opened: false, status: res.statusCode ?? 0 });
      res.resume();
      socket.terminate();
    });
    socket.once('error', reject);
  });
}

function closed(socket: WebSocket): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) => socket.once('close', (code, reason) => resolve({ code, reason: String(reason) })));
}

async function json<T>(path: string, init: RequestInit = {}): Promise<{ status: number; body: T }> {
  const response = await fetch(`${base}${path}`, {
    ...init,
    headers: { 'content-type': 'application/json', cookie: sidCookie, ...(init.headers as Record<string, string>) },
  });
  return { status: response.status, body: (await response.json()) as T };
}

describe('Cross-Site WebSocket Hijacking', () => {
  it('serves the foreign page on LAB_FOREIGN_PORT, aimed at the main origin', async () => {
    expect(info.foreignPort).toBeGreaterThan(0);
    expect(info.foreignPort).not.toBe(server.port);
    const page = await (await fetch(`${foreignOrigin}/`)).text();
    expect(page).toContain(`const mainPort = ${server.port};`);
    expect(page).toContain('/ws/cswsh-demo');
  });

  it('answers 403 to a foreign Origin on /ws and on Socket.IO, and the lab can look the status up', async () => {
    expect(await attempt('/ws?attempt=t1-ws', {}, foreignOrigin)).toEqual({ opened: false, status: 403 });
    expect(await attempt('/socket.io/?EIO=4&transport=websocket&attempt=t1-io', {}, foreignOrigin)).toEqual({
      opened: false,
      status: 403,
    });
    const outcome = await json<HandshakeOutcome>('/api/security/attempts/t1-io');
    expect(outcome.body).toMatchObject({ status: 403, origin: foreignOrigin, path: '/socket.io/' });
    expect(outcome.body.reason).toMatch(/may not open WebSockets/);
  });

  it('refuses Socket.IO polling from a foreign Origin too (allowRequest), not only the upgrade', async () => {
    const response = await fetch(`${base}/socket.io/?EIO=4&transport=polling`, { headers: { origin: foreignOrigin } });
    expect(response.status).toBe(403);
  });

  it('lets the foreign page read the demo endpoint’s feed with the learner’s cookie', async () => {
    const outcome = await attempt('/ws/cswsh-demo', {}, foreignOrigin);
    if (!outcome.opened) throw new Error(`expected the demo endpoint to open, got ${outcome.status}`);
    const feed = JSON.parse(await outcome.firstMessage) as PrivateFeed;
    expect(feed).toMatchObject({ endpoint: '/ws/cswsh-demo', cookieSeen: true, origin: foreignOrigin });
    expect(feed.messages.every((message) => message.includes('sample data'))).toBe(true);
  });

  it('keeps serving when LAB_FOREIGN_PORT is taken, and says the foreign page is unavailable', async () => {
    const second = await startTestServer({ labForeignPort: info.foreignPort! });
    try {
      const body = (await (await fetch(`${second.url}/api/security/info`)).json()) as SecurityInfo;
      expect(body.foreignPort).toBeNull();
      expect((await fetch(`${second.url}/api/health`)).status).toBe(200);
    } finally {
      await second.close();
    }
  });

  it('has no demo endpoint when HOST is not loopback', async () => {
    const exposed = await startTestServer({ host: '0.0.0.0' });
    try {
      const body = (await (await fetch(`http://127.0.0.1:${exposed.port}/api/security/info`)).json()) as SecurityInfo;
      expect(body.cswshDemo).toBe(false);
      const socket = new WebSocket(`ws://127.0.0.1:${exposed.port}/ws/cswsh-demo`, { origin: foreignOrigin });
      const status = await new Promise<number>((resolve) => {
        socket.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
        socket.once('error', () => resolve(-1));
      });
      socket.terminate();
      expect(status).toBe(404);
    } finally {
      await exposed.close();
    }
  });
});

describe('tokens', () => {
  function connectSecure(auth: Record<string, unknown>): Promise<{ socket: Socket; error: (Error & { data?: { code: string } }) | null }> {
    const socket = ioClient(`${base}/secure`, { auth, transports: ['websocket'], reconnection: false, forceNew: true });
    opened.push(socket);
    return new Promise((resolve) => {
      socket.once('connect', () => resolve({ socket, error: null }));
      socket.once('connect_error', (error) => resolve({ socket, error }));
    });
  }

  it('refuses a Socket.IO connection without a token, with a forged one, or an expired one (connect_error)', async () => {
    expect((await connectSecure({})).error?.data?.code).toBe('token_missing');
    const { body } = await json<IssuedToken>('/api/security/tokens', { method: 'POST', body: JSON.stringify({ name: 'ada', ttlMs: 1000 }) });
    const [claims, signature] = body.token.split('.') as [string, string];
    const forged = `${Buffer.from(JSON.stringify({ sub: 'root', exp: Date.now() + 1e6 })).toString('base64url')}.${signature}`;
    expect(claims).not.toBe('');
    expect((await connectSecure({ token: forged })).error?.data?.code).toBe('token_bad_signature');
    tokenClockAheadMs = 1000;
    try {
      expect((await connectSecure({ token: body.token })).error?.data?.code).toBe('token_expired');
    } finally {
      tokenClockAheadMs = 0;
    }
  });

  it('accepts a token it issued, and the socket knows who it is', async () => {
    const { status, body } = await json<IssuedToken>('/api/security/tokens', { method: 'POST', body: JSON.stringify({ name: 'ada' }) });
    expect(status).toBe(201);
    const { socket, error } = await connectSecure({ token: body.token });
    expect(error).toBeNull();
    const identity = await socket.emitWithAck('secure:whoami');
    expect(identity).toMatchObject({ user: 'ada', socketId: socket.id, expiresAt: body.expiresAt });
  });

  it('answers a bad token request with a 400 JSON error', async () => {
    const { status, body } = await json<{ error: { code: string } }>('/api/security/tokens', {
      method: 'POST',
      body: JSON.stringify({ name: '<script>', ttlMs: 5 }),
    });
    expect(status).toBe(400);
    expect(body.error.code).toBe('bad_name');
  });

  it('opens /ws/private only with a fresh single-use ticket; a missing or reused one gets 401', async () => {
    expect(await attempt('/ws/private?attempt=tk-none')).toEqual({ opened: false, status: 401 });
    const { body } = await json<IssuedTicket>('/api/security/tickets', { method: 'POST' });
    expect(body.expiresAt - Date.now()).toBeLessThanOrEqual(info.ticketTtlMs);
    const first = await attempt(`/ws/private?ticket=${body.ticket}`);
    if (!first.opened) throw new Error(`expected the ticket to open /ws/private, got ${first.status}`);
    expect(JSON.parse(await first.firstMessage)).toMatchObject({ endpoint: '/ws/private', user: 'ticket holder' });
    expect(await attempt(`/ws/private?ticket=${body.ticket}&attempt=tk-reuse`)).toEqual({ opened: false, status: 401 });
    expect((await json<HandshakeOutcome>('/api/security/attempts/tk-reuse')).body.reason).toMatch(/already used/);
  });
});

describe('limits', () => {
  it('closes /ws/limited with 1009 when a message is over the limit', async () => {
    const outcome = await attempt('/ws/limited');
    if (!outcome.opened) throw new Error('expected /ws/limited to open');
    const close = closed(outcome.socket);
    outcome.socket.send('x'.repeat(info.limitedMaxMessageBytes + 1));
    expect((await close).code).toBe(1009);
  });

  it('closes /ws/limited with 1008 when a client floods past the rate limit, after echoing its allowance', async () => {
    const outcome = await attempt('/ws/limited');
    if (!outcome.opened) throw new Error('expected /ws/limited to open');
    let echoed = 0;
    outcome.socket.on('message', () => (echoed += 1));
    const close = closed(outcome.socket);
    for (let n = 0; n < 200; n += 1) outcome.socket.send(`message ${n}`);
    const { code, reason } = await close;
    expect(code).toBe(1008);
    expect(reason).toMatch(/rate limit/);
    expect(echoed).toBeGreaterThanOrEqual(info.messageRateLimit);
    expect(echoed).toBeLessThan(200);
  });

  it('refuses a browser’s connection over MAX_CONNECTIONS_PER_SID with 429, and frees the slot on close', async () => {
    const held: WebSocket[] = [];
    for (let n = 0; n < info.maxConnectionsPerSid; n += 1) {
      const outcome = await attempt('/ws/limited');
      if (!outcome.opened) throw new Error(`connection ${n + 1} should open`);
      held.push(outcome.socket);
    }
    expect(await attempt('/ws/limited?attempt=too-many')).toEqual({ opened: false, status: 429 });
    // Another browser (another sid) is not affected.
    expect((await attempt('/ws/limited', { cookie: 'loopwire_sid=someoneElseEntirely123' })).opened).toBe(true);
    const freed = closed(held[0]!);
    held[0]!.close();
    await freed;
    // The server frees the slot when it sees the close: poll until a new connection is let in.
    const again = await waitFor(() => attempt('/ws/limited'), (outcome) => outcome.opened);
    expect(again.opened).toBe(true);
  });

  it('throttles Socket.IO events past the rate with secure:throttled, and disconnects an over-size packet', async () => {
    const { body } = await json<IssuedToken>('/api/security/tokens', { method: 'POST', body: JSON.stringify({ name: 'flood' }) });
    const socket = ioClient(`${base}/secure`, { auth: { token: body.token }, transports: ['websocket'], reconnection: false, forceNew: true });
    opened.push(socket);
    await new Promise((resolve) => socket.once('connect', () => resolve(null)));
    const throttled = new Promise((resolve) => socket.once('secure:throttled', resolve));
    for (let n = 0; n < 120; n += 1) socket.emit('secure:send', `m${n}`, () => {});
    expect(await throttled).toEqual({ limitPerSecond: 50 });
    const disconnected = new Promise((resolve) => socket.once('disconnect', resolve));
    socket.emit('secure:send', 'x'.repeat(1_100_000), () => {});
    expect(await disconnected).toBe('transport close');
  });
});

describe('what the server knows', () => {
  it('lists a Socket.IO connection with its 4-tuple, masked cookie and auth, socket.data and rooms', async () => {
    const { body: issued } = await json<IssuedToken>('/api/security/tokens', { method: 'POST', body: JSON.stringify({ name: 'grace' }) });
    const socket = ioClient(`${base}/secure`, {
      auth: { token: issued.token },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      extraHeaders: { cookie: sidCookie, 'x-api-key': 'connection-view-key' },
    });
    opened.push(socket);
    await new Promise((resolve) => socket.once('connect', () => resolve(null)));
    const { body } = await json<KnownConnectionsResponse>('/api/security/connections');
    const mine = body.connections.find((connection) => connection.id === socket.id);
    expect(mine).toMatchObject({
      kind: 'socket.io',
      endpoint: '/secure',
      transport: 'websocket',
      local: { address: '127.0.0.1', port: server.port },
      yours: true,
      data: { user: 'grace' },
    });
    expect(mine!.remote.port).toBeGreaterThan(0);
    expect(mine!.headers.cookie).toMatch(/^loopwire_sid=.{4}…/);
    expect(mine!.headers['x-api-key']).toBe('conn…••••');
    expect(JSON.stringify(mine)).not.toContain('connection-view-key');
    expect(JSON.stringify(mine)).not.toContain(issued.token);
    expect(JSON.stringify(mine)).not.toContain(sidCookie.split('=')[1]);
  });

  it('lists a raw /ws connection too, until it closes', async () => {
    const outcome = await attempt('/ws');
    if (!outcome.opened) throw new Error('expected /ws to open');
    const listed = async () =>
      (await json<KnownConnectionsResponse>('/api/security/connections')).body.connections.filter(
        (connection) => connection.endpoint === '/ws' && connection.yours,
      );
    expect(await listed()).toHaveLength(1);
    const gone = closed(outcome.socket);
    outcome.socket.close();
    await gone;
    expect(await waitFor(listed, (connections) => connections.length === 0)).toHaveLength(0);
  });
});
