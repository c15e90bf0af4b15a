// Starts the BUILT server as a child process in its own process group (detached), on a free port,
// and learns its URL from the "Loopwire is running at <url>" log line. Stopped by killing the group.

import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import WebSocket from 'ws';
import { paths } from './paths.js';

export interface ServerProcess {
  url: string;
  port: number;
  pid: number;
  /** Resident set size of the server process in MiB, from /proc/<pid>/status (VmRSS). */
  rssMiB(): number;
  /** CPU time (user + system) the server process has used so far, in seconds, from /proc/<pid>/stat. */
  cpuSeconds(): number;
  /** A full garbage collection through the inspector (only for servers started with `inspect: true`). */
  collectGarbage(): Promise<void>;
  stop(): Promise<void>;
}

const runningLine = /is running at (http:\/\/\S+)/;
const inspectorLine = /Debugger listening on (ws:\/\/\S+)/;
const startTimeoutMs = 15_000;
const live = new Set<ChildProcess>();

// If the harness dies, its servers must not outlive it.
process.once('exit', () => {
  for (const child of live) killGroup(child, 'SIGKILL');
});

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // The group is already gone.
  }
}

export function readRssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /^VmRSS:\s+(\d+) kB$/m.exec(status);
  if (!match) throw new Error(`no VmRSS line in /proc/${pid}/status`);
  return Number(match[1]) / 1024;
}

const clockTicksPerSecond = 100; // USER_HZ, 100 on every Linux the bench runs on

export function readCpuSeconds(pid: number): number {
  // Fields after the parenthesised command name; utime and stime are the 14th and 15th of the line.
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / clockTicksPerSecond;
}

/** Asks V8 for a full collection over the inspector protocol, so RSS shows what is retained, not garbage. */
async function collectGarbageAt(inspectorUrl: string): Promise<void> {
  const socket = new WebSocket(inspectorUrl);
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    const done = new Promise<void>((resolve, reject) => {
      socket.once('message', () => resolve());
      socket.once('error', reject);
    });
    socket.send(JSON.stringify({ id: 1, method: 'HeapProfiler.collectGarbage' }));
    await done;
  } finally {
    socket.close();
  }
}

export interface StartOptions {
  /** Open the V8 inspector on a free loopback port, so the bench can force a garbage collection. */
  inspect?: boolean;
  /** Another script to run instead of the built Loopwire server; it must log "… is running at <url>". */
  script?: string;
  /** Told every line the server writes to stdout or stderr after it is listening (the soak counts its error lines). */
  onLine?: (line: string) => void;
}

export async function startServer(env: Record<string, string> = {}, { inspect = false, script = paths.serverMain, onLine }: StartOptions = {}): Promise<ServerProcess> {
  if (!existsSync(script)) {
    throw new Error(`${script} does not exist: build first (npm run build, or tsc -b)`);
  }
  const child = spawn(process.execPath, [...(inspect ? ['--inspect=127.0.0.1:0'] : []), script], {
    cwd: paths.repoRoot,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env },
  });
  live.add(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  exited.then(() => live.delete(child));

  let log = '';
  let inspectorUrl: string | null = null;
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not log its URL within ${startTimeoutMs} ms:\n${log}`)), startTimeoutMs);
    const onData = (chunk: Buffer) => {
      // Keep only the start of the log: enough for an error message, bounded.
      if (log.length < 8192) log += chunk.toString('utf8');
      inspectorUrl ??= inspectorLine.exec(log)?.[1] ?? null;
      const match = runningLine.exec(log);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with code ${code} before listening:\n${log}`));
    });
  });
  // Keep draining the pipes so a chatty server never blocks on a full pipe.
  for (const stream of [child.stdout!, child.stderr!]) {
    if (onLine) createInterface({ input: stream }).on('line', onLine);
    else stream.resume();
  }

  const pid = child.pid!;
  return {
    url,
    port: Number(new URL(url).port),
    pid,
    rssMiB: () => readRssMiB(pid),
    cpuSeconds: () => readCpuSeconds(pid),
    async collectGarbage() {
      if (!inspectorUrl) throw new Error('the server was not started with inspect: true');
      await collectGarbageAt(inspectorUrl);
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      killGroup(child, 'SIGTERM');
      const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 3000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Runs `body` with a server started for it, and always stops the server. */
export async function withServer<T>(
  env: Record<string, string>,
  body: (server: ServerProcess) => Promise<T>,
  options: StartOptions = {},
): Promise<T> {
  const server = await startServer(env, options);
  try {
    return await body(server);
  } finally {
    await server.stop();
  }
}
