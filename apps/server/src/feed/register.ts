// Publishing to the feed (`POST /api/poll/messages`, heard by all five transports) and the
// server-initiated close demo (`POST /api/feed/close`).

import { CloseConnectionRequestSchema, PostFeedMessageSchema, type PostedFeedMessage } from '@loopwire/contract';
import type { FeedDeps } from './hub.js';
import { HttpError } from '../core/errors.js';
import { readBody } from '../core/read-input.js';
import { sidOf } from '../session/sid.js';

export function registerFeedControls({ api, feedHub }: FeedDeps<'api'>): void {
  api.post('/poll/messages', (req, res) => {
    const { text } = readBody(PostFeedMessageSchema, req.body);
    const body: PostedFeedMessage = { message: feedHub.feed.publish(text) };
    res.status(201).json(body);
  });

  api.post('/feed/close', (req, res) => {
    const { transport, id } = readBody(CloseConnectionRequestSchema, req.body);
    // Another browser's connection is answered exactly like a missing one.
    if (!feedHub.connections.close(transport, id, sidOf(res))) {
      throw new HttpError(404, 'no_such_connection', `No open ${transport} feed connection of yours has the id ${id}.`);
    }
    res.json({ closed: { transport, id } });
  });
}
