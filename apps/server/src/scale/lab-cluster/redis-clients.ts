// The Redis adapter's two clients (publish, subscribe) for one lab worker, made safe for a Redis
// that comes and goes: the adapter publishes without catching, so a rejected publish would end the
// process; here it is caught, and a broadcast made while Redis is unreachable fails at once
// (no offline queue) instead of arriving seconds later — it is lost, and the page says so.

import { createAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';

/** `key`: the channel prefix, so the lab's cluster and Loopwire itself never hear each other on one Redis. */
export function createRedisAdapterClients(url: string, key: string) {
  const pubClient = createClient({ url, disableOfflineQueue: true });
  const subClient = createClient({ url });
  // Without 'error' listeners a client that cannot reach Redis throws; reconnecting is automatic.
  pubClient.on('error', () => undefined);
  subClient.on('error', () => undefined);
  const publish = pubClient.publish.bind(pubClient);
  Object.defineProperty(pubClient, 'publish', {
    value: (...args: Parameters<typeof publish>) => publish(...args).catch(() => 0),
  });
  void pubClient.connect().catch(() => undefined);
  void subClient.connect().catch(() => undefined);
  return {
    adapter: createAdapter(pubClient, subClient, { key }),
    pubClient,
    async close() {
      await Promise.all([pubClient.destroy(), subClient.destroy()]);
    },
  };
}
