// The feed over a raw WebSocket on `/ws/feed?after=<id>`: a `hello`, then every feed message as one
// JSON text message. A text message from the client is published to the feed (either side may speak).
// The Origin check happens in the upgrade router before this module sees the request.

import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import { maxFeedTextLength, serverCloseCode, serverCloseReason, type WsFeedServerMessage } from '@loopwire/contract';
import type { FeedDeps } from './hub.js';
import { refuseBadHandshake } from '../upgrade/handshake.js';
import { defaultHeartbeatMs, keepAlive, sendBounded } from '../core/backpressure.js';

export const wsFeedPath = '/ws/feed';

function afterOf(req: IncomingMessage): number {
  const after = new URL(req.url ?? '/', 'http://x').searchParams.get('after');
  return after !== null && /^\d{1,15}$/.test(after) ? Number(after) : 0;
}

export function registerWebSocketFeed({ app, upgrades, feedHub, config, sessions, onClose }: FeedDeps<'app' | 'upgrades' | 'config' | 'sessions' | 'onClose'>): void {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024, perMessageDeflate: false });
  const stopHeartbeat = keepAlive(wss, config.wsHeartbeatMs ?? defaultHeartbeatMs);

  wss.on('connection', (socket: WebSocket, req: IncomingMessage) => {
    socket.on('error', () => {});
    const connectionId = randomUUID().slice(0, 8);
    // A client that stops reading is closed with 1013; it can reconnect with ?after= and miss nothing.
    const send = (message: WsFeedServerMessage) => sendBounded(socket, JSON.stringify(message));

    send({ type: 'hello', connectionId, lastId: feedHub.feed.lastId() });
    const after = afterOf(req);
    if (after > 0) for (const message of feedHub.feed.since(after)) send({ type: 'message', message });
    const unsubscribe = feedHub.feed.subscribe((message) => send({ type: 'message', message }));
    const forget = feedHub.connections.add('websocket', connectionId, sessions.read(req.headers), () =>
      socket.close(serverCloseCode, serverCloseReason),
    );

    socket.on('message', (data, isBinary) => {
      const text = isBinary ? '' : data.toString();
      if (isBinary) socket.close(1003, 'this feed takes text messages');
      else if (text.length > maxFeedTextLength) socket.close(1009, `at most ${maxFeedTextLength} characters`);
      else if (text.trim() !== '') feedHub.feed.publish(text);
    });
    socket.on('close', () => {
      unsubscribe();
      forget();
    });
  });

  upgrades.add({
    matches: (pathname) => pathname === wsFeedPath,
    handle(req, socket, head) {
      if (refuseBadHandshake(req, socket)) return;
      wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
    },
  });

  app.all(wsFeedPath, (_req, res) => {
    res
      .status(426)
      .set({ Upgrade: 'websocket', Connection: 'Upgrade' })
      .type('text/plain')
      .send('This endpoint speaks WebSocket: send Upgrade: websocket.\n');
  });

  onClose(() => {
    stopHeartbeat();
    for (const client of wss.clients) client.close(1001, 'server shutting down');
    wss.close();
  });
}
