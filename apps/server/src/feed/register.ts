// Publishing to the feed (`POST /api/poll/messages`, heard by all five transports) and the
// server-initiated close demo (`POST /api/feed/close`).

import type { Request } from 'express';
import {
  maxFeedTextLength,
  type ClosableTransport,
  type CloseConnectionRequest,
  type PostedFeedMessage,
} from '@loopwire/protocol';
import type { FeedDeps } from './hub.js';
import { HttpError } from '../core/errors.js';

const closableTransports: readonly ClosableTransport[] = ['sse', 'websocket', 'socket.io'];

/** Checks a feed message's text; throws the HttpError a client should see. */
export function validFeedText(text: unknown): string {
  if (typeof text !== 'string' || text.trim() === '') {
    throw new HttpError(400, 'bad_text', 'Send a JSON body like {"text": "hello"}: text must be a non-empty string.');
  }
  if (text.length > maxFeedTextLength) {
    throw new HttpError(413, 'text_too_long', `A feed message may be at most ${maxFeedTextLength} characters long.`);
  }
  return text;
}

function closeRequest(req: Request): CloseConnectionRequest {
  const body = (req.body ?? {}) as Partial<Record<keyof CloseConnectionRequest, unknown>>;
  if (!closableTransports.includes(body.transport as ClosableTransport)) {
    throw new HttpError(400, 'bad_transport', `transport must be one of ${closableTransports.join(', ')}.`);
  }
  if (typeof body.id !== 'string' || body.id === '') {
    throw new HttpError(400, 'bad_id', 'id must name an open connection (the SSE stream, WebSocket connectionId or Socket.IO id).');
  }
  return { transport: body.transport as ClosableTransport, id: body.id };
}

export function registerFeedControls({ api, feedHub }: FeedDeps<'api'>): void {
  api.post('/poll/messages', (req, res) => {
    const text = validFeedText((req.body as { text?: unknown } | undefined)?.text);
    const body: PostedFeedMessage = { message: feedHub.feed.publish(text) };
    res.status(201).json(body);
  });

  api.post('/feed/close', (req, res) => {
    const { transport, id } = closeRequest(req);
    if (!feedHub.connections.close(transport, id)) {
      throw new HttpError(404, 'no_such_connection', `No open ${transport} feed connection has the id ${id}.`);
    }
    res.json({ closed: { transport, id } });
  });
}
