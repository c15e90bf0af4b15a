// The bad-input corpus (bench/src/corpus, shared with `npm run soak`): real bytes that a broken or
// hostile client might send, across HTTP, the WebSocket handshake, WebSocket frames, Engine.IO /
// Socket.IO packets, the lab APIs, and the security promises (Host, Origin, tickets, pipelining,
// sessions). For each: the documented status or close code, the server stays up, a bystander's open
// connections (a raw WebSocket and a Socket.IO session) keep working, and the wire tap's capture of
// the bystander's WebSocket stays intact (its head, status and every echoed frame).
// A few cases need the server in this process (a shorter timeout): they follow the corpus.

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { connect } from 'node:net';
import WebSocket from 'ws';
import { io as ioClient, type Socket } from 'socket.io-client';
import type { Capture } from '@loopwire/contract';
import type { LoopwireServer } from '../src/server.js';
import { corpusGroups, type Target } from '../../../bench/src/corpus/index.js';
import { openRawWebSocket } from '../../../bench/src/corpus/wire.js';
import { startTestServer } from './helpers.js';

let server: LoopwireServer;
let target: Target;
let bystanderWs: WebSocket;
let bystanderIo: Socket;
let bystanderCookie: string;
let bystanderCaptureId: string;
let echoes = 0;

async function bystanderCapture(): Promise<Capture> {
  const response = await fetch(`${target.url}/api/captures/${bystanderCaptureId}`, { headers: { cookie: bystanderCookie } });
  expect(response.status).toBe(200);
  return (await response.json()) as Capture;
}

beforeAll(async () => {
  server = await startTestServer();
  target = { port: server.port, url: server.url };
  const first = await fetch(`${target.url}/api/health`);
  bystanderCookie = first.headers.getSetCookie()[0]!.split(';')[0]!;
  bystanderWs = new WebSocket(`${target.url.replace('http', 'ws')}/ws`, { headers: { cookie: bystanderCookie } });
  await new Promise((resolve, reject) => {
    bystanderWs.once('open', resolve);
    bystanderWs.once('error', reject);
  });
  bystanderIo = ioClient(target.url, { transports: ['websocket'], reconnection: false, extraHeaders: { cookie: bystanderCookie } });
  await new Promise((resolve) => bystanderIo.once('connect', () => resolve(null)));
  const list = (await (await fetch(`${target.url}/api/captures?kind=websocket`, { headers: { cookie: bystanderCookie } })).json()) as {
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
  expect((await fetch(`${target.url}/api/health`)).status).toBe(200);
  const echoed = new Promise<string>((resolve) => bystanderWs.once('message', (data) => resolve(String(data))));
  bystanderWs.send('still here?');
  expect(await echoed).toBe('still here?');
  expect(await bystanderIo.timeout(2000).emitWithAck('echo:send', 'still here?')).toMatchObject({ payload: 'still here?' });
  echoes += 1;
  // The tap's record of the bystander's connection: same head and status, and exactly its own messages
  // (the server's heartbeat pings and their pongs are control frames, not messages).
  const capture = await bystanderCapture();
  expect(capture.requestHead).toMatch(/^GET \/ws HTTP\/1\.1\r\n/);
  expect(capture.status).toBe(101);
  const messages = capture.frames.filter((frame) => frame.opcode < 0x8);
  expect(messages.length + capture.framesOmitted).toBe(2 * echoes);
  expect(messages.every((frame) => frame.opcode === 0x1 && frame.payloadPreview === 'still here?')).toBe(true);
});

describe.each(Object.entries(corpusGroups))('%s', (_group, cases) => {
  it.each(cases.map((corpusCase) => [corpusCase.name, corpusCase] as const))('%s', async (_name, corpusCase) => {
    await corpusCase.send(target);
  });
});

describe('needing the server in this process', () => {
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
        socket.write('GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n');
      });
      expect(response).toMatch(/^HTTP\/1\.1 408 /);
    } finally {
      server.httpServer.headersTimeout = previous;
    }
  });

  it('a /ws peer that never answers pings is dropped by the heartbeat; one that answers stays', async () => {
    // A second per ping: a busy test process must not delay a pong past the next ping.
    const quick = await startTestServer({ wsHeartbeatMs: 1000 });
    try {
      const quickTarget = { port: quick.port, url: quick.url };
      // The `ws` client answers pings by itself, as browsers do.
      const answering = new WebSocket(`${quick.url.replace('http', 'ws')}/ws`);
      let pings = 0;
      answering.on('ping', () => (pings += 1));
      await new Promise((resolve) => answering.once('open', resolve));
      // A raw client reads the ping frames but never sends a pong.
      const silent = await openRawWebSocket(quickTarget);
      expect(await silent.serverClose()).toBeNull();
      expect(silent.pings()).toBe(1);
      await expect.poll(() => pings, { timeout: 5000 }).toBeGreaterThanOrEqual(3);
      expect(answering.readyState).toBe(WebSocket.OPEN);
      answering.close();
    } finally {
      await quick.close();
    }
  });
});
