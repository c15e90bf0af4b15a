// Configuration from environment variables, parsed in one place with errors that name the variable.

import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';

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
  /** Tests only (no environment variable): shorter long-poll hold, SSE heartbeat and ticker periods. */
  longPollHoldMs?: number;
  sseHeartbeatMs?: number;
  tickerIntervalMs?: number;
  /** Tests only: how often raw WebSocket peers are pinged (a peer missing a pong is dropped); default 30 s. */
  wsHeartbeatMs?: number;
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

function parsePort(env: Env): number {
  const raw = env.PORT;
  if (raw === undefined || raw === '') return 3000;
  if (!/^\d+$/.test(raw) || Number(raw) > 65535) {
    throw new ConfigError('PORT', `expected a whole number from 0 to 65535 (0 picks a free port), got "${raw}"`);
  }
  return Number(raw);
}

const hostName = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/i;

function parseHost(env: Env): string {
  const raw = env.HOST;
  if (raw === undefined || raw === '') return '127.0.0.1';
  if (isIP(raw) === 0 && !hostName.test(raw)) {
    throw new ConfigError('HOST', `expected an IP address (127.0.0.1, 0.0.0.0, ::1) or a host name, got "${raw}"`);
  }
  return raw;
}

function parseAllowedOrigins(env: Env): string[] | null {
  const raw = env.ALLOWED_ORIGINS;
  if (raw === undefined || raw.trim() === '') return null;
  return raw.split(',').map((entry) => {
    const value = entry.trim();
    let origin: string;
    try {
      origin = new URL(value).origin;
    } catch {
      origin = 'null';
    }
    if (origin === 'null' || origin !== value.replace(/\/$/, '')) {
      throw new ConfigError(
        'ALLOWED_ORIGINS',
        `expected a comma-separated list of origins like http://localhost:5173 (scheme, host and port, no path), got "${value}"`,
      );
    }
    return origin;
  });
}

function parseAllowedHosts(env: Env): string[] {
  const raw = env.ALLOWED_HOSTS;
  if (raw === undefined || raw.trim() === '') return [];
  return raw.split(',').map((entry) => {
    const value = entry.trim().toLowerCase();
    const bracketed = /^\[([0-9a-f:.]+)\]$/.exec(value);
    if (bracketed ? isIP(bracketed[1]!) !== 6 : isIP(value) === 0 && !hostName.test(value)) {
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

function parseLabBlockingBudget(env: Env): number {
  const raw = env.LAB_BLOCKING_BUDGET_MS;
  if (raw === undefined || raw === '') return 5000;
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > 600_000) {
    throw new ConfigError(
      'LAB_BLOCKING_BUDGET_MS',
      `expected milliseconds of blocking jobs allowed per 10 s window, a whole number from 1 to 600000, got "${raw}"`,
    );
  }
  return Number(raw);
}

/** LAB_FOREIGN_PORT: defaults to PORT + 1 on the same host (or any free port when PORT is 0). */
function parseLabForeignPort(env: Env, port: number): number {
  const raw = env.LAB_FOREIGN_PORT;
  if (raw === undefined || raw === '') {
    if (port === 65535) {
      throw new ConfigError('LAB_FOREIGN_PORT', 'PORT is 65535, so the default PORT + 1 does not exist: set a port from 0 to 65535');
    }
    return port === 0 ? 0 : port + 1;
  }
  if (!/^\d+$/.test(raw) || Number(raw) > 65535) {
    throw new ConfigError('LAB_FOREIGN_PORT', `expected a whole number from 0 to 65535 (0 picks a free port), got "${raw}"`);
  }
  if (Number(raw) === port && port !== 0) {
    throw new ConfigError('LAB_FOREIGN_PORT', `must differ from PORT (${port}): the foreign page needs its own origin`);
  }
  return Number(raw);
}

function parseBoundedInteger(env: Env, variable: string, fallback: number, min: number, max: number, unit: string): number {
  const raw = env[variable];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new ConfigError(variable, `expected a whole number of ${unit} from ${min} to ${max}, got "${raw}"`);
  }
  return Number(raw);
}

function parseTap(env: Env): 'on' | 'off' {
  const raw = env.TAP;
  if (raw === undefined || raw === '') return 'on';
  if (raw !== 'on' && raw !== 'off') throw new ConfigError('TAP', `expected "on" or "off", got "${raw}"`);
  return raw;
}

export function parseConfig(env: Env, argv: readonly string[] = []): Config {
  const port = parsePort(env);
  return {
    port,
    host: parseHost(env),
    allowedOrigins: parseAllowedOrigins(env),
    allowedHosts: parseAllowedHosts(env),
    sessionSecret: parseSessionSecret(env),
    dev: argv.includes('--dev'),
    labBlockingBudgetMs: parseLabBlockingBudget(env),
    labForeignPort: parseLabForeignPort(env, port),
    messageRateLimit: parseBoundedInteger(env, 'MESSAGE_RATE_LIMIT', 50, 1, 100_000, 'messages per second'),
    maxConnectionsPerSid: parseBoundedInteger(env, 'MAX_CONNECTIONS_PER_SID', 5, 1, 1000, 'connections'),
    tap: parseTap(env),
  };
}
