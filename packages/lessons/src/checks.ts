// Named checks that a challenge can ask the live server to perform. The web app implements
// each (apps/web/src/checks), typed `Record<LiveCheckId, …>`, and a test runs each solution.

export const liveCheckIds = [
  'server-port-of-websocket',
  'reused-ticket-status',
  'rate-limit-close-code',
  'broadcast-ack-count',
] as const;

export type LiveCheckId = (typeof liveCheckIds)[number];
