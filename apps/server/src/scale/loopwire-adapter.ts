// Which broadcasts leave this Loopwire process: with REDIS_URL, the Redis adapter (several machines
// behind a load balancer share them); with WORKERS > 1, the cluster adapter (the workers of one
// primary). Chat crosses; per-process events (loop ticks, lab jobs, the device fleet, the feed of
// this process) are sent with io.local and stay where they happen.

import { createAdapter as createClusterAdapter } from '@socket.io/cluster-adapter';
import type { Config } from '../config.js';
import type { LoopwireIo } from '../core/socket-io.js';
import { createRedisAdapterClients } from './lab-cluster/redis-clients.js';

/** Returns how to let go of what it opened (the Redis clients), or nothing. */
export function shareBroadcasts(io: LoopwireIo, config: Pick<Config, 'redisUrl' | 'workerSlot'>): (() => Promise<void>) | null {
  if (config.redisUrl) {
    const redis = createRedisAdapterClients(config.redisUrl, 'loopwire');
    io.adapter(redis.adapter);
    return redis.close;
  }
  if (config.workerSlot) io.adapter(createClusterAdapter());
  return null;
}
