// Issue #6: one feed, five transports, against the real server with real clients and raw bytes.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { io as ioClient, type Socket } from 'socket.io-client';
import type {
  FeedChatMessage,
  ClientToServerEvents,
  FeedMessage,
  FeedMessages,
  PostedFeedMessage,
  ServerToClientEvents,
  SseNotice,
  TickerUpdate,
  WsFeedServerMessage,
} from '@loopwire/contract';
import type { LoopwireServer } from '../src/server.js';
import { heldRequests, rawExchange, startTestServer, waitFor } from './helpers.js';
import { eventsNamed, openSse, type SseReader } from './sse-reader.js';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

let server: LoopwireServer;
let base: string;
/** The browser that opens the feed connections below; only it may ask the server to end them. */
let cookie: string;
const opened: { close(): void }[] = [];

beforeAll(async () => {
  server = await startTestServer({ longPollHoldMs: 400, sseHeartbeatMs: 150, tickerIntervalMs: 100 });
  base = server.url;
  cookie = (await fetch(`${base}/api/health`)).headers.getSetCookie()[0]!.split(';')[0]!;
});

function closeFeedConnection(transport: string, id: string, asker = cookie): Promise<Response> {
  return fetch(`${base}/api/feed/close`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: asker },
    body: JSON.stringify({ transport, id }),
  });
}

afterAll(async () => {
  for (const client of opened) client.close();
  await server.close();
});

async function post(text: string): Promise<FeedMessage> {
  const response = await fetch(`${base}/api/poll/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ text }),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as PostedFeedMessage).message;
}

async function lastId(): Promise<number> {
  const { messages } = (await (await fetch(`${base}/api/poll/short?after=0`)).json()) as FeedMessages;
  return messages.at(-1)?.id ?? 0;
}

async function sse(path = '/api/sse/ticker?updates=0', headers: Record<string, string> = {}): Promise<SseReader> {
  const reader = await openSse(`${base}${path}`, headers);
  opened.push(reader);
  return reader;
}

function openFeedSocket(path = '/ws/feed', options: WebSocket.ClientOptions = {}) {
  const socket = new WebSocket(`${base.replace('http', 'ws')}${path}`, options);
  opened.push(socket);
  const received: WsFeedServerMessage[] = [];
  socket.on('message', (data) => received.push(JSON.parse(data.toString()) as WsFeedServerMessage));
  const until = (count: number) =>
    new Promise<WsFeedServerMessage[]>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`only ${received.length} messages`)), 3000);
      const check = () => {
        if (received.length < count) return;
        clearTimeout(timer);
        socket.off('message', check);
        resolve(received);
      };
      socket.on('message', check);
      check();
    });
  return { socket, received, until };
}

function socketIo(options: Parameters<typeof ioClient>[1] = {}): Client {
  const client: Client = ioClient(base, { transports: ['websocket'], reconnectionDelay: 50, ...options });
  opened.push(client);
  return client;
}

describe('publishing to the feed', () => {
  it('answers 201 with {id, text, at} and increasing integer ids', async () => {
    const first = await post('one');
    const second = await post('two');
    expect(first).toEqual({ id: expect.any(Number), text: 'one', at: expect.any(Number) });
    expect(second.id).toBe(first.id + 1);
  });

  it('refuses an empty text (400) and a text over 2000 characters (413), as JSON', async () => {
    const empty = await fetch(`${base}/api/poll/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"text":"  "}',
    });
    expect(empty.status).toBe(400);
    expect(await empty.json()).toMatchObject({ error: { code: 'bad_text' } });
    const long = await fetch(`${base}/api/poll/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'x'.repeat(2001) }),
    });
    expect(long.status).toBe(413);
    expect(await long.json()).toMatchObject({ error: { code: 'text_too_long' } });
  });

  it('answers a body over the 100 kB limit with 413 JSON from the real bytes, and stays healthy', async () => {
    const body = JSON.stringify({ text: 'y'.repeat(150_000) });
    const answer = await rawExchange(
      server.port,
      `POST /api/poll/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`,
    );
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(answer).toContain('"code":"payload_too_large"');
    expect((await fetch(`${base}/api/health`)).status).toBe(200);
  });
});

describe('short polling', () => {
  it('answers at once with the messages after the given id', async () => {
    const a = await post('short a');
    const b = await post('short b');
    const response = await fetch(`${base}/api/poll/short?after=${a.id}`);
    expect(response.status).toBe(200);
    expect(((await response.json()) as FeedMessages).messages).toEqual([b]);
    const nothing = await fetch(`${base}/api/poll/short?after=${b.id}`);
    expect(await nothing.json()).toEqual({ messages: [] });
  });

  it.each(['abc', '-1', '1.5', '1e3'])('answers after=%s with 400 JSON (raw request)', async (after) => {
    for (const path of ['/api/poll/short', '/api/poll/long']) {
      const answer = await rawExchange(server.port, `GET ${path}?after=${after} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
      expect(answer).toMatch(/^HTTP\/1\.1 400 /);
      expect(answer).toContain('"code":"bad_after"');
    }
  });
});

describe('long polling', () => {
  it('holds the request until a message is posted, then answers within 100 ms', async () => {
    const after = await lastId();
    let answeredAt = 0;
    const held = fetch(`${base}/api/poll/long?after=${after}&test=held-one`).then(async (response) => {
      answeredAt = performance.now();
      return { status: response.status, body: (await response.json()) as FeedMessages };
    });
    // The server has read the whole request and sent nothing back: it is holding it.
    await waitFor(() => heldRequests(server, 'test=held-one'), (count) => count === 1);
    expect(answeredAt).toBe(0);
    const postedAt = performance.now();
    const message = await post('wake up');
    const { status, body } = await held;
    expect(status).toBe(200);
    expect(body.messages).toEqual([message]);
    expect(answeredAt - postedAt).toBeLessThan(100);
  });

  it('releases every waiting client together with the same message', async () => {
    const after = await lastId();
    const waiting = Array.from({ length: 6 }, () =>
      fetch(`${base}/api/poll/long?after=${after}&test=held-six`).then(async (response) => (await response.json()) as FeedMessages),
    );
    // All six are held before the post, so it is the post that releases them (not a message they found on arrival).
    await waitFor(() => heldRequests(server, 'test=held-six'), (count) => count === 6);
    const message = await post('for everyone');
    expect(await Promise.all(waiting)).toEqual(Array.from({ length: 6 }, () => ({ messages: [message] })));
  });

  it('answers at once when a newer message already exists (nothing is lost between polls)', async () => {
    const message = await post('already here');
    const response = await fetch(`${base}/api/poll/long?after=${message.id - 1}`);
    expect(((await response.json()) as FeedMessages).messages).toEqual([message]);
  });

  it('answers 204 with no body when nothing arrives within the hold time', async () => {
    const response = await fetch(`${base}/api/poll/long?after=${await lastId()}`);
    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');
  });
});

describe('Server-Sent Events', () => {
  it('streams text/event-stream with retry, a notice, and feed messages as id:-numbered message events', async () => {
    const stream = await sse();
    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    await stream.until((lines) => eventsNamed(lines, 'notice').length === 1);
    const message = await post('over sse');
    const lines = await stream.until((seen) => seen.includes(`id: ${message.id}`));
    expect(lines[0]).toBe('retry: 2000');
    expect(eventsNamed<SseNotice>(lines, 'notice')[0]).toEqual({ stream: expect.any(String), resumedFrom: null, replaying: 0 });
    expect(lines.slice(2, 4), 'the notice holds the feed position it opened at').toEqual([`id: ${message.id - 1}`, 'event: notice']);
    const at = lines.indexOf(`id: ${message.id}`);
    expect(lines.slice(at, at + 4)).toEqual([`id: ${message.id}`, 'event: message', `data: ${JSON.stringify(message)}`, '']);
    stream.close();
  });

  it('pushes price updates unprompted and heartbeat comments', async () => {
    const stream = await sse('/api/sse/ticker');
    const lines = await stream.until(
      (seen) => eventsNamed(seen, 'update').length >= 2 && seen.some((line) => line.startsWith(': heartbeat')),
    );
    expect(eventsNamed<TickerUpdate>(lines, 'update')[0]).toEqual({ symbol: 'LWR', price: expect.any(Number), at: expect.any(Number) });
    stream.close();
  });

  it('resumes from Last-Event-ID with every missed message, no loss and no duplicates', async () => {
    const seenBefore = await post('seen before the drop');
    const missed = [await post('missed 1'), await post('missed 2'), await post('missed 3')];
    const stream = await sse('/api/sse/ticker?updates=0', { 'Last-Event-ID': String(seenBefore.id) });
    const lines = await stream.until((seen) => seen.includes(`id: ${missed[2]!.id}`));
    expect(eventsNamed<SseNotice>(lines, 'notice')[0]).toMatchObject({ resumedFrom: seenBefore.id, replaying: 3 });
    const live = await post('live after resume');
    const after = await stream.until((seen) => seen.includes(`id: ${live.id}`));
    expect(eventsNamed<FeedMessage>(after, 'message')).toEqual([...missed, live]);
    stream.close();
  });

  it('gives a stream that saw only price updates a resume point, so a reconnect gets what was posted while down', async () => {
    const first = await sse('/api/sse/ticker');
    const seen = await first.until((lines) => eventsNamed(lines, 'update').length >= 1);
    first.close();
    const lastId = seen.filter((line) => line.startsWith('id: ')).at(-1)!.slice(4);
    const posted = [await post('while down 1'), await post('while down 2')];
    const again = await sse('/api/sse/ticker?updates=0', { 'Last-Event-ID': lastId });
    const lines = await again.until((received) => received.includes(`id: ${posted[1]!.id}`));
    expect(eventsNamed<SseNotice>(lines, 'notice')[0]).toMatchObject({ resumedFrom: Number(lastId), replaying: 2 });
    expect(eventsNamed<FeedMessage>(lines, 'message')).toEqual(posted);
    again.close();
  });

  it('is ended by the server on request, so the client sees the stream close', async () => {
    const stream = await sse('/api/sse/ticker?updates=0', { cookie });
    const [notice] = eventsNamed<SseNotice>(await stream.until((lines) => eventsNamed(lines, 'notice').length > 0), 'notice');
    // Another browser cannot end it: answered like a missing connection.
    const stranger = (await fetch(`${base}/api/health`)).headers.getSetCookie()[0]!.split(';')[0]!;
    expect((await closeFeedConnection('sse', notice!.stream, stranger)).status).toBe(404);
    expect((await closeFeedConnection('sse', notice!.stream)).status).toBe(200);
    await stream.ended;
    expect((await closeFeedConnection('sse', notice!.stream)).status).toBe(404);
  });
});

describe('raw WebSocket feed on /ws/feed', () => {
  it('says hello, then delivers each feed message as one JSON text message', async () => {
    const client = openFeedSocket();
    const [hello] = await client.until(1);
    expect(hello).toEqual({ type: 'hello', connectionId: expect.any(String), lastId: expect.any(Number) });
    const message = await post('over ws');
    expect((await client.until(2))[1]).toEqual({ type: 'message', message });
  });

  it('publishes what the client sends: either side may speak first', async () => {
    const listener = openFeedSocket();
    const speaker = openFeedSocket();
    await Promise.all([listener.until(1), speaker.until(1)]);
    speaker.socket.send('from a websocket client');
    const [, heard] = await listener.until(2);
    expect(heard).toMatchObject({ type: 'message', message: { text: 'from a websocket client' } });
  });

  it('is closed by the server on request with code 4000 and a reason, and stays closed', async () => {
    const client = openFeedSocket('/ws/feed', { headers: { cookie } });
    const [hello] = await client.until(1);
    const closed = new Promise<[number, string]>((resolve) =>
      client.socket.once('close', (code, reason) => resolve([code, reason.toString()])),
    );
    await closeFeedConnection('websocket', (hello as { connectionId: string }).connectionId);
    expect(await closed).toEqual([4000, 'closed by the server on request']);
    expect(client.socket.readyState).toBe(WebSocket.CLOSED);
  });

  it.each([
    ['a binary message', Buffer.from([1, 2, 3]), 1003],
    ['a text over 2000 characters', 'z'.repeat(2001), 1009],
    ['a frame over the 64 KiB limit', 'z'.repeat(70_000), 1009],
  ])('closes on %s with the right code, and keeps serving', async (_name, payload, code) => {
    const client = openFeedSocket();
    await client.until(1);
    const closed = new Promise<number>((resolve) => client.socket.once('close', (closeCode) => resolve(closeCode)));
    client.socket.send(payload);
    expect(await closed).toBe(code);
    expect((await fetch(`${base}/api/health`)).status).toBe(200);
  });

  it('refuses a foreign Origin with 403 before the handshake', async () => {
    const answer = await rawExchange(
      server.port,
      'GET /ws/feed HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\nOrigin: http://evil.example\r\n\r\n',
    );
    expect(answer).toMatch(/^HTTP\/1\.1 403 /);
  });

  it('replays the messages after ?after= on connect', async () => {
    const a = await post('before connect a');
    const b = await post('before connect b');
    const client = openFeedSocket(`/ws/feed?after=${a.id - 1}`);
    const received = await client.until(3);
    expect(received.slice(1)).toEqual([
      { type: 'message', message: a },
      { type: 'message', message: b },
    ]);
  });
});

describe('Socket.IO feed and chat', () => {
  it('delivers feed messages to subscribed sockets, with the backlog in the ack', async () => {
    const client = socketIo();
    const before = await post('before subscribe');
    const backlog = await client.emitWithAck('feed:subscribe', before.id - 1);
    expect(backlog.messages).toEqual([before]);
    const heard = new Promise<FeedMessage>((resolve) => client.once('feed:message', resolve));
    const message = await post('over socket.io');
    expect(await heard).toEqual(message);
  });

  it('keeps chat messages inside their room and acknowledges with the delivery count', async () => {
    const [alice, bob, carol] = [socketIo({ auth: { name: 'Alice' } }), socketIo(), socketIo({ auth: { name: '<script>' } })];
    expect(await alice.emitWithAck('chat:join', 'lobby')).toEqual({ room: 'lobby', members: 1 });
    // Alice also hears her own join (1 member); wait for the announcement of Bob's.
    const aliceSeesBob = new Promise((resolve) => alice.on('chat:presence', (presence) => presence.members === 2 && resolve(presence)));
    expect(await bob.emitWithAck('chat:join', 'lobby')).toEqual({ room: 'lobby', members: 2 });
    expect(await aliceSeesBob).toEqual({ room: 'lobby', members: 2 });
    await carol.emitWithAck('chat:join', 'elsewhere');
    const carolHeard: FeedChatMessage[] = [];
    carol.on('chat:message', (message) => carolHeard.push(message));
    const bobHears = new Promise<FeedChatMessage>((resolve) => bob.once('chat:message', resolve));
    const ack = await alice.emitWithAck('chat:message', 'hello lobby');
    expect(ack).toEqual({ ok: true, at: expect.any(Number), delivered: 2 });
    // The sender's name from its handshake's auth, not a fragment of its socket id.
    expect(await bobHears).toMatchObject({ room: 'lobby', from: alice.id, name: 'Alice', text: 'hello lobby' });
    expect(await carol.emitWithAck('chat:message', 'hello elsewhere')).toMatchObject({ ok: true, delivered: 1 });
    expect(carolHeard.map((message) => [message.text, message.name])).toEqual([['hello elsewhere', null]]);
  });

  it('refuses a bad room name and a message before joining, in the ack', async () => {
    const client = socketIo();
    expect(await client.emitWithAck('chat:message', 'hi')).toEqual({ ok: false, error: 'Join a room first (chat:join).' });
    expect(await client.emitWithAck('chat:join', 'Not A Room!')).toMatchObject({ error: expect.any(String) });
  });

  it('reconnects by itself when the server closes its transport', async () => {
    const client = socketIo({ extraHeaders: { cookie } });
    await new Promise((resolve) => client.once('connect', () => resolve(undefined)));
    const firstId = client.id;
    const reason = new Promise<string>((resolve) => client.once('disconnect', resolve));
    const reconnected = new Promise((resolve) => client.io.once('reconnect', () => client.once('connect', () => resolve(undefined))));
    await closeFeedConnection('socket.io', firstId!);
    expect(await reason).toBe('transport close');
    await reconnected;
    expect(client.connected).toBe(true);
    expect(client.id).not.toBe(firstId);
  });

  it('answers an unknown Engine.IO sid with 400, and stays healthy', async () => {
    const answer = await rawExchange(
      server.port,
      'GET /socket.io/?EIO=4&transport=polling&sid=not-a-session HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n',
    );
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(answer).toContain('"message":"Session ID unknown"');
    expect((await fetch(`${base}/api/health`)).status).toBe(200);
  });
});

describe('Socket.IO is not WebSocket', () => {
  it('a plain WebSocket to /socket.io/ gets Engine.IO packets it does not understand', async () => {
    const socket = new WebSocket(`${base.replace('http', 'ws')}/socket.io/?EIO=4&transport=websocket`);
    opened.push(socket);
    const first = await new Promise<string>((resolve, reject) => {
      socket.once('message', (data) => resolve(data.toString()));
      socket.once('error', reject);
    });
    // "0" is Engine.IO's open packet: a session id and ping settings, not any message of ours.
    expect(first).toMatch(/^0\{"sid":"[^"]+","upgrades":\[\],"pingInterval":\d+,"pingTimeout":\d+,"maxPayload":\d+\}$/);
    const closed = new Promise<number>((resolve) => socket.once('close', resolve));
    socket.send('hello, plain text');
    // Not an Engine.IO packet: the server ends the connection (a close frame without a status code).
    expect(await closed).toBe(1005);
  });

  it('a Socket.IO client pointed at the raw /ws echo fails to connect', async () => {
    const client = ioClient(base, { path: '/ws', addTrailingSlash: false, transports: ['websocket'], reconnection: false, timeout: 1000 });
    opened.push(client);
    const failure = await new Promise<Error>((resolve) => client.once('connect_error', resolve));
    expect(client.connected).toBe(false);
    expect(failure.message).toMatch(/timeout|websocket error/);
  });
});
