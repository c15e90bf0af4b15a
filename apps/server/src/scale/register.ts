// The scale lab (lesson 13): a real cluster on a second loopback port, started on demand, with
// the in-memory, cluster and Redis adapters; its captures, its workers (kill one) and its Redis.

import express from 'express';
import type { ScaleCapturesResponse, ScaleState } from '@loopwire/contract';
import type { ServerDeps } from '../deps.js';
import { HttpError } from '../core/errors.js';
import { ownOrigins } from '../upgrade/origin.js';
import { sidOf } from '../session/sid.js';
import { createLabCluster } from './lab-cluster.js';
import { createLabRedis, enableRedisSentence, findRedisServer } from './lab-redis.js';
import { parseClusterOptions, parseRunning } from './validate.js';

/** The origins the page that drives the lab can have: the server's own (or ALLOWED_ORIGINS). */
function pageOrigins(config: ServerDeps['config'], httpServer: ServerDeps['httpServer']): string[] {
  const address = httpServer.address();
  // A WORKERS=N worker does not listen itself: its primary listens on config.port.
  const port = typeof address === 'object' && address ? address.port : config.port;
  return config.allowedOrigins ?? ownOrigins(config.host, port);
}

export function registerScale({ api, config, io, httpServer, onClose }: Pick<ServerDeps, 'api' | 'config' | 'io' | 'httpServer' | 'onClose'>): void {
  let changeTimer: NodeJS.Timeout | undefined;
  // Several changes at once (a cluster of 4 starting) make one push.
  const announce = () => {
    changeTimer ??= setTimeout(() => {
      changeTimer = undefined;
      io.local.emit('scale:changed');
    }, 50);
  };
  const cluster = createLabCluster({ port: config.labClusterPort, sessionSecret: config.sessionSecret, onChange: announce });
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
    const body: ScaleCapturesResponse = { captures: await cluster.captures(sidOf(res)) };
    res.json(body);
  });

  api.use('/scale', scale);
}
