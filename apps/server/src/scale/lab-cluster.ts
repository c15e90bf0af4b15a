// The scale lab's cluster as the Loopwire server sees it: starts the primary (lab-cluster/primary.ts)
// as a child in its own process group, follows its workers, and stops it — every process with it.

import { fork, type ChildProcess } from 'node:child_process';
import type { ScaleBlockResult, ScaleClusterOptions, ScaleEvent, ScaleEventKind, ScaleWorker } from '@loopwire/contract';
import { builtFile } from '../core/built-file.js';
import { freeLoopbackPort } from './free-port.js';
import type { RelayedCapture } from '../core/relayed-capture.js';
import { isLabMessage, settingsVariable, type BlockReport, type LabClusterSettings, type PrimaryReport } from './lab-cluster/messages.js';

const maxEvents = 40;
/** A guard, not a wait: 4 workers start in about a second here, but many seconds on a machine under heavy load. */
const startTimeoutMs = 60_000;
/** A guard beyond the block itself, for a worker slow to answer on a loaded machine. */
const blockAnswerMs = 30_000;

export interface LabClusterStart extends ScaleClusterOptions {
  origins: string[];
  redisUrl: string | null;
}

export interface LabCluster {
  readonly running: boolean;
  readonly port: number | null;
  readonly primaryPid: number | null;
  readonly options: ScaleClusterOptions | null;
  /** When the running cluster was started (its processes forked), or null. */
  readonly startedAt: number | null;
  workers(): ScaleWorker[];
  events(): ScaleEvent[];
  /** (Re)starts the cluster; resolves once every worker serves. */
  start(options: LabClusterStart): Promise<void>;
  stop(): Promise<void>;
  /** SIGKILLs one worker (the primary replaces it); false when no current worker has that pid. */
  killWorker(pid: number): boolean;
  /** Blocks one worker's loop for `durationMs` (counting `sid`'s clients on it); null when no current worker has that pid. */
  blockWorker(pid: number, durationMs: number, sid: string): Promise<ScaleBlockResult> | null;
  /** Also used by the Redis side, so the page reads one log. */
  log(kind: ScaleEventKind, message: string): void;
}

export interface LabClusterEvents {
  /** Workers came, went, or the cluster started or stopped. */
  onChange(): void;
  /** A worker's tap recorded or updated captures (capture-relay.ts). */
  onCaptures(workerPid: number, updates: RelayedCapture[]): void;
}

export function createLabCluster({
  port: configuredPort,
  sessionSecret,
  onChange,
  onCaptures,
}: { port: number; sessionSecret: string } & LabClusterEvents): LabCluster {
  let child: ChildProcess | null = null;
  let port: number | null = null;
  let options: ScaleClusterOptions | null = null;
  let startedAt: number | null = null;
  let nextBlockId = 0;
  const workers = new Map<number, ScaleWorker>();
  const events: ScaleEvent[] = [];

  const log = (kind: ScaleEventKind, message: string) => {
    events.push({ at: Date.now(), kind, message });
    if (events.length > maxEvents) events.shift();
    onChange();
  };

  const follow = (started: ChildProcess, report: PrimaryReport) => {
    if (child !== started) return;
    if (report.type === 'lab:captures') onCaptures(report.pid, report.updates);
    if (report.type === 'lab:worker-online') {
      workers.set(report.pid, { id: report.id, pid: report.pid, onlineAt: Date.now() });
      log('worker-online', `worker ${report.id} (pid ${report.pid}) is serving`);
    } else if (report.type === 'lab:worker-exit') {
      workers.delete(report.pid);
      const how = report.signal ? `killed by ${report.signal}` : `exited with code ${report.code}`;
      log('worker-exit', `worker ${report.id} (pid ${report.pid}) ${how}${report.replaced ? '; the primary forks a replacement' : ''}`);
    }
  };

  const stopChild = (target: ChildProcess) =>
    new Promise<void>((resolve) => {
      if (target.exitCode !== null || target.signalCode !== null || target.pid === undefined) return resolve();
      const pid = target.pid;
      target.once('exit', () => {
        // Its workers are gone already (below); the group kill only catches a worker it failed to stop.
        try {
          process.kill(-pid, 'SIGKILL');
        } catch {
          // ESRCH: the whole group is gone.
        }
        resolve();
      });
      // The primary stops its workers and waits for them before it exits (so they are reaped).
      target.kill('SIGTERM');
    });

  const stop = async () => {
    const current = child;
    child = null;
    workers.clear();
    options = null;
    if (!current) return;
    await stopChild(current);
    log('stopped', 'the cluster stopped');
  };

  return {
    get running() {
      return child !== null;
    },
    get port() {
      return port;
    },
    get options() {
      return options;
    },
    get startedAt() {
      return child === null ? null : startedAt;
    },
    get primaryPid() {
      return child?.pid ?? null;
    },
    workers: () => [...workers.values()].sort((a, b) => a.id - b.id),
    events: () => [...events],
    log,
    stop,
    async start(start) {
      await stop();
      port ??= configuredPort === 0 ? await freeLoopbackPort() : configuredPort;
      const settings: LabClusterSettings = {
        port,
        workers: start.workers,
        balancing: start.balancing,
        adapter: start.adapter,
        origins: start.origins,
        redisUrl: start.redisUrl,
        sessionSecret,
      };
      startedAt = Date.now();
      const started = fork(builtFile('scale/lab-cluster/primary.js'), [], {
        detached: true,
        // Not the parent's flags (a test runner's loaders): the cluster runs as plain built JavaScript.
        execArgv: [],
        serialization: 'advanced',
        stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
        env: { ...process.env, [settingsVariable]: JSON.stringify(settings) },
      });
      child = started;
      options = { workers: start.workers, balancing: start.balancing, adapter: start.adapter };
      started.on('message', (message: unknown) => {
        if (isLabMessage(message)) follow(started, message as PrimaryReport);
      });
      started.once('exit', (code, signal) => {
        if (child !== started) return;
        child = null;
        workers.clear();
        options = null;
        log('stopped', `the cluster's primary ended (${signal ?? `code ${code}`})`);
      });
      await new Promise<void>((resolve, reject) => {
        let listening = false;
        const timer = setTimeout(() => finish(new Error(`the cluster did not start within ${startTimeoutMs / 1000} s`)), startTimeoutMs);
        const onMessage = (message: unknown) => {
          if (!isLabMessage(message)) return;
          const report = message as PrimaryReport;
          if (report.type === 'lab:failed') return finish(new Error(report.message));
          if (report.type === 'lab:listening') listening = true;
          if (listening && workers.size >= start.workers) finish(null);
        };
        const onExit = () => finish(new Error('the cluster stopped while starting'));
        const finish = (error: Error | null) => {
          clearTimeout(timer);
          started.off('message', onMessage);
          started.off('exit', onExit);
          if (error) reject(error);
          else resolve();
        };
        started.on('message', onMessage);
        started.once('exit', onExit);
      }).catch(async (error: unknown) => {
        await stop();
        throw error;
      });
      log('started', `${start.workers} worker${start.workers === 1 ? '' : 's'} on port ${port}, ${start.balancing}, ${start.adapter} adapter`);
    },
    killWorker(pid) {
      if (!workers.has(pid)) return false;
      process.kill(pid, 'SIGKILL');
      return true;
    },
    blockWorker(pid, durationMs, sid) {
      const current = child;
      if (!current || !workers.has(pid)) return null;
      const requestId = ++nextBlockId;
      return new Promise<ScaleBlockResult>((resolve, reject) => {
        const timer = setTimeout(() => finish(new Error(`worker ${pid} did not answer within ${blockAnswerMs / 1000} s`)), durationMs + blockAnswerMs);
        const onMessage = (message: unknown) => {
          if (!isLabMessage(message) || message.type !== 'lab:blocked') return;
          const report = message as BlockReport;
          if (report.requestId !== requestId) return;
          const { startedAt: blockStarted, finishedAt, yourClients, allClients } = report;
          log('worker-blocked', `worker pid ${pid} blocked its loop for ${finishedAt - blockStarted} ms (${allClients} client${allClients === 1 ? '' : 's'} waited)`);
          finish(null, { pid, durationMs, startedAt: blockStarted, finishedAt, yourClients, allClients });
        };
        const onExit = () => finish(new Error('the cluster stopped during the block'));
        // A worker killed mid-block never answers: its exit report ends the wait.
        const onWorkerExit = (message: unknown) => {
          if (isLabMessage(message) && message.type === 'lab:worker-exit' && (message as PrimaryReport & { pid: number }).pid === pid) finish(new Error(`worker ${pid} exited during the block`));
        };
        const finish = (error: Error | null, result?: ScaleBlockResult) => {
          clearTimeout(timer);
          current.off('message', onMessage);
          current.off('message', onWorkerExit);
          current.off('exit', onExit);
          if (error) reject(error);
          else resolve(result!);
        };
        current.on('message', onMessage);
        current.on('message', onWorkerExit);
        current.once('exit', onExit);
        current.send({ type: 'lab:block', requestId, pid, durationMs, sid });
      });
    },
  };
}
