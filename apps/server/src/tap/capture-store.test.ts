import { describe, expect, it } from 'vitest';
import type { CaptureRecord } from './capture-record.js';
import { CaptureStore } from './capture-store.js';

let nextId = 0;
const record = (sid: string | null) => ({ id: String(++nextId), sid, noise: false, kind: 'http' }) as CaptureRecord;

describe('CaptureStore', () => {
  it('keeps every capture of a single browser up to the capacity, newest first', () => {
    const store = new CaptureStore(5);
    const added = Array.from({ length: 7 }, () => record('alice'));
    for (const capture of added) store.add(capture);
    expect(store.list({ sid: 'alice', limit: 10 }).map((capture) => capture.id)).toEqual(added.slice(2).reverse().map((capture) => capture.id));
  });

  it('evicts from whoever holds the most: a flooding browser rotates only its own captures', () => {
    const store = new CaptureStore(10);
    const alice = [record('alice'), record('alice')];
    for (const capture of alice) store.add(capture);
    for (let i = 0; i < 1000; i++) store.add(record('mallory'));
    for (let i = 0; i < 1000; i++) store.add(record(null));
    expect(store.size).toBe(10);
    expect(store.list({ sid: 'alice' })).toHaveLength(2);
  });

  it('forgets a cleared browser’s captures and keeps the rest', () => {
    const store = new CaptureStore(10);
    store.add(record('alice'));
    store.add(record('bob'));
    expect(store.clear('alice')).toBe(1);
    expect(store.size).toBe(1);
    expect(store.list({ sid: 'bob' })).toHaveLength(1);
  });
});
