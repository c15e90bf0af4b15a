// Bytes on the wire per delivered message, per transport, for a 32-byte text, read from the tap's
// `wire` byte counts: one feed message published through POST /api/poll/messages reaches a subscriber by
// short polling, long polling, SSE, the raw WebSocket feed and Socket.IO. Request bytes count too
// (a poll is a request per message); the POSTs that publish are not counted.

import { request, type IncomingMessage } from 'node:http';
import { io } from 'socket.io-client';
import WebSocket from 'ws';
import { payload32 } from '../echo-pump.js';
import { measured, MissingFeature, unmeasured, type Row } from '../report.js';
import { openSession, type CaptureSummary, type Session } from '../session.js';
import { withServer } from '../server-process.js';
import type { Sizes } from '../sizes.js';
import { sleep } from '../stats.js';

interface FeedMessage {
  id: number;
  text: string;
  at: number;
}

const wireBytes = (capture: CaptureSummary): { client: number; server: number } => {
  if (!capture.wire) throw new MissingFeature('captures carry no `wire` byte counts ({clientBytes, serverBytes})');
  return { client: capture.wire.clientBytes, server: capture.wire.serverBytes };
};

async function publish(session: Session): Promise<FeedMessage> {
  const response = await session.post<{ message: FeedMessage }>('/api/poll/messages', { text: payload32 });
  if (response.status === 404) throw new MissingFeature('the message feed is not on this branch: POST /api/poll/messages answered 404');
  if (response.status !== 201) throw new Error(`POST /api/poll/messages answered ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.message;
}

async function capturesOf(session: Session, kind: string): Promise<CaptureSummary[]> {
  await sleep(100); // the tap counts the last bytes as they leave; give the loop a turn
  const captures = await session.captures(kind);
  if (captures === null) throw new MissingFeature('the wire tap is not on this branch: GET /api/captures did not answer 200 {captures}');
  return captures;
}

function perMessageRow(name: string, messages: number, client: number, server: number, how: string): Row {
  return measured(`transport.bytes_per_message.${name}`, (client + server) / messages, 'B', null, `${how}: ${(client / messages).toFixed(0)} B up + ${(server / messages).toFixed(0)} B down per message`);
}

/** One GET /api/poll/short per message, made after the message exists: short polling at its best. */
async function shortPolling(session: Session, messages: number): Promise<Row> {
  for (let index = 0; index < messages; index++) {
    const last = (await publish(session)).id;
    const response = await session.get<{ messages: FeedMessage[] }>(`/api/poll/short?after=${last - 1}`);
    if (response.status !== 200 || response.body.messages?.length !== 1) throw new Error(`GET /api/poll/short answered ${response.status} ${JSON.stringify(response.body)}`);
  }
  const captures = (await capturesOf(session, 'short-polling')).slice(0, messages);
  if (captures.length < messages) throw new Error(`the tap holds ${captures.length} short-polling captures, expected ${messages}`);
  const totals = captures.map(wireBytes).reduce((sum, bytes) => ({ client: sum.client + bytes.client, server: sum.server + bytes.server }));
  return perMessageRow('short_polling', messages, totals.client, totals.server, 'one poll per message (no empty polls)');
}

/** A held GET /api/poll/long answered by the next message. */
async function longPolling(session: Session, messages: number): Promise<Row> {
  let last = (await publish(session)).id;
  for (let index = 0; index < messages; index++) {
    const held = session.get<{ messages: FeedMessage[] }>(`/api/poll/long?after=${last}`);
    await sleep(20);
    last = (await publish(session)).id;
    const response = await held;
    if (response.status !== 200 || response.body.messages?.length !== 1) throw new Error(`GET /api/poll/long answered ${response.status} ${JSON.stringify(response.body)}`);
  }
  const captures = (await capturesOf(session, 'long-polling')).slice(0, messages);
  if (captures.length < messages) throw new Error(`the tap holds ${captures.length} long-polling captures, expected ${messages}`);
  const totals = captures.map(wireBytes).reduce((sum, bytes) => ({ client: sum.client + bytes.client, server: sum.server + bytes.server }));
  return perMessageRow('long_polling', messages, totals.client, totals.server, 'one held request per message');
}

/**
 * For a stream that stays open (SSE, WebSocket, Socket.IO): the growth of its capture's byte counts while
 * `messages` feed messages are delivered, minus what the client saw arrive that was not a feed message
 * (SSE ticker events, heartbeats), so the number is per message only.
 */
async function streamDelta(
  session: Session,
  kind: string,
  pick: (capture: CaptureSummary) => boolean,
  messages: number,
  subscriber: { received(): number; otherBytes(): number },
): Promise<{ client: number; server: number }> {
  const find = async () => {
    const capture = (await capturesOf(session, kind)).find(pick);
    if (!capture) throw new Error(`the tap holds no ${kind} capture for the subscriber`);
    return wireBytes(capture);
  };
  const before = await find();
  const otherBefore = subscriber.otherBytes();
  const target = subscriber.received() + messages;
  for (let index = 0; index < messages; index++) await publish(session);
  for (let waited = 0; subscriber.received() < target; waited += 10) {
    if (waited > 5000) throw new Error(`${kind}: ${target - subscriber.received()} feed messages never arrived`);
    await sleep(10);
  }
  const after = await find();
  return { client: after.client - before.client, server: after.server - before.server - (subscriber.otherBytes() - otherBefore) };
}

/** SSE over a plain HTTP request, price updates off; the client still splits events so a heartbeat is not counted as a message. */
async function serverSentEvents(session: Session, messages: number): Promise<Row> {
  const response = await new Promise<IncomingMessage>((resolve, reject) => {
    const req = request(new URL('/api/sse/ticker?updates=0', session.baseUrl), { headers: { Accept: 'text/event-stream', ...session.cookieHeader() } }, resolve);
    req.on('error', reject);
    req.end();
  });
  if (response.statusCode === 404) {
    response.destroy();
    throw new MissingFeature('SSE is not on this branch: GET /api/sse/ticker answered 404');
  }
  let received = 0;
  let otherBytes = 0;
  let pending = '';
  const chunked = response.headers['transfer-encoding'] === 'chunked';
  response.on('data', (chunk: Buffer) => {
    pending += chunk.toString('utf8');
    let end: number;
    while ((end = pending.indexOf('\n\n')) !== -1) {
      const event = pending.slice(0, end + 2);
      pending = pending.slice(end + 2);
      if (event.includes(payload32)) received++;
      // A non-feed event's bytes on the wire: its text plus, when chunked, one chunk's framing ("<hex>\r\n…\r\n").
      else otherBytes += Buffer.byteLength(event) + (chunked ? Buffer.byteLength(event).toString(16).length + 4 : 0);
    }
  });
  try {
    await sleep(200);
    const { client, server } = await streamDelta(session, 'sse', () => true, messages, { received: () => received, otherBytes: () => otherBytes });
    return perMessageRow('sse', messages, client, server, `one open text/event-stream response${chunked ? ' (chunked)' : ''}`);
  } finally {
    response.destroy();
  }
}

async function rawWebSocketFeed(session: Session, messages: number): Promise<Row> {
  const socket = new WebSocket(new URL('/ws/feed', session.baseUrl.replace(/^http/, 'ws')), { headers: session.cookieHeader() });
  let received = 0;
  socket.on('message', (data) => {
    if (data.toString().includes(payload32)) received++;
  });
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('unexpected-response', (_req, res) => reject(res.statusCode === 404 ? new MissingFeature('the raw WebSocket feed is not on this branch: /ws/feed answered 404') : new Error(`/ws/feed answered ${res.statusCode}`)));
      socket.once('error', reject);
    });
    await sleep(100);
    const { client, server } = await streamDelta(session, 'websocket', (capture) => capture.url?.startsWith('/ws/feed') ?? false, messages, { received: () => received, otherBytes: () => 0 });
    return perMessageRow('websocket', messages, client, server, 'one text frame per message on /ws/feed');
  } finally {
    socket.terminate();
  }
}

async function socketIoFeed(session: Session, messages: number): Promise<Row> {
  const socket = io(session.baseUrl, { transports: ['websocket'], forceNew: true, reconnection: false, extraHeaders: session.cookieHeader() });
  let received = 0;
  socket.on('feed:message', () => received++);
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('connect_error', reject);
    });
    // The feed goes to the `feed` room only: subscribe (from now on) as the transports lab does.
    await socket.timeout(5000).emitWithAck('feed:subscribe', null);
    await sleep(100);
    const { client, server } = await streamDelta(session, 'socket.io', (capture) => capture.url?.includes('transport=websocket') ?? false, messages, { received: () => received, otherBytes: () => 0 });
    return perMessageRow('socketio', messages, client, server, 'one `42["feed:message",…]` frame per message over the websocket transport');
  } finally {
    socket.close();
  }
}

const measurements = [
  ['short_polling', shortPolling],
  ['long_polling', longPolling],
  ['sse', serverSentEvents],
  ['websocket', rawWebSocketFeed],
  ['socketio', socketIoFeed],
] as const;

export const transportNames = measurements.map(([name]) => name);

export async function benchTransportBytes(sizes: Sizes['transportBytes']): Promise<Row[]> {
  return withServer({ TAP: 'on' }, async (server) => {
    const session = await openSession(server.url);
    try {
      // Both halves must be there before any transport is tried: the feed to send, the tap to count.
      await publish(session);
      await capturesOf(session, 'http');
      const rows: Row[] = [];
      for (const [name, measure] of measurements) {
        try {
          rows.push(await measure(session, sizes.messages));
        } catch (error) {
          const note = error instanceof MissingFeature ? error.message : `error: ${(error as Error).message}`;
          rows.push(unmeasured(`transport.bytes_per_message.${name}`, 'B', null, note));
        }
      }
      return rows;
    } finally {
      session.close();
    }
  });
}
