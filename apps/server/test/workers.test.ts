// WORKERS=N against the real built server: a primary and two worker processes on one port. One
// learner is served by one pid, different learners by both; the tap of that worker holds the exact
// bytes; a killed worker is replaced; stopping leaves no process behind.

import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as ioClient } from 'socket.io-client';
import type { CaptureList, HealthResponse } from '@loopwire/contract';

const mainScript = fileURLToPath(new URL('../dist/main.js', import.meta.url));

let primary: ChildProcess;
let base: string;
const output: string[] = [];

/** Resolves with the first match of `pattern` in the server's output (waits for the line). */
function logged(pattern: RegExp): Promise<RegExpMatchArray> {
  return new Promise((resolve) => {
    const look = () => {
      const found = pattern.exec(output.join(''));
      if (!found) return false;
      resolve(found);
      return true;
    };
    if (look()) return;
    const onData = () => {
      if (look()) primary.stdout!.off('data', onData);
    };
    primary.stdout!.on('data', onData);
  });
}

function loggedAll(pattern: RegExp, count: number): Promise<RegExpMatchArray[]> {
  return new Promise((resolve) => {
    const look = () => {
      const found = [...output.join('').matchAll(new RegExp(pattern, 'g'))];
      if (found.length < count) return false;
      resolve(found);
      return true;
    };
    if (look()) return;
    const onData = () => {
      if (look()) primary.stdout!.off('data', onData);
    };
    primary.stdout!.on('data', onData);
  });
}

/** One request on its own TCP connection (no keep-alive: each one is routed by the primary afresh). */
function get(path: string, cookie?: string): Promise<{ status: number; body: string; setCookie: string | undefined }> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, { agent: false, headers: cookie ? { cookie } : {} }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, body, setCookie: res.headers['set-cookie']?.[0]?.split(';')[0] }));
    });
    req.on('error', reject);
    req.end();
  });
}

async function healthPid(cookie?: string): Promise<{ pid: number; cookie: string | undefined }> {
  const response = await get('/api/health', cookie);
  return { pid: (JSON.parse(response.body) as HealthResponse).pid, cookie: response.setCookie };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

let workerPids: number[];

beforeAll(async () => {
  primary = spawn(process.execPath, [mainScript], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, WORKERS: '2', PORT: '0', HOST: '127.0.0.1', LAB_FOREIGN_PORT: '0' },
  });
  primary.stdout!.setEncoding('utf8').on('data', (text: string) => output.push(text));
  primary.stderr!.setEncoding('utf8').on('data', (text: string) => output.push(text));
  base = (await logged(/Loopwire is running at (http:\/\/127\.0\.0\.1:\d+)/))[1]!;
  workerPids = (await loggedAll(/worker \d\/2 \(pid (\d+)\) is serving/, 2)).map((match) => Number(match[1]));
  // Three processes start: seconds on a loaded machine.
}, 90_000);

afterAll(() => {
  if (primary.pid && primary.exitCode === null) {
    try {
      process.kill(-primary.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
});

describe('WORKERS=2', { timeout: 60_000 }, () => {
  it('serves one learner from one pid over 20 new connections, and different learners from both pids', async () => {
    const first = await healthPid();
    expect(first.cookie).toMatch(/^loopwire_sid=/);
    for (let i = 0; i < 20; i++) expect((await healthPid(first.cookie)).pid).toBe(first.pid);

    const learners = await Promise.all(Array.from({ length: 10 }, () => healthPid()));
    expect(new Set(learners.map((learner) => learner.pid))).toEqual(new Set(workerPids));
    for (const learner of learners) expect((await healthPid(learner.cookie)).pid).toBe(learner.pid);
  });

  it('hands connections over without relaying bytes: the learner’s worker captured their exact request head', async () => {
    const { cookie } = await healthPid();
    await get('/api/health?exact=bytes', cookie);
    const captures = JSON.parse((await get('/api/captures?limit=50', cookie)).body) as CaptureList;
    const head = captures.captures.find((capture) => capture.url === '/api/health?exact=bytes')!.requestHead;
    expect(head).toBe(`GET /api/health?exact=bytes HTTP/1.1\r\ncookie: ${'*'.repeat(cookie!.length)}\r\nHost: ${base.slice('http://'.length)}\r\nConnection: close\r\n\r\n`);
  });

  it('keeps a Socket.IO polling session on one worker', async () => {
    const { cookie, pid } = await healthPid();
    const socket = ioClient(base, { transports: ['polling'], forceNew: true, reconnection: false, extraHeaders: { cookie: cookie!, origin: base } });
    const hello = await new Promise<{ pid: number; worker: { index: number; count: number } | null }>((resolve, reject) => {
      socket.once('server:hello', resolve);
      socket.once('connect_error', reject);
    });
    expect(hello.pid).toBe(pid);
    expect(hello.worker?.count).toBe(2);
    for (let i = 0; i < 10; i++) await socket.timeout(5000).emitWithAck('echo:send', i);
    socket.close();
  });

  it('carries a chat message from a learner on one worker to a learner on the other (cluster adapter)', async () => {
    const learners = await Promise.all(Array.from({ length: 8 }, () => healthPid()));
    const first = learners[0]!;
    const second = learners.find((learner) => learner.pid !== first.pid)!;
    const [alice, bob] = [first, second].map((learner) =>
      ioClient(base, { transports: ['websocket'], forceNew: true, reconnection: false, extraHeaders: { cookie: learner.cookie!, origin: base } }),
    );
    for (const socket of [alice!, bob!]) await socket.timeout(5000).emitWithAck('chat:join', 'across');
    const heard = new Promise<{ text: string }>((resolve) => bob!.once('chat:message', resolve));
    await alice!.timeout(5000).emitWithAck('chat:message', 'hello from the other worker');
    expect((await heard).text).toBe('hello from the other worker');
    alice!.close();
    bob!.close();
  });

  it('replaces a killed worker; its learners are served again, by the replacement', async () => {
    const { cookie, pid: victim } = await healthPid();
    process.kill(victim, 'SIGKILL');
    const [, replacement] = await logged(new RegExp(`pid ${victim}\\) was killed by SIGKILL; starting a replacement[\\s\\S]*?worker \\d/2 \\(pid (\\d+)\\) is serving`));
    expect((await healthPid(cookie)).pid).toBe(Number(replacement));
    workerPids = workerPids.map((pid) => (pid === victim ? Number(replacement) : pid));
  });

  it('stops every worker with the primary (SIGTERM): no process left behind', async () => {
    const exited = new Promise((resolve) => primary.once('exit', resolve));
    process.kill(primary.pid!, 'SIGTERM');
    await exited;
    expect([primary.pid!, ...workerPids].filter(isAlive)).toEqual([]);
  });
});
