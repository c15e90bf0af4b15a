// Starts the real server on a free port for a test file, and the clients tests talk to it with.

import { vi } from 'vitest';
import { startLoopwireServer, type LoopwireServer } from '../src/server.js';
import { parseConfig, type Config } from '../src/config.js';
import type { CaptureRecord } from '../src/tap/capture-record.js';
import { rawExchange as rawExchangeWith } from '../../../bench/src/corpus/wire.js';

// The bad-input corpus's raw-bytes tools serve the tests too: one hand-built handshake, one raw exchange.
export { handshake } from '../../../bench/src/corpus/wire.js';

export async function startTestServer(overrides: Partial<Config> = {}): Promise<LoopwireServer> {
  // parseConfig fills every setting with its default, so new settings need no change here.
  return startLoopwireServer({ ...parseConfig({ PORT: '0', HOST: '127.0.0.1' }), ...overrides });
}

/** Sends raw bytes on a fresh TCP connection and resolves with everything the server sent before closing. */
export function rawExchange(port: number, bytes: string | Buffer, options: { idleMs?: number } = {}): Promise<string> {
  return rawExchangeWith({ port, url: `http://127.0.0.1:${port}` }, bytes, options);
}

/**
 * Reads a value until `done` holds: waiting on a condition, never on a clock (Vitest's own poller,
 * every `everyMs`). Throws with the last value read if it does not hold within `timeoutMs`.
 */
export function waitFor<T>(
  read: () => T | Promise<T>,
  done: (value: T) => boolean,
  { timeoutMs = 10_000, everyMs = 10 } = {},
): Promise<T> {
  return vi.waitFor(
    async () => {
      const value = await read();
      if (!done(value)) throw new Error(`gave up waiting; last value ${JSON.stringify(value)?.slice(0, 300)}`);
      return value;
    },
    { timeout: timeoutMs, interval: everyMs },
  );
}

/** The tap's records, newest first, that satisfy `match`: what the server has seen of each exchange. */
export function capturesWhere(server: LoopwireServer, match: (record: CaptureRecord) => boolean): CaptureRecord[] {
  return [...server.tap.store.newestFirst()].filter(match);
}

/** Requests to a URL containing `marker` that the server has read completely and not yet answered. */
export function heldRequests(server: LoopwireServer, marker: string): number {
  return capturesWhere(server, (record) => record.url.includes(marker) && record.requestBody.complete && record.status === null).length;
}
