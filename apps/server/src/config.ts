// Configuration from environment variables, read through one schema, with errors that name the
// variable, the values it accepts and what it got.

import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import { availableParallelism } from 'node:os';
import * as v from 'valibot';

export interface Config {
  port: number;
  host: string;
  /** Origins allowed to open WebSockets and Socket.IO sessions; null = the server's own origins. */
  allowedOrigins: string[] | null;
  /** Host names (lowercase, no port) accepted besides localhost, 127.0.0.1, [::1] and HOST (ALLOWED_HOSTS). */
  allowedHosts: string[];
  /**
   * Key that signs every loopwire_sid (SESSION_SECRET, at least 32 characters). Without it each start
   * picks a random one, so a restart ends every session; worker processes must be given the same value.
   */
  sessionSecret: string;
  /** Serve the web app through Vite's dev middleware (hot reload) instead of the built files. */
  dev: boolean;
  /** Milliseconds of `blocking` lab jobs allowed per 10 s window (LAB_BLOCKING_BUDGET_MS). */
  labBlockingBudgetMs: number;
  /** Second port serving the deliberately foreign page of the CSWSH demo (0 = any free port). */
  labForeignPort: number;
  /** Per-connection message rate limit (token bucket) on the guarded lab endpoints, messages per second. */
  messageRateLimit: number;
  /** How many connections one browser (one loopwire_sid) may hold open to a limited endpoint at once. */
  maxConnectionsPerSid: number;
  /** The wire tap: `on` records every exchange's bytes; `off` records nothing (to measure its cost). */
  tap: 'on' | 'off';
  /** Loopback port of the scale lab's cluster (LAB_CLUSTER_PORT; 0 = a free port chosen at its first start). */
  labClusterPort: number;
  /** Redis for the Redis adapter (REDIS_URL); null = start a local redis-server when one is installed. */
  redisUrl: string | null;
  /** Loopwire processes serving the one port (WORKERS; `auto` = the cores available). */
  workers: number;
  /** Set by the primary in each worker's environment (LOOPWIRE_WORKER_SLOT=i/N), null in a lone process. */
  workerSlot: { index: number; count: number } | null;
  /** Tests only: the redis-server binary (null = none installed); by default looked up on PATH. */
  redisServerCommand?: string | null;
  /** Tests only (no environment variable): shorter long-poll hold, SSE heartbeat and ticker periods. */
  longPollHoldMs?: number;
  sseHeartbeatMs?: number;
  tickerIntervalMs?: number;
  /** Tests only: how often raw WebSocket peers are pinged (a peer missing a pong is dropped); default 30 s. */
  wsHeartbeatMs?: number;
  /** Tests only: the clock tokens are issued and checked against (Date.now otherwise). */
  tokenClock?: () => number;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

const hostname = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/i;

/** A decimal whole number from min to max, read from a variable's text. */
const wholeNumber = (message: string, min: number, max: number) =>
  v.pipe(v.string(), v.regex(/^\d+$/, message), v.transform(Number), v.minValue(min, message), v.maxValue(max, message));

const portMessage = 'expected a whole number from 0 to 65535 (0 picks a free port)';

function originOf(value: string): string | null {
  try {
    const { origin } = new URL(value);
    return origin !== 'null' && origin === value.replace(/\/$/, '') ? origin : null;
  } catch {
    return null;
  }
}

const originsMessage = 'expected a comma-separated list of origins like http://localhost:5173 (scheme, host and port, no path)';

/** Every variable Loopwire reads; unset and empty both mean "the default". */
const EnvSchema = v.object({
  PORT: v.optional(wholeNumber(portMessage, 0, 65535), '3000'),
  HOST: v.optional(
    v.pipe(v.string(), v.check((raw) => isIP(raw) !== 0 || hostname.test(raw), 'expected an IP address (127.0.0.1, 0.0.0.0, ::1) or a host name')),
    '127.0.0.1',
  ),
  ALLOWED_ORIGINS: v.optional(
    v.pipe(
      v.string(),
      v.transform((raw) => raw.split(',').map((entry) => entry.trim())),
      v.array(v.pipe(v.string(), v.check((entry) => originOf(entry) !== null, originsMessage), v.transform((entry) => originOf(entry)!))),
    ),
  ),
  LAB_BLOCKING_BUDGET_MS: v.optional(
    wholeNumber('expected milliseconds of blocking jobs allowed per 10 s window, a whole number from 1 to 600000', 1, 600_000),
    '5000',
  ),
  LAB_FOREIGN_PORT: v.optional(wholeNumber(portMessage, 0, 65535)),
  MESSAGE_RATE_LIMIT: v.optional(wholeNumber('expected a whole number of messages per second from 1 to 100000', 1, 100_000), '50'),
  MAX_CONNECTIONS_PER_SID: v.optional(wholeNumber('expected a whole number of connections from 1 to 1000', 1, 1000), '5'),
  TAP: v.optional(v.picklist(['on', 'off'], 'expected "on" or "off"'), 'on'),
});

function parseAllowedHosts(env: Env): string[] {
  const raw = env.ALLOWED_HOSTS;
  if (raw === undefined || raw.trim() === '') return [];
  return raw.split(',').map((entry) => {
    const value = entry.trim().toLowerCase();
    const bracketed = /^\[([0-9a-f:.]+)\]$/.exec(value);
    if (bracketed ? isIP(bracketed[1]!) !== 6 : isIP(value) === 0 && !hostname.test(value)) {
      throw new ConfigError(
        'ALLOWED_HOSTS',
        `expected a comma-separated list of host names or addresses without a port, like loopwire.lan or 192.168.1.20 or [fd00::1], got "${entry.trim()}"`,
      );
    }
    return value;
  });
}

function parseSessionSecret(env: Env): string {
  const raw = env.SESSION_SECRET;
  if (raw === undefined || raw === '') return randomBytes(32).toString('base64url');
  if (raw.length < 32) {
    throw new ConfigError('SESSION_SECRET', `expected at least 32 characters (e.g. \`openssl rand -base64 32\`), got ${raw.length}`);
  }
  return raw;
}

/** LAB_FOREIGN_PORT: defaults to PORT + 1 on the same host (or any free port when PORT is 0). */
function labForeignPort(port: number, raw: number | undefined): number {
  if (raw === undefined) {
    if (port === 65535) {
      throw new ConfigError('LAB_FOREIGN_PORT', 'PORT is 65535, so the default PORT + 1 does not exist: set a port from 0 to 65535');
    }
    return port === 0 ? 0 : port + 1;
  }
  if (raw === port && port !== 0) {
    throw new ConfigError('LAB_FOREIGN_PORT', `must differ from PORT (${port}): the foreign page needs its own origin`);
  }
  return raw;
}

function parseLabClusterPort(env: Env): number {
  const raw = env.LAB_CLUSTER_PORT;
  if (raw === undefined || raw === '') return 0;
  if (!/^\d+$/.test(raw) || Number(raw) > 65535) {
    throw new ConfigError('LAB_CLUSTER_PORT', `expected a whole number from 0 to 65535 (0 picks a free port), got "${raw}"`);
  }
  return Number(raw);
}

function parseRedisUrl(env: Env): string | null {
  const raw = env.REDIS_URL;
  if (raw === undefined || raw.trim() === '') return null;
  let protocol = '';
  try {
    protocol = new URL(raw).protocol;
  } catch {
    // reported below
  }
  if (protocol !== 'redis:' && protocol !== 'rediss:') {
    throw new ConfigError('REDIS_URL', `expected a Redis URL like redis://127.0.0.1:6379 (redis: or rediss:), got "${raw}"`);
  }
  return raw;
}

const maxWorkers = 64;

function parseWorkers(env: Env): number {
  const raw = env.WORKERS;
  if (raw === undefined || raw === '') return 1;
  if (raw === 'auto') return Math.min(maxWorkers, availableParallelism());
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > maxWorkers) {
    throw new ConfigError('WORKERS', `expected a whole number of processes from 1 to ${maxWorkers}, or "auto" (one per core), got "${raw}"`);
  }
  return Number(raw);
}

function parseWorkerSlot(env: Env): Config['workerSlot'] {
  const match = /^(\d+)\/(\d+)$/.exec(env.LOOPWIRE_WORKER_SLOT ?? '');
  return match ? { index: Number(match[1]), count: Number(match[2]) } : null;
}

export function parseConfig(env: Env, argv: readonly string[] = []): Config {
  // Only the variables Loopwire reads, and an empty (or blank) one counts as unset.
  const set = Object.fromEntries(Object.keys(EnvSchema.entries).flatMap((name) => (env[name]?.trim() ? [[name, env[name]]] : [])));
  const result = v.safeParse(EnvSchema, set, { abortEarly: true });
  if (!result.success) {
    const [issue] = result.issues;
    throw new ConfigError(String(issue.path?.[0]?.key), `${issue.message}, got "${String(issue.input)}"`);
  }
  const parsed = result.output;
  return {
    port: parsed.PORT,
    host: parsed.HOST,
    allowedOrigins: parsed.ALLOWED_ORIGINS ?? null,
    allowedHosts: parseAllowedHosts(env),
    sessionSecret: parseSessionSecret(env),
    dev: argv.includes('--dev'),
    labBlockingBudgetMs: parsed.LAB_BLOCKING_BUDGET_MS,
    labForeignPort: labForeignPort(parsed.PORT, parsed.LAB_FOREIGN_PORT),
    messageRateLimit: parsed.MESSAGE_RATE_LIMIT,
    maxConnectionsPerSid: parsed.MAX_CONNECTIONS_PER_SID,
    tap: parsed.TAP,
    labClusterPort: parseLabClusterPort(env),
    redisUrl: parseRedisUrl(env),
    workers: parseWorkers(env),
    workerSlot: parseWorkerSlot(env),
  };
}
