import { describe, expect, it } from 'vitest';
import { createPerSidHistory } from './history.js';

describe('createPerSidHistory', () => {
  it('keeps each sid’s entries apart, the newest perSid of them', () => {
    const history = createPerSidHistory<number>({ perSid: 2 });
    history.add('a', 1);
    history.add('a', 2);
    history.add('a', 3);
    history.add('b', 9);
    expect(history.of('a')).toEqual([2, 3]);
    expect(history.of('b')).toEqual([9]);
    expect(history.of('nobody')).toEqual([]);
  });

  it('forgets the least recently active sid first', () => {
    const history = createPerSidHistory<number>({ sids: 2 });
    history.add('a', 1);
    history.add('b', 1);
    history.add('a', 2);
    history.add('c', 1);
    expect(history.of('b')).toEqual([]);
    expect(history.of('a')).toEqual([1, 2]);
  });
});
