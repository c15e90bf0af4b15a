// Long polling: `GET /api/poll/long?after=<id>` is held open until a newer message exists (200 at
// once, every waiting client together) or the hold time passes (204). One request per message, no timer.
// `GET /api/poll/long/released` lists the caller's own held polls that a message released, so a
// challenge can check that *this* learner's requests were waiting when their message arrived.

import type { Response } from 'express';
import { PollQuerySchema, longPollHoldMs, type FeedMessages } from '@loopwire/contract';
import type { ReleasedLongPoll, ReleasedLongPolls } from '@loopwire/contract';
import type { FeedDeps } from './hub.js';
import { readQuery } from '../core/read-input.js';
import { HttpError } from '../core/errors.js';
import { createPerSidHistory } from '../session/history.js';
import { sidOf } from '../session/sid.js';

/** More waiting requests than this are refused (503) so a flood cannot grow memory without bound. */
export const maxLongPollWaiters = 10_000;

interface Waiter {
  after: number;
  res: Response;
  timer: NodeJS.Timeout;
  heldSince: number;
}

export function registerLongPolling({ api, feedHub, config, onClose }: FeedDeps<'api' | 'config' | 'onClose'>): void {
  const holdMs = config.longPollHoldMs ?? longPollHoldMs;
  const waiters = new Set<Waiter>();
  const releasedOfSid = createPerSidHistory<ReleasedLongPoll>();

  const settle = (waiter: Waiter) => {
    clearTimeout(waiter.timer);
    waiters.delete(waiter);
  };

  feedHub.feed.subscribe(() => {
    for (const waiter of [...waiters]) {
      const messages = feedHub.feed.since(waiter.after);
      if (messages.length === 0) continue;
      settle(waiter);
      const now = Date.now();
      releasedOfSid.add(sidOf(waiter.res), { messageIds: messages.map((message) => message.id), heldMs: now - waiter.heldSince, at: now });
      const body: FeedMessages = { messages };
      waiter.res.json(body);
    }
  });

  api.get('/poll/long/released', (_req, res) => {
    const body: ReleasedLongPolls = { released: releasedOfSid.of(sidOf(res)) };
    res.json(body);
  });

  api.get('/poll/long', (req, res) => {
    const after = readQuery(PollQuerySchema, req.query).after;
    res.set('Cache-Control', 'no-store');
    const ready = feedHub.feed.since(after);
    if (ready.length > 0) {
      const body: FeedMessages = { messages: ready };
      res.json(body);
      return;
    }
    if (waiters.size >= maxLongPollWaiters) {
      throw new HttpError(503, 'too_many_waiters', 'Too many long polls are waiting; try again in a moment.');
    }
    const waiter: Waiter = {
      after,
      res,
      heldSince: Date.now(),
      timer: setTimeout(() => {
        settle(waiter);
        res.status(204).end();
      }, holdMs),
    };
    waiters.add(waiter);
    // The client gave up (tab closed, request aborted): forget it, or the set only grows.
    res.on('close', () => settle(waiter));
  });

  onClose(() => {
    for (const waiter of [...waiters]) {
      settle(waiter);
      waiter.res.status(204).end();
    }
  });
}
