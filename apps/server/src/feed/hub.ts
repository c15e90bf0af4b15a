// What the feed's transports share: the feed itself and the connections the server may end on request.

import type { ServerDeps } from '../deps.js';
import { createLiveConnections, type LiveConnections } from './live-connections.js';
import { createMessageFeed, type MessageFeed } from './feed.js';

export interface FeedHub {
  feed: MessageFeed;
  connections: LiveConnections;
}

/** What one of the feed's registrations uses: the server parts it names, and the hub. */
export type FeedDeps<K extends keyof ServerDeps> = Pick<ServerDeps, K> & { feedHub: FeedHub };

export function createFeedHub(): FeedHub {
  return { feed: createMessageFeed(), connections: createLiveConnections() };
}
