// The event-loop lab on the live server: loop samples and heartbeat ticks to every page, jobs in
// four modes, ordering experiments. Routes under /api/lab (contract: the README's "HTTP contract").
// Each learner's own jobs and experiment runs are kept per sid, so a challenge check reads what
// this learner did.

import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import {
  LabBatchRequestSchema,
  LabJobRequestSchema,
  OrderRequestSchema,
  orderExperimentIds,
  type LabJobResult,
  type LabLoopResponse,
  type OrderRun,
  type OrderRunsResponse,
  type OrderExperimentSources,
  type LabRecentJobsResponse,
  type OrderResult,
} from '@loopwire/contract';
import type { Response } from 'express';
import type { ServerDeps } from '../deps.js';
import { createBlockingBudget } from './blocking-budget.js';
import { builtFile } from '../core/built-file.js';
import type { CpuTask, CpuTaskResult, WorkerThreadAnnouncement } from './cpu-worker.js';
import { createJobRunner } from './jobs.js';
import { RetryLater } from '../core/retry-later.js';
import { createLoopMonitor } from './loop-monitor.js';
import { runOrderExperiment, sourceOf } from './order-experiments.js';
import { createPbkdf2Work } from './pbkdf2-work.js';
import { createProcessView } from './process-view.js';
import { createThreadpoolLanes, threadpoolSize } from './threadpool-lanes.js';
import { sendError } from '../core/errors.js';
import { readBody } from '../core/read-input.js';
import { createPerSidHistory } from '../session/history.js';
import { sidOf } from '../session/sid.js';

const tickEveryMs = 100;

export function registerLoopLab({ io, api, config, onClose }: Pick<ServerDeps, 'io' | 'api' | 'config' | 'onClose'>): void {
  const monitor = createLoopMonitor();
  monitor.onSample((sample) => io.local.emit('loop:sample', sample));

  let seq = 0;
  const heartbeat = setInterval(() => io.local.emit('loop:tick', { seq: ++seq, sentAt: Date.now() }), tickEveryMs);

  // Before the worker pool starts: its threads' start-up would count in the calibration's CPU time.
  const pbkdf2 = createPbkdf2Work();
  const workerThreads = Math.max(2, Math.min(4, availableParallelism()));
  // Long-lived workers: started once, kept warm, so a job never pays for starting a thread.
  const workers = new Piscina<CpuTask, CpuTaskResult>({
    filename: builtFile('loop-lab/cpu-worker.js'),
    minThreads: workerThreads,
    maxThreads: workerThreads,
    idleTimeout: Number.POSITIVE_INFINITY,
  });
  const processView = createProcessView({ threadpoolSize: threadpoolSize() });
  workers.on('message', (message: WorkerThreadAnnouncement) => processView.addWorkerThread(message.osThreadId));
  const budget = createBlockingBudget(config.labBlockingBudgetMs);
  const lanes = createThreadpoolLanes(threadpoolSize());
  const jobs = createJobRunner({ io, monitor, budget, lanes, pbkdf2, workers });

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

  /** This process's threads right now and the processes it started (Linux; elsewhere, why not). */
  api.get('/lab/process', async (_req, res) => {
    res.json(await processView.view());
  });

  const jobsOfSid = createPerSidHistory<LabJobResult>();
  const orderRunsOfSid = createPerSidHistory<OrderRun>({ perSid: 20 });

  /** The caller's own recent jobs, oldest first. */
  api.get('/lab/jobs', (_req, res) => {
    const body: LabRecentJobsResponse = { jobs: jobsOfSid.of(sidOf(res)) };
    res.json(body);
  });

  api.post('/lab/jobs', async (req, res) => {
    const { mode, durationMs } = readBody(LabJobRequestSchema, req.body);
    try {
      const job = await jobs.run(mode, durationMs);
      jobsOfSid.add(sidOf(res), job);
      res.json(job);
    } catch (error) {
      refuseLater(res, error);
    }
  });

  api.post('/lab/batch', async (req, res) => {
    const { mode, durationMs, count } = readBody(LabBatchRequestSchema, req.body);
    try {
      const batch = await jobs.runBatch(mode, durationMs, count);
      for (const job of batch) jobsOfSid.add(sidOf(res), job);
      res.json({ jobs: batch });
    } catch (error) {
      refuseLater(res, error);
    }
  });

  api.get('/lab/experiments', (_req, res) => {
    const body: OrderExperimentSources = { experiments: orderExperimentIds.map((id) => ({ id, code: sourceOf(id) })) };
    res.json(body);
  });

  /** The caller's own recent experiment runs, oldest first. */
  api.get('/lab/order', (_req, res) => {
    const body: OrderRunsResponse = { runs: orderRunsOfSid.of(sidOf(res)) };
    res.json(body);
  });

  api.post('/lab/order', async (req, res) => {
    const { experiment } = readBody(OrderRequestSchema, req.body);
    try {
      const body: OrderResult = { experiment, observed: await runOrderExperiment(experiment) };
      orderRunsOfSid.add(sidOf(res), { ...body, at: Date.now() });
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
