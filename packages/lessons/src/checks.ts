// Named checks that a challenge can ask the live server to perform. The web app implements
// each (apps/web/src/checks), typed `Record<LiveCheckId, …>`, and a test runs each solution.

export const liveCheckIds = [
  'server-port-of-websocket',
  'request-head-size',
  'own-websocket-key',
  'server-answered-426',
  'bytes-of-hi-frame',
  'private-close-code',
  'fragmented-message-frames',
  'last-of-nested-microtasks',
  'lag-over-500',
  'four-async-jobs-queued',
  'worker-keeps-loop-free',
  'posted-feed-message',
  'sse-retry-delay',
  'engineio-ping-interval',
  'reused-ticket-status',
  'rate-limit-close-code',
  'broadcast-ack-count',
  'scale-worker-pid',
  'scale-session-unknown-status',
  'scale-broadcast-receivers',
  'scale-noisy-neighbour-stalled',
] as const;

export type LiveCheckId = (typeof liveCheckIds)[number];
