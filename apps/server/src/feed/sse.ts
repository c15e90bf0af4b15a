// Server-Sent Events: `GET /api/sse/ticker` streams the feed as `message` events (whose `id:` is the
// message id), a `notice` on every (re)connection, price `update`s and heartbeat comments. A client
// that reconnects with `Last-Event-ID` gets exactly the messages it missed. The notice carries an
// `id:` too, the feed's position when the stream (re)opened: a stream that has seen only price
// updates still has a resume point, so a drop never loses what is posted while it is down.

import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';
import type { SseNotice } from '@loopwire/contract';
import type { FeedDeps } from './hub.js';
import { HttpError } from '../core/errors.js';
import { sidOf } from '../session/sid.js';
import { eventStreamHeaders, formatComment, formatEvent, formatRetry, parseLastEventId } from '../core/event-stream.js';
import { createPriceTicker } from './ticker.js';

export const sseRetryMs = 2000;
export const defaultHeartbeatMs = 15_000;
export const defaultTickerMs = 2000;
export const maxSseStreams = 1000;
/** A client this far behind is not reading: end its stream (it resumes with Last-Event-ID) rather than buffer. */
export const maxBufferedBytes = 1024 * 1024;

/** `updates=0` turns the price ticker off (the race measures only feed messages). */
function wantsUpdates(req: Request): boolean {
  return req.query.updates !== '0';
}

export function registerSse({ api, feedHub, config, onClose }: FeedDeps<'api' | 'config' | 'onClose'>): void {
  const heartbeatMs = config.sseHeartbeatMs ?? defaultHeartbeatMs;
  const tickerMs = config.tickerIntervalMs ?? defaultTickerMs;
  const ticker = createPriceTicker();
  const streams = new Set<Response>();

  api.get('/sse/ticker', (req, res) => {
    if (streams.size >= maxSseStreams) {
      throw new HttpError(503, 'too_many_streams', 'Too many event streams are open; try again in a moment.');
    }
    const stream = randomUUID().slice(0, 8);
    const resumedFrom = parseLastEventId(req.headers['last-event-id']);
    const missed = resumedFrom === null ? [] : feedHub.feed.since(resumedFrom);

    res.writeHead(200, eventStreamHeaders);
    streams.add(res);

    const send = (text: string) => {
      if (res.writableEnded) return;
      if (res.writableLength > maxBufferedBytes) {
        res.end();
        return;
      }
      res.write(text);
    };

    const notice: SseNotice = { stream, resumedFrom, replaying: missed.length };
    const position = resumedFrom ?? feedHub.feed.lastId();
    send(formatRetry(sseRetryMs) + formatEvent({ event: 'notice', id: position, data: notice }));
    for (const message of missed) send(formatEvent({ event: 'message', id: message.id, data: message }));

    const unsubscribe = feedHub.feed.subscribe((message) =>
      send(formatEvent({ event: 'message', id: message.id, data: message })),
    );
    const heartbeat = setInterval(() => send(formatComment(`heartbeat ${new Date().toISOString()}`)), heartbeatMs);
    const updates = wantsUpdates(req)
      ? setInterval(() => send(formatEvent({ event: 'update', data: ticker.next() })), tickerMs)
      : undefined;
    const forget = feedHub.connections.add('sse', stream, sidOf(res), () => res.end());

    res.on('close', () => {
      unsubscribe();
      clearInterval(heartbeat);
      clearInterval(updates);
      forget();
      streams.delete(res);
    });
  });

  onClose(() => {
    for (const res of streams) res.end();
  });
}
