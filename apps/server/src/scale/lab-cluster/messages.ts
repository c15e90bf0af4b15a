// What the three kinds of process of the scale lab tell each other over IPC: the Loopwire server
// (parent), the cluster's primary (its child) and the primary's workers.

import type { ScaleAdapter, ScaleBalancing } from '@loopwire/contract';
import type { RelayedCapture } from '../../core/relayed-capture.js';

/** The lab cluster's settings, passed to the primary and its workers in the environment. */
export interface LabClusterSettings {
  port: number;
  workers: number;
  balancing: ScaleBalancing;
  adapter: ScaleAdapter;
  /** Origins allowed to open Socket.IO sessions: the Loopwire page's own. */
  origins: string[];
  redisUrl: string | null;
  /** Loopwire's SESSION_SECRET: the workers' tap files captures under the learner's verified loopwire_sid. */
  sessionSecret: string;
}

export const settingsVariable = 'LOOPWIRE_LAB_CLUSTER';

export function readSettings(env: NodeJS.ProcessEnv): LabClusterSettings {
  const raw = env[settingsVariable];
  if (!raw) throw new Error(`${settingsVariable} is not set: the lab cluster is started by the Loopwire server`);
  return JSON.parse(raw) as LabClusterSettings;
}

/** Parent → primary → the worker with that pid. */
export type BlockRequest = { type: 'lab:block'; requestId: number; pid: number; durationMs: number; sid: string };

/** Worker → primary → parent: the block is over (`yourClients`: sockets carrying `sid` when it started). */
export type BlockReport = { type: 'lab:blocked'; requestId: number; pid: number; startedAt: number; finishedAt: number; yourClients: number; allClients: number };

/** Primary → parent. */
export type PrimaryReport =
  | { type: 'lab:listening'; port: number }
  | { type: 'lab:worker-online'; id: number; pid: number }
  | { type: 'lab:worker-exit'; id: number; pid: number; code: number | null; signal: string | null; replaced: boolean }
  | { type: 'lab:captures'; pid: number; updates: RelayedCapture[] }
  | BlockReport
  | { type: 'lab:failed'; message: string };

/** Primary → worker. */
export type PrimaryRequest = { type: 'lab:sid-bound'; sid: string } | BlockRequest;

/** Worker → primary. */
export type WorkerReport =
  | { type: 'lab:worker-listening' }
  | { type: 'lab:bind-sid'; sid: string }
  /** The worker's tap's captures as they change (capture-relay.ts), passed on to the parent as they are. */
  | { type: 'lab:captures'; pid: number; updates: RelayedCapture[] }
  | BlockReport;

export function isLabMessage(message: unknown): message is { type: string } {
  return typeof message === 'object' && message !== null && typeof (message as { type?: unknown }).type === 'string' && (message as { type: string }).type.startsWith('lab:');
}
