// The wire tap against the real server: raw TCP clients where exact bytes matter, real ws and
// socket.io-client sessions, and the /api/captures contract seen by two different browsers (sids).

import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { io as ioClient } from 'socket.io-client';
import type { Capture, CaptureList, HandshakeProbeResult } from '@loopwire/contract';
import { fragmentedMessageParts, serverCloseCodesOnRequest } from '@loopwire/protocol';
import type { LoopwireServer } from '../src/server.js';
import { handshake, rawExchange, startTestServer } from './helpers.js';

let server: LoopwireServer;
const cleanups: (() => void)[] = [];

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  for (const cleanup of cleanups) cleanup();
  await server.close();
});

/** A learner: the sid the server issues on a first request, sent back on every request after. */
async function newLearner() {
  const response = await fetch(`${server.url}/api/captures`);
  const sid = /loopwire_sid=([^;]+)/.exec(response.headers.get('set-cookie') ?? '')![1]!;
  const cookie = `loopwire_sid=${sid}`;
  const api = (path: string, init: RequestInit = {}) => fetch(`${server.url}${path}`, { ...init, headers: { cookie, ...init.headers } });
  return {
    sid,
    cookie,
    api,
    async captures(query = ''): Promise<Capture[]> {
      return ((await (await api(`/api/captures${query}`)).json()) as CaptureList).captures;
    },
  };
}

/** A raw TCP client that collects what the server sends and can wait for a byte pattern. */
function rawClient(port: number) {
  const socket: Socket = connect(port, '127.0.0.1');
  cleanups.push(() => socket.destroy());
  let received = Buffer.alloc(0);
  const waiters: (() => void)[] = [];
  socket.on('data', (chunk) => {
    received = Buffer.concat([received, chunk]);
    for (const waiter of waiters.splice(0)) waiter();
  });
  const ended = new Promise<void>((resolve) => socket.on('close', () => resolve()));
  return {
    socket,
    ended,
    get received() {
      return received;
    },
    async waitFor(check: (bytes: Buffer) => boolean): Promise<void> {
      while (!check(received)) await new Promise<void>((resolve) => waiters.push(resolve));
    },
  };
}

const mask = (payload: Buffer, key: Buffer) => Buffer.from(payload.map((byte, i) => byte ^ key[i % 4]!));

describe('a raw WebSocket handshake, byte for byte', () => {
  it('captures the exact heads, the subprotocol, masked frames, the echo and the close both ways', async () => {
    const learner = await newLearner();
    const requestHead =
      'GET /ws HTTP/1.1\r\n' +
      'host: 127.0.0.1\r\n' +
      'UPGRADE: WebSocket\r\n' +
      'connection: keep-alive, Upgrade\r\n' +
      'sec-websocket-key: dGhlIHNhbXBsZSBub25jZQ==\r\n' +
      'Sec-WebSocket-Version: 13\r\n' +
      'Sec-WebSocket-Protocol: chat, superchat\r\n' +
      'X-Loopwire-Odd-Header:   kept as sent  \r\n' +
      'X-Api-Key: lw-demo-key\r\n' +
      `Cookie: theme=dark; ${learner.cookie}\r\n` +
      '\r\n';
    const client = rawClient(server.port);
    await new Promise((resolve) => client.socket.once('connect', resolve));
    const clientPort = client.socket.localPort;
    client.socket.write(requestHead, 'latin1');
    await client.waitFor((bytes) => bytes.includes('\r\n\r\n'));
    const responseHead = client.received.subarray(0, client.received.indexOf('\r\n\r\n') + 4).toString('latin1');
    expect(responseHead).toMatch(/^HTTP\/1\.1 101 Switching Protocols\r\n/);
    expect(responseHead).toContain('\r\nSec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n');
    expect(responseHead).toContain('\r\nSec-WebSocket-Protocol: chat\r\n');

    const key = Buffer.from('37fa213d', 'hex');
    // FIN=1 opcode=1 (text) | MASK=1 length=5 | masking key | "Hello" masked
    const textFrame = Buffer.concat([Buffer.from([0x81, 0x85]), key, mask(Buffer.from('Hello'), key)]);
    client.socket.write(textFrame);
    // The echo: FIN=1 opcode=1 | MASK=0 length=5 | "Hello"
    await client.waitFor((bytes) => bytes.includes(Buffer.from('810548656c6c6f', 'hex')));
    // FIN=1 opcode=8 (close) | MASK=1 length=2 | key | 1000 masked
    const closeFrame = Buffer.concat([Buffer.from([0x88, 0x82]), key, mask(Buffer.from([0x03, 0xe8]), key)]);
    client.socket.write(closeFrame);
    await client.ended;

    await expect.poll(async () => (await learner.captures('?kind=websocket'))[0]?.done).toBe(true);
    const [capture] = await learner.captures('?kind=websocket');
    const sidStars = '*'.repeat(learner.sid.length);
    expect(capture!.requestHead).toBe(
      requestHead
        .replace(`theme=dark; ${learner.cookie}`, '*'.repeat(`theme=dark; ${learner.cookie}`.length))
        .replace('lw-demo-key', '*'.repeat('lw-demo-key'.length)),
    );
    expect(capture!.responseHead).toBe(responseHead);
    expect(capture).toMatchObject({ method: 'GET', url: '/ws', status: 101, kind: 'websocket' });
    expect(capture!.local).toEqual({ address: '127.0.0.1', port: server.port });
    expect(capture!.remote.port).toBe(clientPort);
    expect(capture!.frames.map((frame) => [frame.direction, frame.opcodeName, frame.masked, frame.maskingKey, frame.payloadLength, frame.closeCode ?? null])).toEqual([
      ['client', 'text', true, '37 fa 21 3d', 5, null],
      ['server', 'text', false, null, 5, null],
      ['client', 'close', true, '37 fa 21 3d', 2, 1000],
      ['server', 'close', false, null, 2, 1000],
    ]);
    expect(capture!.frames[0]!.payloadPreview).toBe('Hello');
    expect(capture!.frames[0]!.headerBytes).toBe(Buffer.from([0x81, 0x85, ...key]).toString('latin1'));
    expect(capture!.frames[1]!.payloadPreview).toBe('Hello');
    expect(capture!.wire).toEqual({
      clientBytes: requestHead.length + textFrame.length + closeFrame.length,
      serverBytes: client.received.length,
    });

    const revealed = (await (await learner.api(`/api/captures/${capture!.id}?reveal=1`)).json()) as Capture;
    expect(revealed.requestHead).toContain(`\r\nCookie: theme=dark; loopwire_sid=${sidStars}\r\n`);
    expect(revealed.requestHead).toContain('\r\nX-Api-Key: lw-demo-key\r\n');
  });
});

describe('refused handshakes are answered and captured', () => {
  const refusals = [
    { name: 'no Upgrade header', bytes: 'GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n', status: 426, header: 'Upgrade: websocket' },
    { name: 'version 8', bytes: handshake('/ws', { 'Sec-WebSocket-Version': '8' }).slice(0, -2), status: 426, header: 'Sec-WebSocket-Version: 13' },
    { name: 'a missing key', bytes: handshake('/ws', { 'Sec-WebSocket-Key': '' }).slice(0, -2), status: 400, header: 'Content-Type: text/plain' },
    { name: 'a foreign Origin', bytes: handshake('/ws', { Origin: 'http://evil.example' }).slice(0, -2), status: 403, header: 'Content-Type: text/plain' },
  ];

  it.each(refusals)('captures the $status for $name, and the server stays healthy', async ({ bytes, status, header }) => {
    const learner = await newLearner();
    const answer = await rawExchange(server.port, `${bytes}Cookie: ${learner.cookie}\r\n\r\n`);
    expect(answer.startsWith(`HTTP/1.1 ${status} `)).toBe(true);
    await expect.poll(async () => (await learner.captures())[0]?.done).toBe(true);
    const [capture] = await learner.captures();
    expect(capture).toMatchObject({ url: '/ws', status, frames: [] });
    expect(capture!.responseHead).toContain(`\r\n${header}`);
    // The body is summarised: the refusal's own sentence, as sent.
    expect(answer.endsWith(Buffer.from(capture!.responseBody!.preview, 'latin1').toString())).toBe(true);
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  });
});

describe('Socket.IO through the tap', () => {
  it('reads as a story: polling open, probe, upgrade, then a 42 event', async () => {
    const learner = await newLearner();
    const socket = ioClient(server.url, { reconnection: false, extraHeaders: { cookie: learner.cookie } });
    cleanups.push(() => socket.close());
    await expect.poll(() => socket.io.engine?.transport.name).toBe('websocket');
    await socket.timeout(2000).emitWithAck('echo:send', { n: 42 });

    const captures = await learner.captures('?kind=socket.io');
    const polling = captures.filter((capture) => capture.status !== 101).reverse();
    expect(polling[0]!.engineIo![0]).toMatchObject({ code: '0', type: 'open' });
    // The client's 40 travels in a POST body; the POST's own answer ("ok") is not Engine.IO.
    const connect = polling.find((capture) => capture.method === 'POST')!;
    expect(connect.engineIo!.map((packet) => packet.socketIo?.typeName)).toEqual(['CONNECT']);
    const upgrade = captures.find((capture) => capture.status === 101)!;
    expect(upgrade.connectionId).not.toBe(polling[0]!.connectionId);
    const story = upgrade.frames.filter((frame) => frame.engineIo).map((frame) => `${frame.direction}:${frame.engineIo!.code}${frame.engineIo!.data ?? ''}`);
    expect(story.slice(0, 3)).toEqual(['client:2probe', 'server:3probe', 'client:5']);
    const event = upgrade.frames.find((frame) => frame.socketIo?.event === 'echo:send');
    expect(event).toMatchObject({ direction: 'client', masked: true, socketIo: { typeName: 'EVENT', data: '[{"n":42}]' } });
    expect(Buffer.from(event!.payloadPreview, 'latin1').toString()).toMatch(/^42\d*\["echo:send",\{"n":42\}\]$/);
  });

  it('records a server frame handed to the socket as text exactly: its UTF-8 size, and its first 256 bytes even when a character straddles the cut', async () => {
    const learner = await newLearner();
    const socket = ioClient(server.url, { reconnection: false, transports: ['websocket'], extraHeaders: { cookie: learner.cookie } });
    cleanups.push(() => socket.close());
    // The ack reads `43<id>[{"payload":"…` (16 bytes for id 0): the emoji's four bytes straddle byte 256.
    const payload = `${'a'.repeat(238)}😀${'ü'.repeat(300)}`;
    const { at } = (await socket.timeout(2000).emitWithAck('echo:send', payload)) as { at: number };

    const [capture] = await learner.captures('?kind=socket.io');
    const ack = capture!.frames.find((frame) => frame.direction === 'server' && frame.payloadPreview.startsWith('43'))!;
    const id = /^43(\d+)\[/.exec(ack.payloadPreview)![1]!;
    const sent = Buffer.from(`43${id}${JSON.stringify([{ payload, at }])}`, 'utf8');
    expect(ack.payloadLength).toBe(sent.length);
    expect(Buffer.from(ack.payloadPreview, 'latin1').equals(sent.subarray(0, 256))).toBe(true);
  });
});

describe('bounds and scoping', () => {
  it('keeps at most 200 frames of a capture after 10,000 messages, and counts the rest', async () => {
    const learner = await newLearner();
    const socket = new WebSocket(`${server.url.replace('http', 'ws')}/ws`, { headers: { cookie: learner.cookie } });
    cleanups.push(() => socket.close());
    await new Promise((resolve) => socket.once('open', resolve));
    let echoes = 0;
    const allEchoed = new Promise<void>((resolve) => socket.on('message', () => ++echoes === 10_000 && resolve()));
    for (let i = 0; i < 10_000; i++) socket.send(`message ${i}`);
    await allEchoed;
    const [capture] = await learner.captures('?kind=websocket');
    expect(capture!.frames).toHaveLength(200);
    expect(capture!.framesOmitted).toBe(20_000 - 200);
    // The first frames stay (the start of the story), then the newest.
    expect(capture!.frames[0]!.payloadPreview).toBe('message 0');
    expect(capture!.frames.at(-1)!.payloadPreview).toBe('message 9999');
  });

  it('keeps at most 500 captures however many exchanges happen; one browser takes at most half from the others', async () => {
    const learner = await newLearner();
    for (let i = 0; i < 520; i++) await learner.api('/api/health');
    expect(server.tap.store.size).toBe(500);
    const others = [...server.tap.store.newestFirst()].filter((record) => record.sid !== learner.sid).length;
    // The listing request is an exchange too (hidden as noise unless all=1).
    expect(await learner.captures('?limit=500&all=1')).toHaveLength(500 - others);
    expect(500 - others).toBeGreaterThanOrEqual(250);
  });

  it('never shows one browser’s captures to another, nor sid-less ones to anyone', async () => {
    const alice = await newLearner();
    const bob = await newLearner();
    await alice.api('/api/health?from=alice');
    await fetch(`${server.url}/api/health?from=nobody`);
    const [aliceCapture] = await alice.captures();
    expect(aliceCapture!.url).toBe('/api/health?from=alice');
    expect((await bob.captures()).map((capture) => capture.url)).not.toContain('/api/health?from=alice');
    expect((await bob.captures()).map((capture) => capture.url)).not.toContain('/api/health?from=nobody');
    const stolen = await bob.api(`/api/captures/${aliceCapture!.id}`);
    expect(stolen.status).toBe(404);
    expect(await stolen.json()).toMatchObject({ error: { code: 'capture_not_found' } });
    expect((await bob.api(`/api/captures/${aliceCapture!.id}/har`)).status).toBe(404);
    await bob.api('/api/captures', { method: 'DELETE' });
    expect((await alice.captures())[0]!.id).toBe(aliceCapture!.id);
    expect(await (await alice.api('/api/captures', { method: 'DELETE' })).json()).toMatchObject({ cleared: expect.any(Number) });
    expect(await alice.captures()).toEqual([]);
  });
});

describe('the /api/captures contract', () => {
  it('gives one capture per keep-alive exchange, sharing the connection', async () => {
    const learner = await newLearner();
    const first = `GET /api/health?n=1 HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: ${learner.cookie}\r\n\r\n`;
    const second = `POST /api/whoami?n=2 HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 2\r\nCookie: ${learner.cookie}\r\nConnection: close\r\n\r\n{}`;
    await rawExchange(server.port, first + second);
    const [two, one] = await learner.captures();
    expect(one!.requestHead).toBe(first.replace(learner.cookie, '*'.repeat(learner.cookie.length)));
    expect(two!.requestBody).toMatchObject({ length: 2, preview: '{}', contentType: 'application/json', complete: true });
    expect(one!.connectionId).toBe(two!.connectionId);
    expect(one!.responseBody!.contentType).toMatch(/application\/json/);
    expect(JSON.parse(one!.responseBody!.preview)).toMatchObject({ ok: true });
  });

  it('hides its own traffic and static files unless asked for everything', async () => {
    const learner = await newLearner();
    await learner.api('/api/captures');
    await learner.api('/favicon.svg');
    await learner.api('/api/health');
    expect((await learner.captures()).map((capture) => capture.url)).toEqual(['/api/health']);
    const everything = (await learner.captures('?all=1')).map((capture) => capture.url);
    expect(everything).toEqual(expect.arrayContaining(['/api/captures', '/favicon.svg', '/api/health']));
  });

  it('streams new captures and frames over SSE, only the caller’s', async () => {
    const learner = await newLearner();
    const other = await newLearner();
    const controller = new AbortController();
    cleanups.push(() => controller.abort());
    const stream = await learner.api('/api/captures/stream', { signal: controller.signal });
    expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const reader = stream.body!.getReader();
    let text = '';
    const readUntil = async (pattern: RegExp) => {
      while (!pattern.test(text)) text += new TextDecoder().decode((await reader.read()).value);
    };
    await readUntil(/captures of this browser/);
    await other.api('/api/health?who=other');
    const socket = new WebSocket(`${server.url.replace('http', 'ws')}/ws`, {
      headers: { cookie: learner.cookie, authorization: 'Bearer streamed-secret' },
    });
    cleanups.push(() => socket.close());
    await new Promise((resolve) => socket.once('open', resolve));
    socket.send('streamed');
    await readUntil(/event: frame\ndata: .*"payloadPreview":"streamed"/);
    expect(text).toMatch(/event: capture\ndata: \{.*"url":"\/ws"/);
    expect(text).not.toContain('who=other');
    expect(text).not.toContain('streamed-secret');
    controller.abort();
  });

  it('streams captures as summaries without frames; each frame comes once, numbered, and the counters follow', async () => {
    const learner = await newLearner();
    const controller = new AbortController();
    cleanups.push(() => controller.abort());
    const stream = await learner.api('/api/captures/stream', { signal: controller.signal });
    const reader = stream.body!.getReader();
    const events: { event: string; data: Record<string, unknown> }[] = [];
    let text = '';
    const readUntil = async (done: () => boolean) => {
      while (!done()) {
        text += new TextDecoder().decode((await reader.read()).value);
        const blocks = text.split('\n\n');
        text = blocks.pop()!;
        for (const block of blocks) {
          const event = /^event: (.+)$/m.exec(block)?.[1];
          const data = /^data: (.+)$/m.exec(block)?.[1];
          if (event && data) events.push({ event, data: JSON.parse(data) as Record<string, unknown> });
        }
      }
    };
    await readUntil(() => true);
    const socket = new WebSocket(`${server.url.replace('http', 'ws')}/ws`, { headers: { cookie: learner.cookie } });
    cleanups.push(() => socket.close());
    await new Promise((resolve) => socket.once('open', resolve));
    const sent = 5;
    for (let index = 0; index < sent; index++) socket.send(`numbered ${index}`);
    // Each message and its echo: 2 frames each. Then, with no change to the capture itself, a summary counting them all.
    const summaryOfAll = () => events.find((e) => e.event === 'capture' && e.data.url === '/ws' && e.data.framesSeen === 2 * sent);
    await readUntil(() => summaryOfAll() !== undefined);

    const captures = events.filter((e) => e.event === 'capture');
    expect(captures.length).toBeGreaterThan(0);
    for (const { data } of captures) {
      expect(data).not.toHaveProperty('frames');
      expect(data).not.toHaveProperty('framesOmitted');
      expect(typeof data.framesSeen).toBe('number');
    }
    const wsId = summaryOfAll()!.data.id;
    const frames = events.filter((e) => e.event === 'frame' && e.data.captureId === wsId).map((e) => e.data as { seq: number; frame: { payloadPreview: string } });
    expect(frames.map((f) => f.seq)).toEqual(Array.from({ length: 2 * sent }, (_, seq) => seq));
    expect(frames.filter((f) => f.frame.payloadPreview === 'numbered 3')).toHaveLength(2);
    // The summary's counters match the capture the API serves.
    const [served] = await learner.captures('?kind=websocket');
    expect(served!.framesSeen).toBe(2 * sent);
    expect(served!.frames).toHaveLength(2 * sent);
    expect(summaryOfAll()!.data.wire).toEqual(served!.wire);
    // The list as summaries: the same captures, counted, without their frames.
    const [listed] = await learner.captures('?kind=websocket&summary=1');
    expect(listed).toMatchObject({ id: served!.id, framesSeen: 2 * sent, wire: served!.wire });
    expect(listed).not.toHaveProperty('frames');
    controller.abort();
  });

  it('exports HAR 1.2 with the WebSocket messages', async () => {
    const learner = await newLearner();
    const socket = new WebSocket(`${server.url.replace('http', 'ws')}/ws`, ['superchat'], {
      headers: { cookie: learner.cookie, 'x-auth-token': 'har-secret' },
    });
    cleanups.push(() => socket.close());
    await new Promise((resolve) => socket.once('open', resolve));
    const echoed = new Promise((resolve) => socket.once('message', resolve));
    socket.send('to the HAR');
    await echoed;
    const [capture] = await learner.captures('?kind=websocket');
    const response = await learner.api(`/api/captures/${capture!.id}/har`);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="?loopwire-capture-\d+\.har"?$/);
    interface HarEntry {
      request: { headers: { name: string; value: string }[] };
      response: { status: number };
      _webSocketMessages: { type: string; data: string }[];
    }
    const har = (await response.json()) as { log: { version: string; entries: HarEntry[] } };
    expect(har.log.version).toBe('1.2');
    const [entry] = har.log.entries;
    expect(entry!.response.status).toBe(101);
    expect(entry!.request.headers).toEqual(expect.arrayContaining([{ name: 'Sec-WebSocket-Protocol', value: 'superchat' }]));
    expect(entry!.request.headers.find((header) => header.name === 'cookie')!.value).toMatch(/^\*+$/);
    expect(entry!.request.headers.find((header) => header.name === 'x-auth-token')!.value).toBe('*'.repeat('har-secret'.length));
    expect(entry!._webSocketMessages.map((message) => [message.type, message.data])).toEqual([
      ['send', 'to the HAR'],
      ['receive', 'to the HAR'],
    ]);
  });

  it('answers bad queries with 400 JSON errors', async () => {
    const learner = await newLearner();
    expect(await (await learner.api('/api/captures?limit=0')).json()).toMatchObject({ error: { code: 'bad_limit' } });
    expect((await learner.api('/api/captures?kind=carrier-pigeon')).status).toBe(400);
  });
});

describe('bad input is captured too, and changes nothing', () => {
  it('records the 400 Node answers to a malformed request line, with what was sent', async () => {
    const learner = await newLearner();
    const answer = await rawExchange(server.port, `GET /api/health HTTP/1.1\r\nCookie: ${learner.cookie}\r\nBad Header Without Colon\r\n\r\n`);
    expect(answer).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    await expect.poll(async () => (await learner.captures())[0]?.status).toBe(400);
    const [capture] = await learner.captures();
    expect(capture!.requestHead).toContain('Bad Header Without Colon\r\n');
    expect(capture!.responseHead).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  });

  it('records the 431 for headers over Node’s 16 KiB limit', async () => {
    const learner = await newLearner();
    const answer = await rawExchange(server.port, `GET /api/health HTTP/1.1\r\nCookie: ${learner.cookie}\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    expect(answer).toMatch(/^HTTP\/1\.1 431 /);
    await expect.poll(async () => (await learner.captures())[0]?.status).toBe(431);
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  });
});

describe('POST /api/ws/ping', () => {
  it('makes the server ping your own /ws connection; the client’s automatic pong is captured too', async () => {
    const learner = await newLearner();
    const stranger = await newLearner();
    const socket = new WebSocket(`${server.url.replace('http', 'ws')}/ws`, { headers: { cookie: learner.cookie } });
    cleanups.push(() => socket.close());
    await new Promise((resolve) => socket.once('open', resolve));
    const [capture] = await learner.captures('?kind=websocket');
    const post = (who: typeof learner) =>
      who.api('/api/ws/ping', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ captureId: capture!.id }) });
    expect((await post(stranger)).status).toBe(404);
    const pinged = new Promise<string>((resolve) => socket.once('ping', (data) => resolve(data.toString())));
    expect((await post(learner)).status).toBe(200);
    expect(await pinged).toBe('loopwire');
    await expect
      .poll(async () => (await learner.captures('?kind=websocket'))[0]!.frames.map((frame) => `${frame.direction} ${frame.opcodeName} ${frame.payloadPreview}`))
      .toEqual(['server ping loopwire', 'client pong loopwire']);
  });
});

describe('POST /api/ws/fragment and /api/ws/close', () => {
  async function openOwnEcho() {
    const learner = await newLearner();
    const socket = new WebSocket(`${server.url.replace('http', 'ws')}/ws`, { headers: { cookie: learner.cookie } });
    cleanups.push(() => socket.close());
    await new Promise((resolve) => socket.once('open', resolve));
    const [capture] = await learner.captures('?kind=websocket');
    const post = (path: string, body: object) =>
      learner.api(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ captureId: capture!.id, ...body }) });
    return { learner, socket, post };
  }

  it('sends one message as three frames: FIN=0 text, FIN=0 continuation, FIN=1 continuation; the client gets one message', async () => {
    const { learner, socket, post } = await openOwnEcho();
    const received = new Promise<string>((resolve) => socket.once('message', (data) => resolve(data.toString())));
    expect((await post('/api/ws/fragment', {})).status).toBe(200);
    expect(await received).toBe(fragmentedMessageParts.join(''));
    await expect
      .poll(async () => (await learner.captures('?kind=websocket'))[0]!.frames.map((frame) => [frame.fin, frame.opcode, frame.payloadPreview]))
      .toEqual(fragmentedMessageParts.map((part, index) => [index === 2, index === 0 ? 0x1 : 0x0, part]));
  });

  it.each(serverCloseCodesOnRequest)('closes your socket with %i on request, a code a browser may not send', async (code) => {
    const { socket, post } = await openOwnEcho();
    const closed = new Promise<number>((resolve) => socket.once('close', (closeCode) => resolve(closeCode)));
    expect((await post('/api/ws/close', { code })).status).toBe(200);
    expect(await closed).toBe(code);
  });

  it('refuses other codes with 400 bad_close_code, and keeps the socket open', async () => {
    const { socket, post } = await openOwnEcho();
    const response = await post('/api/ws/close', { code: 1000 });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'bad_close_code' } });
    expect(socket.readyState).toBe(WebSocket.OPEN);
  });
});

describe('POST /api/lab/handshake-probe', () => {
  const cases = [
    ['no-upgrade', 426],
    ['wrong-version', 426],
    ['missing-key', 400],
    ['bad-key', 400],
    ['foreign-origin', 403],
    ['ok', 101],
  ] as const;

  it.each(cases)('%s is answered %i, captured for the caller', async (probeCase, status) => {
    const learner = await newLearner();
    const response = await learner.api('/api/lab/handshake-probe', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ case: probeCase }),
    });
    const result = (await response.json()) as HandshakeProbeResult;
    expect(result.capture.status).toBe(status);
    expect(result.capture.requestHead).toBe(result.sent);
    expect(result.sent).not.toContain(learner.sid);
    if (status === 101) {
      expect(result.capture.frames.map((frame) => [frame.direction, frame.closeCode])).toEqual([
        ['client', 1000],
        ['server', 1000],
      ]);
    }
    expect((await learner.captures()).map((capture) => capture.id)).toContain(result.capture.id);
  });

  it('refuses a case outside the list', async () => {
    const learner = await newLearner();
    const response = await learner.api('/api/lab/handshake-probe', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ case: 'GET / HTTP/1.1' }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'bad_case' } });
  });
});

describe('TAP=off', () => {
  it('records nothing', async () => {
    const quiet = await startTestServer({ tap: 'off' });
    try {
      const first = await fetch(`${quiet.url}/api/health`);
      const cookie = (first.headers.get('set-cookie') ?? '').split(';')[0]!;
      await fetch(`${quiet.url}/api/health`, { headers: { cookie } });
      const list = (await (await fetch(`${quiet.url}/api/captures?all=1`, { headers: { cookie } })).json()) as CaptureList;
      expect(list.captures).toEqual([]);
      expect(quiet.tap.store.size).toBe(0);
    } finally {
      await quiet.close();
    }
  });
});
