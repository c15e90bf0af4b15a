// The feed room's one entry: a single message feed, reached five ways (short poll, long poll, SSE,
// a raw WebSocket, Socket.IO), plus publishing to it and the server-initiated close demo.

import type { ServerDeps } from '../deps.js';
import { createFeedHub } from './hub.js';
import { registerFeedControls } from './register.js';
import { registerShortPolling } from './short-polling.js';
import { registerLongPolling } from './long-polling.js';
import { registerSse } from './sse.js';
import { registerWebSocketFeed } from './ws-feed.js';
import { registerSocketIoFeed } from './socketio-feed.js';

export function registerFeed(deps: Pick<ServerDeps, 'app' | 'api' | 'io' | 'upgrades' | 'config' | 'sessions' | 'onClose'>): void {
  const withHub = { ...deps, feedHub: createFeedHub() };
  registerFeedControls(withHub);
  registerShortPolling(withHub);
  registerLongPolling(withHub);
  registerSse(withHub);
  registerWebSocketFeed(withHub);
  registerSocketIoFeed(withHub);
}
