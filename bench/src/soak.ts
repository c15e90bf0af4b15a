// `npm run soak [-- --minutes N]` (default 10): every transport, lab jobs in all four modes, the device
// simulator and the bad-input corpus, all at once against the built server in its own process group.
// Every 5 s: the server's resident memory, event-loop lag, open file descriptors and the error count
// go to bench/soak.json; docs/soak.svg plots them. Pass: the server never exits, no client meets an
// unexpected answer, every client is served, and resident memory after the warm-up grows by 10 % at most
// (soak-memory.ts).

import { readdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import WebSocket from 'ws';
import { io as ioClient } from 'socket.io-client';
import { corpusGroups, type Target } from './corpus/index.js';
import { paths } from './paths.js';
import { startServer } from './server-process.js';
import { soakSvg, type SoakSample } from './soak-chart.js';
import { memoryVerdict } from './soak-memory.js';

const { values } = parseArgs({ options: { minutes: { type: 'string', default: '10' } } });
const minutes = Number(values.minutes);
if (!Number.isFinite(minutes) || minutes <= 0 || minutes > 600) {
  console.error(`--minutes: expected a number of minutes from 0 to 600, got "${values.minutes}"`);
  process.exit(2);
}
const durationMs = minutes * 60_000;
const sampleEveryMs = 5000;
/** RSS is judged from here on: the capture store, the feed history and V8's heap fill up first. */
const warmUpMs = Math.min(120_000, durationMs / 4);

interface Workload {
  ok: number;
  errors: number;
  firstErrors: string[];
}
const workloads = new Map<string, Workload>();
function workload(name: string): Workload {
  let entry = workloads.get(name);
  if (!entry) workloads.set(name, (entry = { ok: 0, errors: 0, firstErrors: [] }));
  return entry;
}
const fail = (name: string, error: unknown) => {
  const entry = workload(name);
  entry.errors += 1;
  if (entry.firstErrors.length < 5) entry.firstErrors.push(error instanceof Error ? error.message : String(error));
};
const errorCount = () => [...workloads.values()].reduce((sum, entry) => sum + entry.errors, 0);

let serverErrorLines = 0;
const server = await startServer({}, { onLine: (line) => (/^loopwire: error on /.test(line) ? (serverErrorLines += 1) : undefined) });
const target: Target = { port: server.port, url: server.url };
const started = Date.now();
const running = () => Date.now() - started < durationMs;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
console.log(`Loopwire soak: ${minutes} min against ${server.url} (pid ${server.pid}), ${cpus().length} CPUs, load ${loadavg()[0]!.toFixed(1)}`);

/** Repeats `step` until the soak ends, counting each success and each unexpected answer. */
async function loop(name: string, everyMs: number, step: () => Promise<void>): Promise<void> {
  while (running()) {
    try {
      await step();
      workload(name).ok += 1;
    } catch (error) {
      fail(name, error);
    }
    await pause(everyMs);
  }
}

async function expectStatus(response: Response, status: number, what: string): Promise<Response> {
  if (response.status !== status) throw new Error(`${what}: expected ${status}, got ${response.status} ${(await response.text()).slice(0, 120)}`);
  return response;
}

// The feed: one publisher, heard by every feed client below.
let published = 0;
const publisher = loop('feed publisher', 250, async () => {
  const response = await fetch(`${server.url}/api/poll/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: `soak ${published + 1}` }) });
  await (await expectStatus(response, 201, 'publish')).json();
  published += 1;
});

const received = new Map<string, number>();
const heard = (name: string) => received.set(name, (received.get(name) ?? 0) + 1);

async function latestId(): Promise<number> {
  const { messages } = (await (await fetch(`${server.url}/api/poll/short?after=0`)).json()) as { messages: { id: number }[] };
  return messages.at(-1)?.id ?? 0;
}
const startId = await latestId();

let shortAfter = startId;
const shortPolling = loop('short polling', 200, async () => {
  const response = await expectStatus(await fetch(`${server.url}/api/poll/short?after=${shortAfter}`), 200, 'short poll');
  const { messages } = (await response.json()) as { messages: { id: number }[] };
  for (let count = 0; count < messages.length; count++) heard('short polling');
  shortAfter = messages.at(-1)?.id ?? shortAfter;
});

let longAfter = startId;
const longPolling = loop('long polling', 0, async () => {
  const response = await fetch(`${server.url}/api/poll/long?after=${longAfter}`);
  if (response.status === 204) return;
  const { messages } = (await (await expectStatus(response, 200, 'long poll')).json()) as { messages: { id: number }[] };
  for (let count = 0; count < messages.length; count++) heard('long polling');
  longAfter = messages.at(-1)?.id ?? longAfter;
});

/** An SSE reader that reconnects with Last-Event-ID if the stream ends. */
const sse = (async () => {
  let lastId = String(startId);
  while (running()) {
    try {
      const controller = new AbortController();
      const stop = setTimeout(() => controller.abort(), Math.max(0, durationMs - (Date.now() - started)));
      const response = await expectStatus(await fetch(`${server.url}/api/sse/ticker?updates=1`, { headers: { 'last-event-id': lastId }, signal: controller.signal }), 200, 'sse');
      const decoder = new TextDecoder();
      let buffer = '';
      for await (const chunk of response.body!) {
        buffer += decoder.decode(chunk as Uint8Array, { stream: true });
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const event = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (/^event: message$/m.test(event)) {
            heard('sse');
            lastId = /^id: (\d+)$/m.exec(event)?.[1] ?? lastId;
          }
        }
        workload('sse').ok += 1;
      }
      clearTimeout(stop);
    } catch (error) {
      if (running()) fail('sse', error);
    }
  }
})();

function openWebSocket(path: string, name: string, onMessage: (socket: WebSocket, data: string) => void): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${server.url.replace('http', 'ws')}${path}`);
    socket.on('message', (data) => onMessage(socket, String(data)));
    socket.on('close', (code) => {
      if (running()) fail(name, new Error(`closed with ${code} before the end`));
    });
    socket.once('open', () => resolve(socket));
    socket.once('error', reject);
  });
}

const pendingEchoes = new Set<string>();
const wsEcho = await openWebSocket('/ws', '/ws echo', (_socket, data) => {
  if (pendingEchoes.delete(data)) workload('/ws echo').ok += 1;
});
let echoSeq = 0;
const wsEchoLoop = (async () => {
  while (running()) {
    const text = `echo ${++echoSeq}`;
    pendingEchoes.add(text);
    wsEcho.send(text);
    await pause(50);
    if (pendingEchoes.size > 200) fail('/ws echo', new Error(`${pendingEchoes.size} echoes outstanding`));
  }
})();

const wsFeed = await openWebSocket(`/ws/feed?after=${startId}`, '/ws/feed', (_socket, data) => {
  if ((JSON.parse(data) as { type: string }).type === 'message') heard('/ws/feed');
});

async function socketIoClient(name: string, transports: ('polling' | 'websocket')[]) {
  const client = ioClient(server.url, { transports, reconnection: false });
  const connected = new Promise<void>((resolve, reject) => {
    client.once('connect', () => resolve());
    client.once('connect_error', reject);
  });
  client.on('connect', () => client.emit('feed:subscribe', startId, () => {}));
  client.on('feed:message', () => heard(name));
  client.on('disconnect', (reason) => {
    if (running()) fail(name, new Error(`disconnected: ${reason}`));
  });
  await connected;
  const echoes = loop(name, 100, async () => {
    if (!client.connected) throw new Error('not connected');
    const reply = (await client.timeout(5000).emitWithAck('echo:send', 'soak')) as { payload: unknown };
    if (reply.payload !== 'soak') throw new Error(`echo answered ${JSON.stringify(reply)}`);
  });
  return { client, echoes };
}
const ioWebSocket = await socketIoClient('Socket.IO (websocket)', ['websocket']);
const ioPolling = await socketIoClient('Socket.IO (polling)', ['polling']);

// The event-loop lab in all four modes, each short enough that the blocking budget is never spent.
const modes = ['blocking', 'partitioned', 'async', 'worker'] as const;
let modeIndex = 0;
const labJobs = loop('lab jobs', 500, async () => {
  const mode = modes[modeIndex++ % modes.length]!;
  const response = await fetch(`${server.url}/api/lab/jobs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ mode, durationMs: 100 }) });
  await (await expectStatus(response, 200, `${mode} job`)).json();
});

// The device simulator: 100 devices, a broadcast every 2 s that all of them must acknowledge.
const devices = 100;
await expectStatus(await fetch(`${server.url}/api/devices/simulator`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ count: devices }) }), 202, 'simulator');
for (let waited = 0; ; waited += 250) {
  const fleet = (await (await fetch(`${server.url}/api/devices`)).json()) as { count: number };
  if (fleet.count === devices) break;
  if (waited > 30_000) throw new Error(`only ${fleet.count} of ${devices} simulated devices connected`);
  await pause(250);
}
// Each simulated device must ack within 5 s. The corpus now and then registers a raw device of its
// own that never acks; a broadcast that reaches it is settled only when the server gives up on it
// (its ack timeout, 10 s), so the wait is longer than 5 s and the 5 s is judged on the deliveries.
const ackWithinMs = 5000;
let broadcastsReachingCorpusDevice = 0;
const broadcasts = loop('device broadcasts', 2000, async () => {
  const sent = (await (await expectStatus(await fetch(`${server.url}/api/devices/broadcast`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"payload":"soak"}' }), 200, 'broadcast')).json()) as { id: string; recipients: number };
  if (sent.recipients < devices) throw new Error(`broadcast reached ${sent.recipients} of ${devices} devices`);
  if (sent.recipients > devices) broadcastsReachingCorpusDevice += 1;
  for (let waited = 0; waited < 15_000; waited += 100) {
    const result = (await (await fetch(`${server.url}/api/devices/broadcasts/${sent.id}`)).json()) as { acked: number; done: boolean; delivery: { max: number } | null; allAckedMs: number | null };
    if (result.done) {
      if (result.acked < devices) throw new Error(`${result.acked} of ${sent.recipients} acked`);
      if (result.delivery && result.delivery.max > ackWithinMs) throw new Error(`a device received the broadcast ${result.delivery.max} ms after it was sent`);
      if (sent.recipients === devices && (result.allAckedMs ?? Infinity) > ackWithinMs) throw new Error(`all acked after ${result.allAckedMs} ms`);
      return;
    }
    await pause(100);
  }
  throw new Error('the broadcast was not settled within 15 s');
});

// The bad-input corpus, case after case, over and over.
const cases = Object.entries(corpusGroups).flatMap(([group, list]) => list.map((corpusCase) => ({ group, corpusCase })));
const corpus = (async () => {
  let index = 0;
  while (running()) {
    const { group, corpusCase } = cases[index++ % cases.length]!;
    try {
      await corpusCase.send(target);
      workload('bad-input corpus').ok += 1;
    } catch (error) {
      fail('bad-input corpus', new Error(`${group} › ${corpusCase.name}: ${error instanceof Error ? error.message : String(error)}`));
    }
  }
})();

// Samples every 5 s.
const samples: SoakSample[] = [];
async function sample(): Promise<void> {
  const loop = (await (await fetch(`${server.url}/api/lab/loop`)).json()) as { samples: { lagMaxMs: number }[] };
  const recent = loop.samples.slice(-50);
  samples.push({
    atS: Math.round((Date.now() - started) / 100) / 10,
    rssMiB: Math.round(server.rssMiB() * 10) / 10,
    lagMaxMs: Math.round(Math.max(0, ...recent.map((entry) => entry.lagMaxMs)) * 10) / 10,
    handles: readdirSync(`/proc/${server.pid}/fd`).length,
    errors: errorCount() + serverErrorLines,
  });
  const last = samples.at(-1)!;
  console.log(`${(last.atS / 60).toFixed(1)} min  rss ${last.rssMiB} MiB  lag ${last.lagMaxMs} ms  fds ${last.handles}  errors ${last.errors}`);
}
while (running()) {
  await pause(sampleEveryMs);
  try {
    await sample();
  } catch (error) {
    fail('sampler', error);
  }
}

await Promise.all([publisher, shortPolling, longPolling, wsEchoLoop, labJobs, broadcasts, corpus, ioWebSocket.echoes, ioPolling.echoes]);
// The last message published must have reached every feed client (the SSE stream is cut at the end).
await pause(1500);
const serverAlive = (await fetch(`${server.url}/api/health`).catch(() => null))?.status === 200;
for (const socket of [wsEcho, wsFeed]) socket.close();
ioWebSocket.client.close();
ioPolling.client.close();
await Promise.race([sse, pause(3000)]);
await server.stop();

const feedClients = ['short polling', 'long polling', 'sse', '/ws/feed', 'Socket.IO (websocket)', 'Socket.IO (polling)'];
const { baselineMiB: baseline, endMiB: final, floorMiB: floor, peakMiB: peak, failure: memoryFailure } = memoryVerdict(samples, warmUpMs);
const reasons: string[] = [];
if (!serverAlive) reasons.push('the server stopped answering');
if (errorCount() > 0) reasons.push(`${errorCount()} unexpected answers (see workloads)`);
if (serverErrorLines > 0) reasons.push(`${serverErrorLines} error lines in the server log`);
for (const name of feedClients) {
  if ((received.get(name) ?? 0) < published * 0.95) reasons.push(`${name} heard ${received.get(name) ?? 0} of ${published} feed messages`);
}
for (const [name, entry] of workloads) if (entry.ok === 0) reasons.push(`${name} was never served`);
if (memoryFailure) reasons.push(memoryFailure);

const report = {
  startedAt: new Date(started).toISOString(),
  minutes,
  node: process.version,
  machine: { cpus: cpus().length, loadAverage1m: { end: Math.round(loadavg()[0]! * 100) / 100 } },
  pass: reasons.length === 0,
  reasons,
  rss: { warmUpS: warmUpMs / 1000, baselineMiB: baseline, endMiB: final, floorMiB: floor, peakMiB: peak },
  published,
  received: Object.fromEntries(received),
  corpusCases: cases.length,
  broadcastsReachingCorpusDevice,
  serverErrorLines,
  workloads: Object.fromEntries(workloads),
  samples,
};
writeFileSync(`${paths.repoRoot}bench/soak.json`, `${JSON.stringify(report, null, 2)}\n`);
writeFileSync(
  `${paths.repoRoot}docs/soak.svg`,
  soakSvg(samples, warmUpMs / 1000, baseline, `npm run soak: ${minutes} min, ${report.pass ? 'pass' : 'FAIL'}, RSS ${baseline} → ${final} MiB (peak ${peak})`),
);
console.log(`\n${report.pass ? 'PASS' : 'FAIL'}: ${reasons.join('; ') || 'no crash, no unexpected answer, every client served, RSS bounded'}`);
for (const [name, entry] of workloads) console.log(`  ${name}: ${entry.ok} ok, ${entry.errors} unexpected${entry.firstErrors.length ? ` (${entry.firstErrors[0]})` : ''}`);
console.log('written to bench/soak.json and docs/soak.svg');
process.exit(report.pass ? 0 : 1);
