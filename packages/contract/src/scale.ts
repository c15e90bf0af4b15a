// The scale lab's wire types: the cluster the server starts on a second port (GET/PUT /api/scale),
// and the Socket.IO events its workers speak with the page's clients.

import type { Capture } from './captures.js';

export const scaleBalancings = ['round-robin', 'sticky'] as const;
export type ScaleBalancing = (typeof scaleBalancings)[number];

export const scaleAdapters = ['memory', 'cluster', 'redis'] as const;
export type ScaleAdapter = (typeof scaleAdapters)[number];

export const minScaleWorkers = 1;
export const maxScaleWorkers = 4;

export interface ScaleClusterOptions {
  workers: number;
  /** `round-robin`: Node's cluster hands each new connection to the next worker, nothing sticks.
   *  `sticky`: @socket.io/sticky routes every request of an Engine.IO session to the worker that holds it. */
  balancing: ScaleBalancing;
  adapter: ScaleAdapter;
}

export interface ScaleWorker {
  /** cluster's worker id: 1, 2, … (a replacement gets a new one). */
  id: number;
  pid: number;
  onlineAt: number;
}

export type ScaleEventKind = 'started' | 'stopped' | 'worker-online' | 'worker-exit' | 'worker-blocked' | 'redis-down' | 'redis-up' | 'redis-error';

export interface ScaleEvent {
  at: number;
  kind: ScaleEventKind;
  message: string;
}

export interface ScaleRedisStatus {
  /** False when there is neither REDIS_URL nor a redis-server binary: `enable` says what to do. */
  available: boolean;
  /** `url`: REDIS_URL; `child`: a redis-server this server started on a free loopback port. */
  source: 'url' | 'child' | null;
  /** Whether the server itself can reach Redis right now (it reads the stats below through it). */
  connected: boolean;
  /** Only a redis-server this server started can be stopped and started again from the page. */
  controllable: boolean;
  port: number | null;
  /** The redis-server process this server started, or null. */
  pid: number | null;
  /** PUBLISH commands Redis has executed since it started (INFO commandstats), null when unreachable. */
  publishes: number | null;
  /** The sentence that enables the Redis adapter, when it is not available. */
  enable: string | null;
}

export interface ScaleState {
  running: boolean;
  /** The cluster's own port on loopback, e.g. 41234 (null until it listens). */
  port: number | null;
  /** The primary process: it balances connections and forks a replacement for a worker that dies. */
  primaryPid: number | null;
  options: ScaleClusterOptions | null;
  workers: ScaleWorker[];
  redis: ScaleRedisStatus;
  /** Newest last, bounded. */
  events: ScaleEvent[];
}

export interface ScaleCapturesResponse {
  /** The caller's exchanges with the cluster, as each worker's own tap recorded them, newest first. */
  captures: (Capture & { workerPid: number })[];
}

/** `POST /api/scale/workers/:pid/block {"durationMs": 1..5000}`: the noisy neighbour. */
export const maxScaleBlockMs = 5000;

/** What one blocking job did to one worker; also `GET /api/scale/blocks/latest` (the caller's newest, or null). */
export interface ScaleBlockResult {
  pid: number;
  durationMs: number;
  /** The worker's own clock around its blocking loop. */
  startedAt: number;
  finishedAt: number;
  /** The caller's Socket.IO clients (by loopwire_sid) connected to that worker when it blocked: the ones it stalled. */
  yourClients: number;
  /** Every client connected to that worker then, the caller's or not. */
  allClients: number;
}

export interface ScaleLatestBlock {
  latest: ScaleBlockResult | null;
}

/** Sent by a cluster worker to each client as it connects. */
export interface ScaleHello {
  pid: number;
  workerId: number;
  adapter: ScaleAdapter;
}

export interface ScaleMessage {
  id: string;
  /** The sender's clock (performance.timeOrigin + now()): the page measures latency on one clock. */
  sentAt: number;
  fromPid: number;
}

export interface ScaleServerToClientEvents {
  'scale:hello': (hello: ScaleHello) => void;
  'scale:message': (message: ScaleMessage) => void;
}

export interface ScaleClientToServerEvents {
  /** Broadcast to every client of the cluster through the worker's adapter; the ack carries the worker's pid. */
  'scale:broadcast': (message: { id: string; sentAt: number }, ack: (reply: { pid: number }) => void) => void;
  /** Answered at once by the worker's loop (when it is free): the page times the round trip. */
  'scale:ping': (ack: (reply: { pid: number }) => void) => void;
}
