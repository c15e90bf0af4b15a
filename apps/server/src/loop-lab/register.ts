// The event-loop lab on the live server: loop samples and heartbeat ticks to every page, jobs in
// four modes, ordering experiments. Routes under /api/lab (contract: the README's "HTTP contract").

import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { LabLoopResponse, LabRecentJobsResponse, OrderResult } from '@loopwire/protocol';
import type { Response } from 'express';
import type { ServerDeps } from '../deps.js';
import { createBlockingBudget } from './blocking-budget.js';
import { builtFile } from '../core/built-file.js';
import type { CpuTask, CpuTaskResult } from './cpu-worker.js';
import { createJobRunner } from './jobs.js';
import { RetryLater } from '../core/retry-later.js';
import { createLoopMonitor } from './loop-monitor.js';
import { runOrderExperiment } from './order-experiments.js';
import { createPbkdf2Work } from './pbkdf2-work.js';
import { createThreadpoolLanes, threadpoolSize } from './threadpool-lanes.js';
import { readBatchRequest, readJobRequest, readOrderRequest } from './validate.js';
import { sendError } from '../core/errors.js';

const tickEveryMs = 100;

export function registerLoopLab({ io, api, config, onClose }: Pick<ServerDeps, 'io' | 'api' | 'config' | 'onClose'>): void {
  const monitor = createLoopMonitor();
  monitor.onSample((sample) => io.emit('loop:sample', sample));

  let seq = 0;
  const heartbeat = setInterval(() => io.emit('loop:tick', { seq: ++seq, sentAt: Date.now() }), tickEveryMs);

  const workerThreads = Math.max(2, Math.min(4, availableParallelism()));
  // Long-lived workers: started once, kept warm, so a job never pays for starting a thread.
  const workers = new Piscina<CpuTask, CpuTaskResult>({
    filename: builtFile('loop-lab/cpu-worker.js'),
    minThreads: workerThreads,
    maxThreads: workerThreads,
    idleTimeout: Number.POSITIVE_INFINITY,
  });
  const budget = createBlockingBudget(config.labBlockingBudgetMs);
  const lanes = createThreadpoolLanes(threadpoolSize());
  const jobs = createJobRunner({ io, monitor, budget, lanes, pbkdf2: createPbkdf2Work(), workers });

  const refuseLater = (res: Response, error: unknown) => {
    if (!(error instanceof RetryLater)) throw error;
    res.setHeader('Retry-After', String(Math.max(1, Math.ceil(error.retryAfterMs / 1000))));
    sendError(res, error.status, error.code, error.message);
  };

  api.get('/lab/loop', (_req, res) => {
    const body: LabLoopResponse = {
      samples: monitor.history(),
      threadpoolSize: lanes.size,
      workerThreads,
      blockingBudget: { budgetMs: budget.budgetMs, windowMs: budget.windowMs, usedMs: budget.usedMs() },
    };
    res.json(body);
  });

  api.get('/lab/jobs', (_req, res) => {
    const body: LabRecentJobsResponse = { jobs: jobs.recent() };
    res.json(body);
  });

  api.post('/lab/jobs', async (req, res) => {
    const { mode, durationMs } = readJobRequest(req.body);
    try {
      res.json(await jobs.run(mode, durationMs));
    } catch (error) {
      refuseLater(res, error);
    }
  });

  api.post('/lab/batch', async (req, res) => {
    const { mode, durationMs, count } = readBatchRequest(req.body);
    try {
      res.json({ jobs: await jobs.runBatch(mode, durationMs, count) });
    } catch (error) {
      refuseLater(res, error);
    }
  });

  api.post('/lab/order', async (req, res) => {
    const experiment = readOrderRequest(req.body);
    try {
      const body: OrderResult = { experiment, observed: await runOrderExperiment(experiment) };
      res.json(body);
    } catch (error) {
      refuseLater(res, error);
    }
  });

  onClose(async () => {
    clearInterval(heartbeat);
    monitor.stop();
    await workers.destroy();
  });
}
