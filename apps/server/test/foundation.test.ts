// The foundation on one port: JSON API, raw WebSocket and Socket.IO side by side, every refusal real.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { io as ioClient, type Socket } from 'socket.io-client';
import type { ApiErrorBody, ServerHello } from '@loopwire/contract';
import type { LoopwireServer } from '../src/server.js';
import { handshake, rawExchange, startTestServer } from './helpers.js';

let server: LoopwireServer;
let base: string;
const opened: { close(): void }[] = [];

beforeAll(async () => {
  server = await startTestServer();
  base = server.url;
});

afterAll(async () => {
  for (const client of opened) client.close();
  await server.close();
});

function openWebSocket(path: string, protocols?: string[], options: WebSocket.ClientOptions = {}): Promise<WebSocket> {
  const socket = new WebSocket(`${base.replace('http', 'ws')}${path}`, protocols, options);
  opened.push(socket);
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve(socket));
    socket.once('error', reject);
  });
}

describe('HTTP API', () => {
  it('answers /api/health from the loop, per the contract', async () => {
    const response = await fetch(`${base}/api/health`);
    expect(response.status).toBe(200);
    const body: unknown = await response.json();
    expect(body).toEqual({ ok: true, uptimeMs: expect.any(Number), pid: process.pid });
  });

  it('answers an unknown /api path with a JSON 404, not the web app', async () => {
    const response = await fetch(`${base}/api/nope?x=1`, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
    expect(await response.json()).toEqual({
      error: { code: 'not_found', message: 'There is no API route GET /api/nope.' },
    });
  });

  it('answers malformed JSON with a 400 JSON error, and keeps serving', async () => {
    const response = await rawExchange(
      server.port,
      'POST /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 9\r\nConnection: close\r\n\r\n{"text":,',
    );
    expect(response).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(response).toContain('{"error":{"code":"bad_json","message":"The request body is not valid JSON."}}');
    expect((await fetch(`${base}/api/health`)).status).toBe(200);
  });

  it('answers a body over 100 kB with 413', async () => {
    const response = await fetch(`${base}/api/whoami`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'x'.repeat(200_000) }),
    });
    expect(response.status).toBe(413);
    expect(((await response.json()) as ApiErrorBody).error.code).toBe('payload_too_large');
  });

  it('tells a client the 4-tuple of its own connection, counting keep-alive requests', async () => {
    const exchange = await rawExchange(
      server.port,
      'GET /api/whoami HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\nGET /api/whoami HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n',
    );
    const bodies = [...exchange.matchAll(/\{"local":\{[^}]*\},"remote":\{[^}]*\},"requestsOnConnection":\d+\}/g)].map((match) => JSON.parse(match[0]));
    expect(bodies).toHaveLength(2);
    expect(bodies[0].local).toEqual({ address: '127.0.0.1', port: server.port });
    expect(bodies[0].remote.port).toBe(bodies[1].remote.port);
    expect(bodies.map((body) => body.requestsOnConnection)).toEqual([1, 2]);
  });
});

describe('raw WebSocket on /ws', () => {
  it('echoes text and binary, and picks the first supported subprotocol in the client’s order', async () => {
    const socket = await openWebSocket('/ws', ['superchat', 'chat']);
    expect(socket.protocol).toBe('superchat');
    const echoes: [string, boolean][] = [];
    const received = new Promise<void>((resolve) => {
      socket.on('message', (data, isBinary) => {
        echoes.push([data.toString(), isBinary]);
        if (echoes.length === 2) resolve();
      });
    });
    socket.send('hello');
    socket.send(Buffer.from('bytes'));
    await received;
    expect(echoes).toEqual([
      ['hello', false],
      ['bytes', true],
    ]);
  });

  it('accepts a connection with no subprotocol in common and names none', async () => {
    const response = await rawExchange(server.port, handshake('/ws', { 'Sec-WebSocket-Protocol': 'mqtt' }));
    expect(response.startsWith('HTTP/1.1 101 Switching Protocols\r\n')).toBe(true);
    expect(response).not.toMatch(/Sec-WebSocket-Protocol/i);
  });

  it('answers /ws/whoami with the 4-tuple on the same port as HTTP, then closes 1000', async () => {
    const socket = new WebSocket(`${base.replace('http', 'ws')}/ws/whoami`);
    const [message, close] = await Promise.all([
      new Promise<string>((resolve) => socket.once('message', (data) => resolve(data.toString()))),
      new Promise<number>((resolve) => socket.once('close', (code) => resolve(code))),
    ]);
    expect(JSON.parse(message).local).toEqual({ address: '127.0.0.1', port: server.port });
    expect(close).toBe(1000);
  });

  it('closes with 1009 when a message is over 1 MiB, and the server stays up', async () => {
    const socket = await openWebSocket('/ws');
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    socket.send(Buffer.alloc(1024 * 1024 + 1));
    expect(await closed).toBe(1009);
    expect((await fetch(`${base}/api/health`)).status).toBe(200);
  });

  const refusals = [
    { name: 'a plain GET without Upgrade', bytes: 'GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n', status: '426 Upgrade Required', header: /\r\nUpgrade: websocket\r\n/i },
    { name: 'Upgrade to something else', bytes: handshake('/ws', { Upgrade: 'h2c' }), status: '426 Upgrade Required', header: /\r\nUpgrade: websocket\r\n/ },
    { name: 'version 8', bytes: handshake('/ws', { 'Sec-WebSocket-Version': '8' }), status: '426 Upgrade Required', header: /\r\nSec-WebSocket-Version: 13\r\n/ },
    { name: 'a missing key', bytes: handshake('/ws', { 'Sec-WebSocket-Key': '' }), status: '400 Bad Request', header: /Sec-WebSocket-Key must be/ },
    { name: 'a key that is not 16 bytes', bytes: handshake('/ws', { 'Sec-WebSocket-Key': 'c2hvcnQ=' }), status: '400 Bad Request', header: /Sec-WebSocket-Key must be/ },
    { name: 'a foreign Origin', bytes: handshake('/ws', { Origin: 'http://evil.example' }), status: '403 Forbidden', header: /Origin http:\/\/evil\.example may not/ },
    { name: 'an unknown path', bytes: handshake('/nope'), status: '404 Not Found', header: /no WebSocket service at \/nope/ },
  ];

  it.each(refusals)('refuses $name with $status', async ({ bytes, status, header }) => {
    const response = await rawExchange(server.port, bytes);
    expect(response.startsWith(`HTTP/1.1 ${status}\r\n`)).toBe(true);
    expect(response).toMatch(header);
    expect((await fetch(`${base}/api/health`)).status).toBe(200);
  });

  it('accepts the page’s own origin', async () => {
    const socket = await openWebSocket('/ws', [], { origin: `http://127.0.0.1:${server.port}` });
    expect(socket.readyState).toBe(WebSocket.OPEN);
  });
});

describe('Socket.IO beside raw WebSocket', () => {
  function connectSocketIo(options: Parameters<typeof ioClient>[1] = {}): Socket {
    const socket = ioClient(base, { reconnection: false, ...options });
    opened.push(socket);
    return socket;
  }

  it('connects over polling, upgrades to websocket, says hello and acknowledges an echo', async () => {
    const socket = connectSocketIo();
    const hello = await new Promise<ServerHello>((resolve) => socket.once('server:hello', resolve));
    expect(hello).toMatchObject({ pid: process.pid, transport: 'polling' });
    await expect.poll(() => socket.io.engine.transport.name).toBe('websocket');
    const echo = await socket.timeout(2000).emitWithAck('echo:send', { n: 1 });
    expect(echo).toMatchObject({ payload: { n: 1 } });
  });

  it('works at the same time as a raw WebSocket on the same port', async () => {
    const [raw, sio] = await Promise.all([
      openWebSocket('/ws'),
      new Promise<Socket>((resolve) => {
        const socket = connectSocketIo({ transports: ['websocket'] });
        socket.once('connect', () => resolve(socket));
      }),
    ]);
    const echoed = new Promise<string>((resolve) => raw.once('message', (data) => resolve(data.toString())));
    raw.send('both');
    expect(await echoed).toBe('both');
    expect(sio.connected).toBe(true);
  });

  it('refuses a foreign Origin on polling and on a direct websocket upgrade', async () => {
    const polling = await fetch(`${base}/socket.io/?EIO=4&transport=polling`, { headers: { origin: 'http://evil.example' } });
    expect(polling.status).toBe(403);
    const upgrade = await rawExchange(
      server.port,
      handshake('/socket.io/?EIO=4&transport=websocket', { Origin: 'http://evil.example' }),
    );
    expect(upgrade.startsWith('HTTP/1.1 403 Forbidden\r\n')).toBe(true);
  });

  it('answers an unknown Engine.IO sid with 400', async () => {
    const response = await fetch(`${base}/socket.io/?EIO=4&transport=polling&sid=nope`);
    expect(response.status).toBe(400);
  });
});
