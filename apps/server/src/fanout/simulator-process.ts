// Starts the device simulator (simulator.ts, built to dist/) as a detached child process and kills
// it by process group, so no simulated device outlives the server or a resize.

import { spawn, type ChildProcess } from 'node:child_process';
import type { SimulatorStatus } from '@loopwire/contract';
import { builtFile } from '../core/built-file.js';
import type { SimulatorReport, SimulatorRequest } from './simulator.js';

const maxErrorLines = 20;

export interface SimulatorProcess {
  status(): SimulatorStatus;
  start(count: number): void;
  stop(): Promise<void>;
  /** Asks every simulated device to send reports; resolves with how many were sent. */
  flood(request: Omit<SimulatorRequest, 'type'>): Promise<number>;
}

export function createSimulatorProcess(serverUrl: () => string): SimulatorProcess {
  let child: ChildProcess | null = null;
  let requested = 0;
  const errors: string[] = [];

  const killGroup = (target: ChildProcess) =>
    new Promise<void>((resolve) => {
      if (target.exitCode !== null || target.signalCode !== null || target.pid === undefined) return resolve();
      target.once('exit', () => resolve());
      try {
        process.kill(-target.pid, 'SIGTERM');
      } catch {
        resolve();
      }
    });

  return {
    status: () => ({ running: child !== null, requested, pid: child?.pid ?? null, lastError: errors.at(-1) ?? null }),
    start(count) {
      const previous = child;
      if (previous) void killGroup(previous);
      requested = count;
      errors.length = 0;
      const started = spawn(process.execPath, [builtFile('fanout/simulator.js')], {
        detached: true,
        stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
        env: { ...process.env, LOOPWIRE_URL: serverUrl(), DEVICE_COUNT: String(count) },
      });
      child = started;
      started.stderr?.setEncoding('utf8').on('data', (text: string) => {
        errors.push(text.slice(0, 500));
        if (errors.length > maxErrorLines) errors.shift();
      });
      started.on('message', (message: SimulatorReport) => {
        if (message.type === 'error' && errors.length < maxErrorLines) errors.push(message.message);
      });
      started.once('exit', () => {
        if (child === started) {
          child = null;
          requested = 0;
        }
      });
    },
    async stop() {
      const current = child;
      child = null;
      requested = 0;
      if (current) await killGroup(current);
    },
    flood(request) {
      const current = child;
      if (!current) return Promise.reject(new Error('the simulator is not running'));
      return new Promise((resolve, reject) => {
        const onMessage = (message: SimulatorReport) => {
          if (message.type !== 'flood-done') return;
          cleanup();
          resolve(message.sent);
        };
        const onExit = () => {
          cleanup();
          reject(new Error('the simulator stopped during the flood'));
        };
        const cleanup = () => {
          current.off('message', onMessage);
          current.off('exit', onExit);
        };
        current.on('message', onMessage);
        current.once('exit', onExit);
        current.send({ type: 'flood', ...request } satisfies SimulatorRequest);
      });
    },
  };
}
