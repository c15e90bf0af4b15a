// The message feed every transport serves: publish a message once, every subscriber hears it.
// History is bounded (a ring of the newest messages), so the server's memory stays flat.

import type { FeedMessage } from '@loopwire/contract';

export type FeedListener = (message: FeedMessage) => void;

export interface MessageFeed {
  publish(text: string): FeedMessage;
  /** Messages with an id greater than `after`, oldest first (only those still in the history). */
  since(after: number): FeedMessage[];
  /** The newest id handed out so far (0 before the first message). */
  lastId(): number;
  /** Returns the unsubscribe function. */
  subscribe(listener: FeedListener): () => void;
}

export const defaultHistoryLimit = 500;

export function createMessageFeed({ historyLimit = defaultHistoryLimit, now = Date.now } = {}): MessageFeed {
  const history: FeedMessage[] = [];
  const listeners = new Set<FeedListener>();
  let nextId = 1;

  return {
    publish(text) {
      const message: FeedMessage = { id: nextId++, text, at: now() };
      history.push(message);
      if (history.length > historyLimit) history.splice(0, history.length - historyLimit);
      // A copy: a listener that unsubscribes while being called must not make another miss the message.
      for (const listener of [...listeners]) listener(message);
      return message;
    },
    since(after) {
      const first = history.findIndex((message) => message.id > after);
      return first === -1 ? [] : history.slice(first);
    },
    lastId: () => nextId - 1,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
