// The one JSON client against the real server: answers are parsed, the server's error body becomes an
// ApiError with its code and message, and a server that is gone says so instead of "Failed to fetch".

import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LabJobResult } from '@loopwire/contract';
import { startLoopwireServer, type LoopwireServer } from '@loopwire/server';
import { ApiError, requestJson, type Fetch } from './api.ts';

let server: LoopwireServer;
const against = (baseUrl: string): Fetch => (path, init) => fetch(new URL(path, baseUrl), init);

beforeAll(async () => {
  server = await startLoopwireServer({
    port: 0,
    host: '127.0.0.1',
    allowedOrigins: null,
    allowedHosts: [],
    sessionSecret: 'api-test-session-secret-of-32-chars!',
    dev: false,
    tap: 'off',
    labBlockingBudgetMs: 5000,
    labForeignPort: 0,
    messageRateLimit: 50,
    maxConnectionsPerSid: 5,
    labClusterPort: 0,
    redisUrl: null,
    workers: 1,
    workerSlot: null,
  });
});
afterAll(() => server.close());

/** A port nothing listens on: bound once by us, then closed. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

describe('requestJson', () => {
  it('posts JSON and returns the answer', async () => {
    const result = await requestJson<LabJobResult>('/api/lab/jobs', { body: { mode: 'async', durationMs: 5 }, fetch: against(server.url) });
    expect(result.mode).toBe('async');
    expect(result.durationMs).toBe(5);
  });

  it("turns the server's error body into an ApiError with its status, code and message", async () => {
    const failure = await requestJson('/api/lab/jobs', { body: { mode: 'sideways', durationMs: 5 }, fetch: against(server.url) }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({ status: 400, code: 'bad_mode' });
    expect((failure as ApiError).message).toMatch(/^mode must be one of/);
  });

  it('says the server cannot be reached when nothing answers', async () => {
    const port = await closedPort();
    const failure = await requestJson('/api/health', { fetch: against(`http://127.0.0.1:${port}`) }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({ status: 0, code: 'server_unreachable' });
    expect((failure as ApiError).message).toMatch(/^Cannot reach the Loopwire server/);
    expect((failure as ApiError).message).not.toMatch(/Failed to fetch/);
  });
});
