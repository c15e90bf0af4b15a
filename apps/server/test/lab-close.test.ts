// Closing the server closes the lab too: its worker threads exit and its loop timers stop, so a
// test (or a dev server restart) leaves nothing running behind it.

import { readdirSync } from 'node:fs';
import { expect, it } from 'vitest';
import type { LabLoopResponse } from '@loopwire/contract';
import { startTestServer } from './helpers.js';

/** OS threads of this process (Linux): worker threads are real threads, listed here. */
const threadCount = () => readdirSync('/proc/self/task').length;
const timerCount = () => process.getActiveResourcesInfo().filter((resource) => resource === 'Timeout').length;

it('server.close() ends the worker threads and stops the loop timers', async () => {
  const timersBefore = timerCount();
  const server = await startTestServer();
  const loop = (await (await fetch(`${server.url}/api/lab/loop`)).json()) as LabLoopResponse;
  const job = await fetch(`${server.url}/api/lab/jobs`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ mode: 'worker', durationMs: 20 }),
  });
  expect(job.status).toBe(200);
  const threadsWhileRunning = threadCount();

  await server.close();
  await expect.poll(() => threadsWhileRunning - threadCount(), { timeout: 3000 }).toBeGreaterThanOrEqual(loop.workerThreads);
  expect(timerCount()).toBeLessThanOrEqual(timersBefore);
});
