// The BUILT server as a child process in its own process group, for tests that measure the process
// itself (its resident memory) rather than code running inside the test's own process.

import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const mainJs = fileURLToPath(new URL('../dist/main.js', import.meta.url));

export interface BuiltServer {
  url: string;
  port: number;
  /** Resident memory now (VmRSS) and the peak so far (VmHWM), in MiB. */
  memoryMiB(): { rss: number; peak: number };
  stop(): Promise<void>;
}

function statusField(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB$`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!match) throw new Error(`no ${field} in /proc/${pid}/status`);
  return Number(match[1]) / 1024;
}

export async function startBuiltServer(env: Record<string, string> = {}): Promise<BuiltServer> {
  const child = spawn(process.execPath, [mainJs], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LAB_FOREIGN_PORT: '0', ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      if (output.length < 8192) output += chunk.toString();
      const match = /Loopwire is running at (http:\/\/\S+)/.exec(output);
      if (match) resolve(match[1]!);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server exited with ${code} before listening:\n${output}`)));
  });
  const pid = child.pid!;
  return {
    url,
    port: Number(new URL(url).port),
    memoryMiB: () => ({ rss: statusField(pid, 'VmRSS'), peak: statusField(pid, 'VmHWM') }),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      process.kill(-pid, 'SIGKILL');
      await exited;
    },
  };
}
