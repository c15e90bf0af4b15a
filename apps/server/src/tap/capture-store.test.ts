import { describe, expect, it } from 'vitest';
import { FrameLog, type CaptureRecord } from './capture-record.js';
import { CaptureStore } from './capture-store.js';

let nextId = 0;
const record = (sid: string | null, done = true) => ({ id: String(++nextId), sid, noise: false, kind: 'http', done, frames: new FrameLog() }) as CaptureRecord;

describe('CaptureStore', () => {
  it('keeps every capture of a single browser up to the capacity, newest first', () => {
    const store = new CaptureStore(5);
    const added = Array.from({ length: 7 }, () => record('alice'));
    for (const capture of added) store.add(capture);
    expect(store.list({ sid: 'alice', limit: 10 }).map((capture) => capture.id)).toEqual(added.slice(2).reverse().map((capture) => capture.id));
  });

  it('lets one flooding browser take at most half the store: then it rotates only its own captures', () => {
    const store = new CaptureStore(10);
    const others = ['alice', 'bob', 'carol', 'dan', 'erin', 'frank'].map((sid) => record(sid));
    for (const capture of others) store.add(capture);
    for (let i = 0; i < 1000; i++) store.add(record('mallory'));
    expect(store.size).toBe(10);
    expect(store.list({ sid: 'mallory', limit: 20 })).toHaveLength(5);
    // Mallory's first adds took the oldest slot while she held under half: alice's; the rest stay.
    expect(others.filter((capture) => store.get(capture.id))).toEqual(others.slice(1));
  });

  it('keeps an open connection’s capture while its owner’s finished ones rotate', () => {
    const store = new CaptureStore(5);
    const open = record('alice', false);
    store.add(open);
    for (let i = 0; i < 20; i++) store.add(record('alice'));
    expect(store.get(open.id)).toBe(open);
  });

  it('forgets a cleared browser’s captures and keeps the rest', () => {
    const store = new CaptureStore(10);
    store.add(record('alice'));
    store.add(record('bob'));
    expect(store.clear('alice')).toBe(1);
    expect(store.size).toBe(1);
    expect(store.list({ sid: 'bob' })).toHaveLength(1);
  });

  it('keeps filing a browser whose only capture was the oldest one evicted (it went on to crash the server)', () => {
    const store = new CaptureStore(4);
    const first = record('alice');
    store.add(first);
    for (let i = 0; i < 3; i++) store.add(record(null)); // cookie-less clients fill the rest
    const second = record('alice'); // evicts alice's only capture, the oldest
    store.add(second);
    expect(store.get(first.id)).toBeUndefined();
    expect(store.list({ sid: 'alice' })).toEqual([second]);
    for (let i = 0; i < 10; i++) store.add(record('alice'));
    expect(store.size).toBe(4);
    expect(store.clear('alice')).toBe(2);
  });
});
