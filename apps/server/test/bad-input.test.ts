// The bad-input corpus: real bytes that a broken or hostile client might send, across HTTP, the
// WebSocket handshake, WebSocket frames, Engine.IO/Socket.IO packets and the lab APIs. For each:
// the documented status or close code, the server stays up, a bystander's open connections (a raw
// WebSocket and a Socket.IO session) keep working, and the wire tap's capture of the bystander's
// WebSocket stays intact (its head, status and every echoed frame).

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { once, type EventEmitter } from 'node:events';
import { connect } from 'node:net';
import WebSocket from 'ws';
import { io as ioClient, type Socket } from 'socket.io-client';
import type { Capture } from '@loopwire/contract';
import type { LoopwireServer } from '../src/server.js';
import { capturesWhere, handshake, rawExchange, startTestServer, waitFor } from './helpers.js';
import { closePayload, frame, openRawWebSocket } from './raw-frames.js';

let server: LoopwireServer;
let base: string;
let bystanderWs: WebSocket;
let bystanderIo: Socket;
let bystanderCookie: string;
let bystanderCaptureId: string;
let echoes = 0;

async function bystanderCapture(): Promise<Capture> {
  const response = await fetch(`${base}/api/captures/${bystanderCaptureId}`, { headers: { cookie: bystanderCookie } });
  expect(response.status).toBe(200);
  return (await response.json()) as Capture;
}

beforeAll(async () => {
  server = await startTestServer();
  base = server.url;
  const first = await fetch(`${base}/api/health`);
  bystanderCookie = first.headers.getSetCookie()[0]!.split(';')[0]!;
  bystanderWs = new WebSocket(`${base.replace('http', 'ws')}/ws`, { headers: { cookie: bystanderCookie } });
  await new Promise((resolve, reject) => {
    bystanderWs.once('open', resolve);
    bystanderWs.once('error', reject);
  });
  bystanderIo = ioClient(base, { transports: ['websocket'], reconnection: false, extraHeaders: { cookie: bystanderCookie } });
  await new Promise((resolve) => bystanderIo.once('connect', () => resolve(null)));
  const list = (await (await fetch(`${base}/api/captures?kind=websocket`, { headers: { cookie: bystanderCookie } })).json()) as {
    captures: Capture[];
  };
  bystanderCaptureId = list.captures.find((capture) => capture.url === '/ws')!.id;
});

afterAll(async () => {
  bystanderWs.close();
  bystanderIo.close();
  await server.close();
});

afterEach(async () => {
  expect((await fetch(`${base}/api/health`)).status).toBe(200);
  const echoed = new Promise<string>((resolve) => bystanderWs.once('message', (data) => resolve(String(data))));
  bystanderWs.send('still here?');
  expect(await echoed).toBe('still here?');
  expect(await bystanderIo.timeout(2000).emitWithAck('echo:send', 'still here?')).toMatchObject({ payload: 'still here?' });
  echoes += 1;
  // The tap's record of the bystander's connection: same head and status, and exactly its own frames.
  const capture = await bystanderCapture();
  expect(capture.requestHead).toMatch(/^GET \/ws HTTP\/1\.1\r\n/);
  expect(capture.status).toBe(101);
  expect(capture.frames.length + capture.framesOmitted).toBe(2 * echoes);
  expect(capture.frames.every((frame) => frame.opcode === 0x1 && frame.payloadPreview === 'still here?')).toBe(true);
});

const statusOf = (response: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(response)?.[1] ?? 0);

describe('HTTP', () => {
  it('malformed request line → 400', async () => {
    expect(statusOf(await rawExchange(server.port, 'GARBAGE / NOT-HTTP\r\n\r\n'))).toBe(400);
  });

  it('request line with a bare LF and no version → 400', async () => {
    expect(statusOf(await rawExchange(server.port, 'GET /\n\n'))).toBe(400);
  });

  it('headers over 16 KiB → 431', async () => {
    const big = `GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(17 * 1024)}\r\n\r\n`;
    expect(statusOf(await rawExchange(server.port, big))).toBe(431);
  });

  it('HTTP/1.1 without Host → 400', async () => {
    expect(statusOf(await rawExchange(server.port, 'GET /api/health HTTP/1.1\r\nConnection: close\r\n\r\n'))).toBe(400);
  });

  it('control character in a header value → 400', async () => {
    expect(statusOf(await rawExchange(server.port, 'GET /api/health HTTP/1.1\r\nHost: x\r\nX-Bad: a\x01b\r\n\r\n'))).toBe(400);
  });

  it('Content-Length and Transfer-Encoding together (request smuggling) → 400', async () => {
    const smuggle =
      'POST /api/devices/broadcast HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n';
    expect(statusOf(await rawExchange(server.port, smuggle))).toBe(400);
  });

  it('invalid JSON body → 400 bad_json', async () => {
    const response = await rawExchange(
      server.port,
      'POST /api/devices/broadcast HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 11\r\nConnection: close\r\n\r\n{"payload":',
    );
    expect(statusOf(response)).toBe(400);
    expect(response).toContain('"code":"bad_json"');
  });

  it('JSON body over 100 kB → 413', async () => {
    const response = await fetch(`${base}/api/security/tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'x'.repeat(150_000) }),
    });
    expect(response.status).toBe(413);
  });

  it('slowloris: a request head dribbled too slowly is cut off with 408', async () => {
    const previous = server.httpServer.headersTimeout;
    server.httpServer.headersTimeout = 1500;
    try {
      const response = await new Promise<string>((resolve) => {
        const socket = connect(server.port, '127.0.0.1');
        let received = '';
        const drip = setInterval(() => socket.write('X-Slow: 1\r\n'), 200);
        socket.on('data', (chunk) => (received += chunk.toString('latin1')));
        socket.on('close', () => {
          clearInterval(drip);
          resolve(received);
        });
        socket.on('error', () => {});
        socket.write('GET /api/health HTTP/1.1\r\nHost: x\r\n');
      });
      expect(statusOf(response)).toBe(408);
    } finally {
      server.httpServer.headersTimeout = previous;
    }
  });
});

describe('WebSocket handshake', () => {
  it('Upgrade header absent on /ws → 426', async () => {
    expect(statusOf(await rawExchange(server.port, handshake('/ws', { Upgrade: '', Connection: 'close' })))).toBe(426);
  });

  it('Upgrade: h2c instead of websocket → 426', async () => {
    expect(statusOf(await rawExchange(server.port, handshake('/ws', { Upgrade: 'h2c' })))).toBe(426);
  });

  it('Sec-WebSocket-Version 8 → 426 with Sec-WebSocket-Version: 13', async () => {
    const response = await rawExchange(server.port, handshake('/ws', { 'Sec-WebSocket-Version': '8' }));
    expect(statusOf(response)).toBe(426);
    expect(response).toMatch(/\r\nSec-WebSocket-Version: 13\r\n/);
  });

  it('Sec-WebSocket-Key of 15 bytes → 400', async () => {
    const key = Buffer.alloc(15, 7).toString('base64');
    expect(statusOf(await rawExchange(server.port, handshake('/ws', { 'Sec-WebSocket-Key': key })))).toBe(400);
  });

  it('Sec-WebSocket-Key absent → 400', async () => {
    expect(statusOf(await rawExchange(server.port, handshake('/ws', { 'Sec-WebSocket-Key': '' })))).toBe(400);
  });

  it('POST with Upgrade: websocket → 405', async () => {
    const response = await rawExchange(server.port, handshake('/ws').replace(/^GET/, 'POST'));
    expect(statusOf(response)).toBe(405);
  });

  it('foreign Origin → 403', async () => {
    expect(statusOf(await rawExchange(server.port, handshake('/ws', { Origin: 'http://evil.example' })))).toBe(403);
  });

  it('unknown upgrade path → 404', async () => {
    expect(statusOf(await rawExchange(server.port, handshake('/nowhere')))).toBe(404);
  });

  it('/ws/private without a ticket → 401', async () => {
    expect(statusOf(await rawExchange(server.port, handshake('/ws/private?ticket=forged')))).toBe(401);
  });
});

describe('WebSocket frames (after a valid handshake on /ws)', () => {
  const cases: [string, Buffer, number][] = [
    ['unmasked client frame', frame({ opcode: 0x1, payload: 'hi', masked: false }), 1002],
    ['reserved data opcode 0x3', frame({ opcode: 0x3, payload: 'hi' }), 1002],
    ['reserved control opcode 0xB', frame({ opcode: 0xb }), 1002],
    ['RSV1 set without a negotiated extension', frame({ opcode: 0x1, rsv: 0b100, payload: 'hi' }), 1002],
    ['ping with a 126-byte payload (control frames ≤ 125)', frame({ opcode: 0x9, payload: Buffer.alloc(126) }), 1002],
    ['fragmented ping (control frames must not be fragmented)', frame({ opcode: 0x9, fin: false, payload: 'x' }), 1002],
    ['continuation frame with nothing to continue', frame({ opcode: 0x0, payload: 'orphan' }), 1002],
    [
      'new text frame while a fragmented message is open',
      Buffer.concat([frame({ opcode: 0x1, fin: false, payload: 'part' }), frame({ opcode: 0x1, payload: 'again' })]),
      1002,
    ],
    [
      '64-bit length with the top bit set',
      frame({ opcode: 0x2, lengthBytes: Buffer.from([127, 0x80, 0, 0, 0, 0, 0, 0, 1]) }),
      1009,
    ],
    [
      'declared length over the 1 MiB limit',
      frame({ opcode: 0x2, lengthBytes: Buffer.from([127, 0, 0, 0, 0, 0, 0x20, 0, 0]) }),
      1009,
    ],
    ['invalid UTF-8 in a text frame', frame({ opcode: 0x1, payload: Buffer.from([0xc3, 0x28]) }), 1007],
    ['close frame with a 1-byte payload', frame({ opcode: 0x8, payload: Buffer.from([0x03]) }), 1002],
    ['close frame with code 999', frame({ opcode: 0x8, payload: closePayload(999) }), 1002],
    ['close frame with the reserved code 1005', frame({ opcode: 0x8, payload: closePayload(1005) }), 1002],
    ['close reason that is not UTF-8', frame({ opcode: 0x8, payload: Buffer.concat([closePayload(1000), Buffer.from([0xff])]) }), 1007],
  ];

  // The title's placeholders take the arguments in order: name, then the expected code.
  it.each(cases.map(([name, bytes, code]) => [name, code, bytes] as const))('%s → close %i', async (_name, expected, bytes) => {
    const raw = await openRawWebSocket(server.port);
    raw.socket.write(bytes);
    expect(await raw.serverClose()).toBe(expected);
  });

  it('a whole message over 1 MiB → close 1009', async () => {
    const raw = await openRawWebSocket(server.port);
    raw.socket.write(frame({ opcode: 0x2, payload: Buffer.alloc(1024 * 1024 + 1) }));
    expect(await raw.serverClose()).toBe(1009);
  });

  it('abrupt TCP reset in the middle of a frame: the server drops only that connection', async () => {
    const raw = await openRawWebSocket(server.port);
    const whole = frame({ opcode: 0x1, payload: 'x'.repeat(1000) });
    const port = raw.socket.localPort;
    const bytesSeen = () => capturesWhere(server, (record) => record.remote.port === port)[0]?.wire.clientBytes ?? 0;
    const handshakeBytes = await waitFor(bytesSeen, (bytes) => bytes > 0);
    raw.socket.write(whole.subarray(0, 300));
    // The reset must land mid-frame: wait until the server has read those 300 bytes.
    await waitFor(bytesSeen, (bytes) => bytes >= handshakeBytes + 300);
    raw.socket.resetAndDestroy();
    expect(await raw.serverClose()).toBeNull();
  });
});

describe('Engine.IO and Socket.IO', () => {
  const poll = (query: string, init: RequestInit = {}) => fetch(`${base}/socket.io/?EIO=4&transport=polling${query}`, init);

  async function openPollingSession(): Promise<string> {
    const open = await (await poll('')).text();
    return (JSON.parse(open.slice(1)) as { sid: string }).sid;
  }

  it('unknown sid → 400 "Session ID unknown"', async () => {
    const response = await poll('&sid=not-a-session');
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ code: 1, message: 'Session ID unknown' });
  });

  it('unknown transport → 400', async () => {
    const response = await fetch(`${base}/socket.io/?EIO=4&transport=carrier-pigeon`);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 0 });
  });

  it('Engine.IO protocol 3 → 400 unsupported protocol version', async () => {
    const response = await fetch(`${base}/socket.io/?EIO=3&transport=polling`);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 5 });
  });

  it('garbage Engine.IO packet in a polling POST: that session is closed, its sid becomes unknown (400)', async () => {
    const sessions = new Map<string, EventEmitter>();
    const onSession = (session: EventEmitter & { id: string }) => sessions.set(session.id, session);
    server.io.engine.on('connection', onSession);
    const sid = await openPollingSession();
    server.io.engine.off('connection', onSession);
    const closed = once(sessions.get(sid)!, 'close');
    await poll(`&sid=${sid}`, { method: 'POST', body: '\u0000garbage\u001e???' });
    await closed;
    expect((await poll(`&sid=${sid}`)).status).toBe(400);
  });

  function rawSocketIo(): Promise<{ socket: WebSocket; closed: Promise<number> }> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(`${base.replace('http', 'ws')}/socket.io/?EIO=4&transport=websocket`);
      const closed = new Promise<number>((done) => socket.once('close', (code) => done(code)));
      socket.once('error', reject);
      socket.on('message', (data) => {
        const text = String(data);
        if (text.startsWith('0')) socket.send('40');
        if (text.startsWith('40')) resolve({ socket, closed });
      });
    });
  }

  it('garbage Engine.IO packet type over WebSocket: that client is disconnected', async () => {
    const { socket, closed } = await rawSocketIo();
    socket.send('9nonsense');
    await closed;
    expect(socket.readyState).toBe(WebSocket.CLOSED);
  });

  it('Socket.IO packet with invalid JSON: that client is disconnected', async () => {
    const { socket, closed } = await rawSocketIo();
    socket.send('42["echo:send",{');
    await closed;
    expect(socket.readyState).toBe(WebSocket.CLOSED);
  });

  it('socket.io-parser attachment bomb (claims 99999 binary attachments): that client is disconnected', async () => {
    const { socket, closed } = await rawSocketIo();
    socket.send('4599999-["echo:send",{"_placeholder":true,"num":0}]');
    await closed;
    expect(socket.readyState).toBe(WebSocket.CLOSED);
  });

  it('placeholder pointing past the attachments it brought: that client is disconnected', async () => {
    const { socket, closed } = await rawSocketIo();
    socket.send('451-["echo:send",{"_placeholder":true,"num":7}]');
    socket.send(Buffer.from([1, 2, 3]));
    await closed;
    expect(socket.readyState).toBe(WebSocket.CLOSED);
  });

  it('Socket.IO message over maxHttpBufferSize (1 MB): that client is disconnected', async () => {
    const { socket, closed } = await rawSocketIo();
    socket.send(`42["echo:send","${'x'.repeat(1_100_000)}"]`);
    expect(await closed).toBe(1009);
  });
});

describe('polling and SSE', () => {
  it('short poll with after=abc → 400 bad_after', async () => {
    const response = await fetch(`${base}/api/poll/short?after=abc`);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'bad_after' } });
  });

  it('short poll with a 40-digit after → 400 (no precision games)', async () => {
    expect((await fetch(`${base}/api/poll/short?after=${'9'.repeat(40)}`)).status).toBe(400);
  });

  it('long poll with after=-1 → 400 at once, not held', async () => {
    const response = await fetch(`${base}/api/poll/long?after=-1`, { signal: AbortSignal.timeout(3000) });
    expect(response.status).toBe(400);
  });

  it('long poll with after given twice → 400', async () => {
    expect((await fetch(`${base}/api/poll/long?after=1&after=2`, { signal: AbortSignal.timeout(3000) })).status).toBe(400);
  });

  it('feed message that is not JSON → 400 bad_json', async () => {
    const response = await rawExchange(
      server.port,
      'POST /api/poll/messages HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 7\r\nConnection: close\r\n\r\n{"text"',
    );
    expect(statusOf(response)).toBe(400);
    expect(response).toContain('"code":"bad_json"');
  });

  it('feed message whose text is a number → 400 bad_text', async () => {
    const response = await fetch(`${base}/api/poll/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 42 }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'bad_text' } });
  });

  it('SSE with a garbage Last-Event-ID → 200 event stream from the start, not an error', async () => {
    const raw = await rawExchange(
      server.port,
      `GET /api/sse/ticker HTTP/1.1\r\nHost: x\r\nLast-Event-ID: ${'9'.repeat(30)}junk\r\n\r\n`,
    );
    expect(statusOf(raw)).toBe(200);
    expect(raw).toMatch(/content-type: text\/event-stream/i);
  });
});

describe('lab parameters out of range', () => {
  const post = (path: string, body: unknown) =>
    fetch(`${base}/api${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('lab job with a huge durationMs → 400 bad_duration_ms (never runs)', async () => {
    const response = await post('/lab/jobs', { mode: 'blocking', durationMs: 1e308 });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'bad_duration_ms' } });
  });

  it('lab job with durationMs as a string → 400', async () => {
    expect((await post('/lab/jobs', { mode: 'worker', durationMs: '100' })).status).toBe(400);
  });

  it('lab job with an unknown mode → 400 bad_mode', async () => {
    const response = await post('/lab/jobs', { mode: 'eval', durationMs: 10 });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'bad_mode' } });
  });

  it('lab batch of 10^6 jobs → 400', async () => {
    expect((await post('/lab/batch', { mode: 'async', durationMs: 10, count: 1e6 })).status).toBe(400);
  });

  it('ordering experiment that is code, not a catalogue id → 400 bad_experiment (never evaluated)', async () => {
    const response = await post('/lab/order', { experiment: 'process.exit(1)' });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'bad_experiment' } });
  });

  it('invalid JSON to the lab → 400 bad_json', async () => {
    const response = await fetch(`${base}/api/lab/jobs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"mode":' });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'bad_json' } });
  });

  it('huge token lifetime → 400 bad_ttl_ms', async () => {
    const response = await post('/security/tokens', { name: 'a', ttlMs: 1e308 });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'bad_ttl_ms' } });
  });

  it('simulator count 10^9 → 400 bad_count', async () => {
    const response = await post('/devices/simulator', { count: 1e9 });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'bad_count' } });
  });

  it('huge flood durationMs → 400 bad_duration_ms', async () => {
    const response = await post('/devices/flood', { ratePerDevice: 10, durationMs: 9e15 });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'bad_duration_ms' } });
  });
});
