// The built server as a process: bad config fails at once, signals close it cleanly.

import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const mainJs = fileURLToPath(new URL('../dist/main.js', import.meta.url));
const children: ChildProcess[] = [];

function startMain(env: Record<string, string>) {
  // Own process group, so cleanup kills the server and anything it started.
  const child = spawn(process.execPath, [mainJs], { env: { ...process.env, ...env }, detached: true });
  children.push(child);
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, exited, output: () => output };
}

afterEach(() => {
  for (const child of children.splice(0)) {
    if (child.exitCode === null && child.pid) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }
});

describe('the server process', () => {
  it('refuses PORT=abc at once with a message naming PORT', async () => {
    const { exited, output } = startMain({ PORT: 'abc' });
    expect(await exited).toBe(1);
    expect(output()).toContain('loopwire: PORT: expected a whole number from 0 to 65535');
  });

  it('logs the URL to open, then exits 0 on SIGTERM with a WebSocket still open', async () => {
    const { child, exited, output } = startMain({ PORT: '0' });
    await expect.poll(output, { timeout: 10_000 }).toMatch(/Loopwire is running at http:\/\/127\.0\.0\.1:\d+/);
    const url = /running at (\S+)/.exec(output())![1]!;
    const { default: WebSocket } = await import('ws');
    const socket = new WebSocket(`${url.replace('http', 'ws')}/ws`);
    await new Promise((resolve) => socket.once('open', resolve));
    const closeCode = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(await closeCode).toBe(1001);
  });
});
