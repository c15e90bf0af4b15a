// Which capture the inspector opens when the address names none: the learner's latest handshake,
// not the page's own Socket.IO polling that is always newest.

import type { CaptureSummary } from '@loopwire/contract';

/** Newest first in, the one to show: the latest 101 (a WebSocket upgrade), else the latest exchange that is not Socket.IO's background traffic, else the newest. */
export function defaultSelection<T extends Pick<CaptureSummary, 'kind' | 'status'>>(newestFirst: readonly T[]): T | undefined {
  return (
    newestFirst.find((capture) => capture.status === 101) ??
    newestFirst.find((capture) => capture.kind !== 'socket.io') ??
    newestFirst[0]
  );
}
