// Loopwire itself on one process and on two (WORKERS=2): GET /api/health requests per second, by
// autocannon over keep-alive connections, each carrying its own learner's loopwire_sid (the primary
// routes a connection by that cookie, so a class spreads over the workers as it would for real).

import { get } from 'node:http';
import { cpus } from 'node:os';
import autocannon from 'autocannon';
import type { Row } from '../report.js';
import { withServer, type ServerProcess } from '../server-process.js';
import type { Sizes } from '../sizes.js';
import { sleep } from '../stats.js';
import { healthRows, type HealthRun } from './scale-fanout-report.js';

/** A new TCP connection per call (agent: false): a cookie-less connection is dealt to the next worker. */
function freshHealth(url: string): Promise<{ pid: number | null; cookie: string | null }> {
  return new Promise((resolve, reject) => {
    const request = get(`${url}/api/health`, { agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        // A worker still starting is answered by the primary (503, plain text): no pid yet.
        if (response.statusCode !== 200) return resolve({ pid: null, cookie: null });
        const setCookie = response.headers['set-cookie']?.map((line) => line.split(';')[0]!).find((pair) => pair.startsWith('loopwire_sid='));
        resolve({ pid: (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { pid: number }).pid, cookie: setCookie ?? null });
      });
      response.on('error', reject);
    });
    request.on('error', reject);
  });
}

/** One sid per connection, and the pids they route to: every worker serves before the run starts. */
async function learners(server: ServerProcess, count: number, workers: number): Promise<{ cookies: string[]; pids: Set<number> }> {
  const cookies: string[] = [];
  const pids = new Set<number>();
  const deadline = performance.now() + 60_000;
  while (cookies.length < count || pids.size < workers) {
    if (performance.now() > deadline) throw new Error(`only ${pids.size} of ${workers} workers answered within 60 s`);
    const { pid, cookie } = await freshHealth(server.url);
    if (pid === null) {
      await sleep(100);
      continue;
    }
    pids.add(pid);
    if (cookie && cookies.length < count) cookies.push(cookie);
  }
  return { cookies, pids };
}

async function load(url: string, cookies: string[], seconds: number): Promise<autocannon.Result> {
  let next = 0;
  return autocannon({
    url: `${url}/api/health`,
    connections: cookies.length,
    duration: seconds,
    // Each connection is one learner: its own cookie on every request it sends.
    setupClient: (client) => client.setHeaders({ cookie: cookies[next++ % cookies.length]! }),
  });
}

async function measureWorkers(workers: number, sizes: Sizes['scale']): Promise<HealthRun> {
  return withServer({ WORKERS: String(workers) }, async (server) => {
    const { cookies, pids } = await learners(server, sizes.healthConnections, workers);
    if (sizes.healthWarmupSeconds > 0) await load(server.url, cookies, sizes.healthWarmupSeconds);
    const cpuBefore = process.cpuUsage();
    const startedAt = performance.now();
    const result = await load(server.url, cookies, sizes.healthSeconds);
    const wallS = (performance.now() - startedAt) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    return {
      workers,
      requestsPerSecond: result.requests.total / result.duration,
      non2xx: result.non2xx,
      errors: result.errors + result.timeouts,
      connections: cookies.length,
      seconds: sizes.healthSeconds,
      clientCores: (cpu.user + cpu.system) / 1e6 / wallS,
      pidsSeen: pids.size,
    };
  });
}

export async function benchHealthRps(sizes: Sizes['scale']): Promise<Row[]> {
  const one = await measureWorkers(1, sizes);
  const two = await measureWorkers(2, sizes);
  return healthRows(one, two, cpus().length);
}
