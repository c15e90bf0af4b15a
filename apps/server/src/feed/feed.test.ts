// The feed on its own: ids, the bounded history, resuming after an id.

import { describe, expect, it } from 'vitest';
import { createMessageFeed } from './feed.js';

describe('message feed', () => {
  it('hands out increasing ids and tells every subscriber', () => {
    const feed = createMessageFeed();
    const heard: number[] = [];
    const stop = feed.subscribe((message) => heard.push(message.id));
    feed.publish('a');
    feed.publish('b');
    stop();
    feed.publish('c');
    expect(heard).toEqual([1, 2]);
    expect(feed.lastId()).toBe(3);
    expect(feed.since(1).map((message) => message.text)).toEqual(['b', 'c']);
    expect(feed.since(3)).toEqual([]);
  });

  it('keeps only the newest messages, so memory stays flat', () => {
    const feed = createMessageFeed({ historyLimit: 3 });
    for (let n = 0; n < 10; n++) feed.publish(`m${n}`);
    expect(feed.since(0).map((message) => message.id)).toEqual([8, 9, 10]);
  });
});
