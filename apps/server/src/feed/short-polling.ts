// Short polling: `GET /api/poll/short?after=<id>` answers at once with whatever is newer (maybe nothing).
// The client asks again on a timer, so most requests carry no news: that is the cost lesson 3 measures.

import { PollQuerySchema, type FeedMessages } from '@loopwire/contract';
import type { FeedDeps } from './hub.js';
import { readQuery } from '../core/read-input.js';

export function registerShortPolling({ api, feedHub }: FeedDeps<'api'>): void {
  api.get('/poll/short', (req, res) => {
    const body: FeedMessages = { messages: feedHub.feed.since(readQuery(PollQuerySchema, req.query).after) };
    res.set('Cache-Control', 'no-store').json(body);
  });
}
