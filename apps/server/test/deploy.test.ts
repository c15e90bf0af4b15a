// docs/deploy.md, proven: nginx (the Debian package) in front of two Loopwire instances that share
// a real redis-server. A chat message crosses instances, and a polling session stays on one.

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as ioClient, type Socket } from 'socket.io-client';
import type { HealthResponse } from '@loopwire/contract';
import { waitFor } from './helpers.js';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const mainScript = join(repo, 'apps/server/dist/main.js');
const nginxBinary = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((path) => spawnSync(path, ['-v']).status === 0)!;

const children: ChildProcess[] = [];
const sockets: Socket[] = [];
let dir: string;
let front: string;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** Starts a process in its own group and resolves once its output matches `ready`. */
function start(command: string, args: string[], env: Record<string, string>, ready: RegExp): Promise<ChildProcess> {
  const child = spawn(command, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  children.push(child);
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (text: string) => {
      output += text;
      if (ready.test(output)) resolve(child);
    };
    child.stdout!.setEncoding('utf8').on('data', onData);
    child.stderr!.setEncoding('utf8').on('data', onData);
    child.once('exit', (code) => reject(new Error(`${command} exited (${code}): ${output}`)));
  });
}

/** The nginx configuration of docs/deploy.md, with this test's ports and folder. */
function nginxConfig(listen: number, upstreams: number[]): string {
  const documented = readFileSync(join(repo, 'docs/deploy.md'), 'utf8');
  const block = /```nginx\n([\s\S]*?)```/.exec(documented)![1]!;
  return block
    .replaceAll('/var/lib/loopwire-nginx', dir)
    .replace('listen 80;', `listen 127.0.0.1:${listen};`)
    .replace('    server 127.0.0.1:3000;\n    server 127.0.0.1:3001;\n', upstreams.map((port) => `    server 127.0.0.1:${port};\n`).join(''));
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'loopwire-deploy-'));
  const [redisPort, first, second, listen] = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
  front = `http://127.0.0.1:${listen}`;
  await start('redis-server', ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {}, /Ready to accept connections/);
  const shared = { HOST: '127.0.0.1', REDIS_URL: `redis://127.0.0.1:${redisPort}`, ALLOWED_ORIGINS: front, LAB_FOREIGN_PORT: '0', SESSION_SECRET: 'one secret shared by every instance behind nginx' };
  await Promise.all(
    [first, second].map((port) => start(process.execPath, [mainScript], { ...shared, PORT: String(port) }, /Loopwire is running at/)),
  );
  writeFileSync(join(dir, 'nginx.conf'), nginxConfig(listen, [first, second]));
  // nginx says nothing when it starts well: start it, then wait until it answers.
  children.push(spawn(nginxBinary, ['-p', dir, '-e', join(dir, 'error.log'), '-c', join(dir, 'nginx.conf'), '-g', 'daemon off;'], { detached: true, stdio: 'ignore' }));
  await waitFor(() => fetch(`${front}/api/health`).then((response) => response.ok, () => false), (ok) => ok, { timeoutMs: 60_000, everyMs: 50 });
  // Redis, two Loopwire instances and nginx start: seconds on a loaded machine.
}, 90_000);

afterAll(() => {
  for (const socket of sockets) socket.close();
  for (const child of children) {
    if (child.pid === undefined || child.exitCode !== null) continue;
    try {
      // nginx finishes its requests on SIGQUIT; the others are stopped outright.
      process.kill(-child.pid, child.spawnargs[0] === nginxBinary ? 'SIGQUIT' : 'SIGKILL');
    } catch {
      // already gone
    }
  }
  rmSync(dir, { recursive: true, force: true });
});

async function learner(): Promise<{ cookie: string; pid: number }> {
  const response = await fetch(`${front}/api/health`);
  const cookie = response.headers.getSetCookie()[0]!.split(';')[0]!;
  const { pid } = (await (await fetch(`${front}/api/health`, { headers: { cookie } })).json()) as HealthResponse;
  return { cookie, pid };
}

function connect(cookie: string, transports: ('polling' | 'websocket')[]): Socket {
  const socket = ioClient(front, { transports, forceNew: true, reconnection: false, extraHeaders: { cookie, origin: front } });
  sockets.push(socket);
  return socket;
}

describe('nginx in front of two Loopwire instances sharing Redis (docs/deploy.md)', { timeout: 60_000 }, () => {
  it('carries a chat message from a learner on one instance to a learner on the other', async () => {
    const alice = await learner();
    let bob = await learner();
    while (bob.pid === alice.pid) bob = await learner();
    const [a, b] = [connect(alice.cookie, ['websocket']), connect(bob.cookie, ['websocket'])];
    for (const socket of [a, b]) await socket.timeout(5000).emitWithAck('chat:join', 'deploy');
    const heard = new Promise<{ text: string }>((resolve) => b.once('chat:message', resolve));
    await a.timeout(5000).emitWithAck('chat:message', 'across machines');
    expect((await heard).text).toBe('across machines');
  });

  it('keeps a polling session on one instance (sticky by the loopwire_sid cookie)', async () => {
    const { cookie, pid } = await learner();
    const socket = connect(cookie, ['polling']);
    const hello = await new Promise<{ pid: number }>((resolve, reject) => {
      socket.once('server:hello', resolve);
      socket.once('connect_error', reject);
    });
    expect(hello.pid).toBe(pid);
    for (let i = 0; i < 20; i++) await socket.timeout(5000).emitWithAck('echo:send', i);
  });
});
