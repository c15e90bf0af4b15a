// Redis for the scale lab, started the honest way: REDIS_URL when set; otherwise a redis-server this
// server starts on a free loopback port (no persistence, its own process group, stopped with the
// server); otherwise none, and the sentence that enables it. Never a stand-in.

import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { createClient } from 'redis';
import type { ScaleRedisStatus } from '@loopwire/contract';
import { freeLoopbackPort } from './free-port.js';

export const enableRedisSentence =
  'The Redis adapter needs Redis: install it (apt-get install redis-server) so Loopwire can start its own, or set REDIS_URL (for example redis://127.0.0.1:6379), then restart Loopwire.';

const readyTimeoutMs = 10_000;

/** `redis-server` on PATH, or null. */
export function findRedisServer(path = process.env.PATH ?? ''): string | null {
  for (const dir of path.split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, 'redis-server');
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return null;
}

export interface LabRedisOptions {
  /** REDIS_URL, or null. */
  url: string | null;
  /** The redis-server binary to start when there is no URL, or null when there is none. */
  serverCommand: string | null;
  onUp(message: string): void;
  onDown(message: string): void;
}

export interface LabRedis {
  readonly available: boolean;
  /** The URL the workers use; starts the local redis-server on first use. */
  ensure(): Promise<string>;
  status(): Promise<ScaleRedisStatus>;
  /** Stops / starts again the redis-server this server started (experiment 4). */
  setRunning(running: boolean): Promise<void>;
  readonly controllable: boolean;
  close(): Promise<void>;
}

function startRedisServer(command: string, port: number): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no'], {
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const timer = setTimeout(() => fail(new Error(`redis-server did not get ready within ${readyTimeoutMs / 1000} s`)), readyTimeoutMs);
    const onData = (text: string) => {
      output = (output + text).slice(-4000);
      if (output.includes('Ready to accept connections')) {
        cleanup();
        child.stdout?.resume();
        resolve(child);
      }
    };
    const onExit = () => fail(new Error(`redis-server exited at start: ${output.trim().split('\n').at(-1) ?? ''}`));
    const fail = (error: Error) => {
      cleanup();
      killGroup(child);
      reject(error);
    };
    const cleanup = () => {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.off('exit', onExit);
      child.off('error', fail);
    };
    child.stdout?.setEncoding('utf8').on('data', onData);
    child.stderr?.resume();
    child.once('exit', onExit);
    child.once('error', fail);
  });
}

function killGroup(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return resolve();
    child.once('exit', () => resolve());
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      resolve();
    }
  });
}

function createStatsClient(url: string) {
  return createClient({ url, disableOfflineQueue: true });
}
type StatsClient = ReturnType<typeof createStatsClient>;

export function createLabRedis({ url, serverCommand, onUp, onDown }: LabRedisOptions): LabRedis {
  let child: ChildProcess | null = null;
  let port: number | null = null;
  let currentUrl: string | null = url;
  let statsClient: StatsClient | null = null;
  let wasReady = false;

  /** The server's own client: how the page learns whether Redis is up and how many PUBLISHes it ran. */
  const connectStats = (target: string) => {
    const client = createStatsClient(target);
    client.on('error', () => undefined);
    client.on('ready', () => {
      if (!wasReady) onUp('Redis is reachable: broadcasts cross workers again');
      wasReady = true;
    });
    client.on('end', () => undefined);
    client.on('reconnecting', () => {
      if (wasReady) onDown('Redis is unreachable: each worker can only reach its own clients until it is back');
      wasReady = false;
    });
    void client.connect().catch(() => undefined);
    statsClient = client;
  };

  const startChild = async () => {
    port ??= await freeLoopbackPort();
    child = await startRedisServer(serverCommand!, port);
    const started = child;
    started.once('exit', () => {
      if (child === started) child = null;
    });
  };

  const readPublishes = async (): Promise<number | null> => {
    if (!statsClient?.isReady) return null;
    try {
      const info = await statsClient.info('commandstats');
      return Number(/cmdstat_publish:calls=(\d+)/.exec(info)?.[1] ?? 0);
    } catch {
      return null;
    }
  };

  return {
    available: url !== null || serverCommand !== null,
    controllable: url === null && serverCommand !== null,
    async ensure() {
      if (currentUrl && statsClient) return currentUrl;
      if (!url) {
        if (!serverCommand) throw new Error(enableRedisSentence);
        if (!child) await startChild();
        currentUrl = `redis://127.0.0.1:${port}`;
      }
      if (!statsClient) connectStats(currentUrl!);
      return currentUrl!;
    },
    async status() {
      return {
        available: url !== null || serverCommand !== null,
        source: url ? 'url' : serverCommand ? 'child' : null,
        connected: statsClient?.isReady ?? false,
        controllable: url === null && serverCommand !== null,
        port: url ? Number(new URL(url).port || 6379) : port,
        pid: child?.pid ?? null,
        publishes: await readPublishes(),
        enable: url || serverCommand ? null : enableRedisSentence,
      };
    },
    async setRunning(running) {
      if (running && !child) await startChild();
      if (!running && child) {
        const stopping = child;
        child = null;
        await killGroup(stopping);
      }
    },
    async close() {
      const client = statsClient;
      statsClient = null;
      if (client) await client.destroy();
      if (child) {
        const stopping = child;
        child = null;
        await killGroup(stopping);
      }
    },
  };
}
