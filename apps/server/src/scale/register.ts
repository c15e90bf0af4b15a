// The scale lab (lesson 13): a real cluster on a second loopback port, started on demand, with
// the in-memory, cluster and Redis adapters; its captures, its workers (kill one) and its Redis.

import express from 'express';
import type { ScaleBlockResult, ScaleCapturesResponse, ScaleLatestBlock, ScaleState } from '@loopwire/contract';
import type { ServerDeps } from '../deps.js';
import { HttpError } from '../core/errors.js';
import { ownOrigins } from '../upgrade/origin.js';
import { sidOf } from '../session/sid.js';
import { createLabCluster } from './lab-cluster.js';
import { createLabRedis, enableRedisSentence, findRedisServer } from './lab-redis.js';
import { parseBlockDuration, parseClusterOptions, parseRunning } from './validate.js';

/** What the lab page lists of the learner's exchanges with the cluster. */
const maxLabCaptures = 100;
/** Browsers whose latest block is remembered (for lesson 13's check); the oldest is forgotten first. */
const maxRememberedBlocks = 1000;

/** The origins the page that drives the lab can have: the server's own (or ALLOWED_ORIGINS). */
function pageOrigins(config: ServerDeps['config'], httpServer: ServerDeps['httpServer']): string[] {
  const address = httpServer.address();
  // A WORKERS=N worker does not listen itself: its primary listens on config.port.
  const port = typeof address === 'object' && address ? address.port : config.port;
  return config.allowedOrigins ?? ownOrigins(config.host, port);
}

export function registerScale({ api, config, io, httpServer, tap, onClose }: Pick<ServerDeps, 'api' | 'config' | 'io' | 'httpServer' | 'tap' | 'onClose'>): void {
  let changeTimer: NodeJS.Timeout | undefined;
  // Several changes at once (a cluster of 4 starting) make one push.
  const announce = () => {
    changeTimer ??= setTimeout(() => {
      changeTimer = undefined;
      io.local.emit('scale:changed');
    }, 50);
  };
  const cluster = createLabCluster({
    port: config.labClusterPort,
    sessionSecret: config.sessionSecret,
    onChange: announce,
    // Filed under the learner's sid with this server's own captures: /inspector lists them too.
    onCaptures: (pid, updates) =>
      tap.adopted.adopt({ pid, label: `lab-${pid}`, note: `Recorded by worker pid ${pid} of the scale lab's cluster (port ${cluster.port}).` }, updates),
  });
  const redis = createLabRedis({
    url: config.redisUrl,
    serverCommand: config.redisServerCommand === undefined ? findRedisServer() : config.redisServerCommand,
    onUp: (message) => cluster.log('redis-up', message),
    onDown: (message) => cluster.log('redis-down', message),
  });
  onClose(async () => {
    clearTimeout(changeTimer);
    await cluster.stop();
    await redis.close();
  });

  const state = async (): Promise<ScaleState> => ({
    running: cluster.running,
    port: cluster.port,
    primaryPid: cluster.primaryPid,
    options: cluster.options,
    workers: cluster.workers(),
    redis: await redis.status(),
    events: cluster.events(),
  });

  const scale = express.Router();

  scale.get('/', async (_req, res) => {
    res.json(await state());
  });

  scale.put('/', async (req, res) => {
    const options = parseClusterOptions(req.body);
    let redisUrl: string | null = null;
    if (options.adapter === 'redis') {
      if (!redis.available) throw new HttpError(409, 'redis_unavailable', enableRedisSentence);
      redisUrl = await redis.ensure();
    }
    try {
      await cluster.start({ ...options, origins: pageOrigins(config, httpServer), redisUrl });
    } catch (error) {
      throw new HttpError(503, 'cluster_failed', `The cluster did not start: ${(error as Error).message}`);
    }
    res.json(await state());
  });

  scale.delete('/', async (_req, res) => {
    await cluster.stop();
    res.json(await state());
  });

  scale.post('/workers/:pid/kill', async (req, res) => {
    const pid = Number(req.params.pid);
    if (!cluster.running) throw new HttpError(409, 'cluster_not_running', 'Start the cluster first.');
    if (!Number.isInteger(pid) || !cluster.killWorker(pid)) {
      throw new HttpError(404, 'no_such_worker', `No worker of the lab cluster has pid ${req.params.pid}.`);
    }
    res.status(202).json({ killed: pid });
  });

  // The noisy neighbour: one worker's loop blocked; the answer comes once it is free again.
  const latestBlocks = new Map<string, ScaleBlockResult>();
  scale.post('/workers/:pid/block', async (req, res) => {
    const durationMs = parseBlockDuration(req.body);
    if (!cluster.running) throw new HttpError(409, 'cluster_not_running', 'Start the cluster first.');
    const pid = Number(req.params.pid);
    const blocked = Number.isInteger(pid) ? cluster.blockWorker(pid, durationMs, sidOf(res)) : null;
    if (!blocked) throw new HttpError(404, 'no_such_worker', `No worker of the lab cluster has pid ${req.params.pid}.`);
    let result: ScaleBlockResult;
    try {
      result = await blocked;
    } catch (error) {
      throw new HttpError(503, 'cluster_failed', `The block did not finish: ${(error as Error).message}.`);
    }
    latestBlocks.delete(sidOf(res));
    latestBlocks.set(sidOf(res), result);
    if (latestBlocks.size > maxRememberedBlocks) latestBlocks.delete(latestBlocks.keys().next().value!);
    res.json(result);
  });

  scale.get('/blocks/latest', (_req, res) => {
    const body: ScaleLatestBlock = { latest: latestBlocks.get(sidOf(res)) ?? null };
    res.json(body);
  });

  scale.put('/redis', async (req, res) => {
    const running = parseRunning(req.body);
    if (!redis.available) throw new HttpError(409, 'redis_unavailable', enableRedisSentence);
    if (!redis.controllable) {
      throw new HttpError(409, 'redis_not_ours', 'This Redis comes from REDIS_URL: Loopwire does not stop or start a Redis it did not start.');
    }
    await redis.ensure();
    await redis.setRunning(running);
    cluster.log(running ? 'redis-up' : 'redis-down', running ? 'redis-server started again on the same port' : 'redis-server stopped (SIGKILL)');
    res.json(await state());
  });

  scale.get('/captures', async (_req, res) => {
    const body: ScaleCapturesResponse = {
      // This run's: an earlier cluster's workers are gone (their captures stay in the inspector).
      captures: tap.adopted
        .list({ sid: sidOf(res), limit: maxLabCaptures, includeNoise: true })
        .filter((entry) => cluster.startedAt !== null && entry.capture.startedAt >= cluster.startedAt)
        .map((entry) => ({ ...tap.adopted.toCapture(entry), workerPid: entry.producerPid })),
    };
    res.json(body);
  });

  api.use('/scale', scale);
}
