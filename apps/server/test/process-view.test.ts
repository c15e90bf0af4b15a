// GET /api/lab/process against the real server (in this test's own process, so /proc/self is the
// server): the main thread, the libuv pool and the lab's worker threads named by proof, CPU time
// landing on the threads a job really used, and the device simulator appearing as a child process.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { ProcessViewSchema, type LabLoopResponse, type ProcessThread, type ProcessView, type ThreadRole } from '@loopwire/contract';
import type { LoopwireServer } from '../src/server.js';
import { startTestServer, waitFor } from './helpers.js';

let server: LoopwireServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

async function readView(): Promise<Extract<ProcessView, { available: true }>> {
  const response = await fetch(`${server.url}/api/lab/process`);
  expect(response.status).toBe(200);
  const view = v.parse(ProcessViewSchema, await response.json());
  if (!view.available) throw new Error(`process view unavailable: ${view.reason}`);
  return view;
}

const ofRole = (threads: ProcessThread[], role: ThreadRole) => threads.filter((thread) => thread.role === role);
const cpuOf = (threads: ProcessThread[], role: ThreadRole) => ofRole(threads, role).reduce((sum, thread) => sum + thread.cpuMs, 0);

async function post(path: string, body: unknown): Promise<Response> {
  return fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

describe.runIf(process.platform === 'linux')('the server process, read from /proc', () => {
  it('names the main thread by the pid, every libuv pool thread and every worker thread of the lab', async () => {
    const { threadpoolSize, workerThreads } = (await (await fetch(`${server.url}/api/lab/loop`)).json()) as LabLoopResponse;
    // Pool threads are found by asking them (async readlinks at startup): wait until all answered.
    const view = await waitFor(readView, (candidate) =>
      ofRole(candidate.threads, 'libuv').length === threadpoolSize && ofRole(candidate.threads, 'worker').length >= workerThreads,
    );
    expect(view.pid).toBe(process.pid);
    expect(ofRole(view.threads, 'main')).toEqual([expect.objectContaining({ tid: process.pid })]);
    expect(view.threadpoolSize).toBe(threadpoolSize);
    // Node and V8 start helper threads of their own (background compiling, garbage collection).
    expect(ofRole(view.threads, 'helper').length).toBeGreaterThan(0);
    const tids = view.threads.map((thread) => thread.tid);
    expect(new Set(tids).size).toBe(tids.length);
  });

  it('charges an async job’s CPU to the libuv threads and a worker job’s to the worker threads', async () => {
    const before = await waitFor(readView, (view) => ofRole(view.threads, 'libuv').length === view.threadpoolSize);
    // pbkdf2 does a fixed number of iterations, so its CPU time does not depend on how busy the machine is.
    expect((await post('/api/lab/batch', { mode: 'async', durationMs: 300, count: 4 })).status).toBe(200);
    const afterAsync = await readView();
    expect(cpuOf(afterAsync.threads, 'libuv') - cpuOf(before.threads, 'libuv')).toBeGreaterThanOrEqual(200);

    expect((await post('/api/lab/jobs', { mode: 'worker', durationMs: 500 })).status).toBe(200);
    const afterWorker = await readView();
    expect(cpuOf(afterWorker.threads, 'worker')).toBeGreaterThan(cpuOf(afterAsync.threads, 'worker'));
    // The pool is started once and kept: a job adds no thread.
    expect(afterWorker.threads.length).toBe(afterAsync.threads.length);
  });

  it('answers while async jobs fill the threadpool, showing the pool threads running', async () => {
    let settled = false;
    const batch = post('/api/lab/batch', { mode: 'async', durationMs: 500, count: 4 }).then((response) => {
      settled = true;
      return response;
    });
    // /proc is read on the main thread, so the view does not queue behind the jobs on the pool.
    const during = await waitFor(readView, (view) => ofRole(view.threads, 'libuv').some((thread) => thread.state === 'R'));
    expect(settled).toBe(false);
    expect(ofRole(during.threads, 'libuv').length).toBe(during.threadpoolSize);
    expect((await batch).status).toBe(200);
  });

  it('lists the device simulator as a child process while it runs, and not after it stopped', async () => {
    const started = await post('/api/devices/simulator', { count: 2 });
    expect(started.status).toBe(202);
    const { pid } = (await started.json()) as { pid: number };
    // A just-spawned child has one thread until Node inside it has started its own.
    const running = await waitFor(readView, (view) => view.children.some((child) => child.pid === pid && child.threads > 1));
    const simulator = running.children.find((child) => child.pid === pid)!;
    expect(simulator).toMatchObject({ ppid: process.pid, role: 'device-simulator' });
    expect(simulator.command).toContain('fanout/simulator.js');

    expect((await fetch(`${server.url}/api/devices/simulator`, { method: 'DELETE' })).status).toBeLessThan(300);
    await waitFor(readView, (view) => !view.children.some((child) => child.pid === pid));
  });
});
