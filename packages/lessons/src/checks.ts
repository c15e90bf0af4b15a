// Named checks that a challenge can ask the live server to perform. The web app implements
// each (apps/web/src/checks), typed `Record<LiveCheckId, …>`, and a test runs each solution.

export const liveCheckIds = [
  'server-port-of-websocket',
  'request-head-size',
  'own-websocket-key',
  'server-answered-426',
  'bytes-of-hi-frame',
  'private-close-code',
] as const;

export type LiveCheckId = (typeof liveCheckIds)[number];
