// What the feed's transports share: the feed itself and the connections the server may end on request.

import { createLiveConnections, type LiveConnections } from './live-connections.js';
import { createMessageFeed, type MessageFeed } from './feed.js';

export interface FeedHub {
  feed: MessageFeed;
  connections: LiveConnections;
}

export function createFeedHub(): FeedHub {
  return { feed: createMessageFeed(), connections: createLiveConnections() };
}
