// Which Loopwire worker process serves this browser (WORKERS > 1), from the server's hello on the
// page's live connection; nothing when one process serves everyone.

import { useSyncExternalStore } from 'react';
import type { ServerHello } from '@loopwire/contract';
import { liveSocket } from './socket.ts';

// Kept from the moment this module loads (with the shell), so a page mounted later still knows it.
let lastHello: ServerHello | null = null;
const listeners = new Set<() => void>();
liveSocket.on('server:hello', (hello) => {
  lastHello = hello;
  for (const listener of listeners) listener();
});

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function WorkerBadge({ long = false }: { long?: boolean }) {
  const hello = useSyncExternalStore(subscribe, () => lastHello, () => null);
  if (!hello?.worker) return null;
  const { index, count } = hello.worker;
  return (
    <span className="badge worker-badge" data-testid="worker-badge" title={`Served by worker ${index + 1} of ${count} (pid ${hello.pid}); every request of yours goes to it.`}>
      {long
        ? `You are on worker ${index + 1} of ${count} (pid ${hello.pid}): this lab measures that process's own loop.`
        : `worker ${index + 1}/${count} · pid ${hello.pid}`}
    </span>
  );
}
