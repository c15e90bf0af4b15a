import { describe, expect, it } from 'vitest';
import type { CatalogEntry } from '@loopwire/lessons';
import { completeStep, emptyProgress, forgetPrediction, parseProgress, recordPrediction, tally, toFile } from './progress.ts';
import { createProgressStore, storageKey } from './createStore.ts';

const catalog: CatalogEntry[] = [
  {
    id: 'endpoints-and-layers',
    title: 'Endpoints and layers',
    question: '?',
    summary: '',
    minutes: 10,
    status: 'ready',
    steps: ['predict', 'challenge:find-the-port', 'challenge:two-tabs'],
  },
];
const at = '2026-11-24T20:00:00.000Z';

/** Web Storage over a Map: the store's only dependency, standing in for localStorage in Node. */
class MemoryStorage implements Storage {
  private readonly items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
}

describe('progress', () => {
  it('counts completed steps per lesson, and predicting again takes the predict step back', () => {
    let progress = recordPrediction(emptyProgress(), 'endpoints-and-layers', { choice: 'same', correct: true, at });
    progress = completeStep(progress, 'endpoints-and-layers', 'predict', at);
    progress = completeStep(progress, 'endpoints-and-layers', 'challenge:two-tabs', at);
    expect(tally(progress, catalog[0]!)).toEqual({ done: 2, total: 3 });
    progress = forgetPrediction(progress, 'endpoints-and-layers');
    expect(tally(progress, catalog[0]!)).toEqual({ done: 1, total: 3 });
    expect(progress.lessons['endpoints-and-layers']!.prediction).toBeUndefined();
  });

  it('reads back exactly what it exported', () => {
    let progress = recordPrediction(emptyProgress(), 'endpoints-and-layers', { choice: 'new', correct: false, at });
    progress = completeStep(progress, 'endpoints-and-layers', 'challenge:find-the-port', at);
    const file = JSON.parse(JSON.stringify(toFile(progress, new Date(at))));
    expect(file.app).toBe('loopwire');
    expect(parseProgress(file, catalog)).toEqual({ ok: true, progress, skipped: [] });
  });

  it('refuses files that are not progress, saying why', () => {
    expect(parseProgress([1, 2], catalog)).toEqual({ ok: false, error: 'This file does not contain a JSON object.' });
    expect(parseProgress({ hello: 'world' }, catalog)).toMatchObject({ ok: false, error: expect.stringContaining('not a Loopwire progress file') });
    expect(parseProgress({ version: 1 }, catalog)).toMatchObject({ ok: false, error: expect.stringContaining('no "lessons"') });
    const badDate = { version: 1, lessons: { 'endpoints-and-layers': { completed: { predict: 'yesterday' } } } };
    expect(parseProgress(badDate, catalog)).toEqual({
      ok: false,
      error: 'This progress file is damaged: lessons["endpoints-and-layers"].completed["predict"] is not a date.',
    });
    const badPrediction = { version: 1, lessons: { 'endpoints-and-layers': { completed: {}, prediction: { choice: 3 } } } };
    expect(parseProgress(badPrediction, catalog)).toMatchObject({ ok: false, error: expect.stringContaining('prediction needs') });
  });

  it('keeps what it knows from a file made by another version, and names what it dropped', () => {
    const file = {
      version: 1,
      lessons: {
        'endpoints-and-layers': { completed: { predict: at, 'challenge:gone': at } },
        'a-lesson-from-the-future': { completed: { predict: at } },
      },
    };
    const result = parseProgress(file, catalog);
    expect(result).toEqual({
      ok: true,
      progress: { version: 1, lessons: { 'endpoints-and-layers': { completed: { predict: at } } } },
      skipped: ['endpoints-and-layers: challenge:gone', 'a-lesson-from-the-future'],
    });
  });
});

describe('createProgressStore', () => {
  it('persists every change and reads it back in a new store (a reload)', () => {
    const storage = new MemoryStorage();
    const store = createProgressStore(storage, catalog, () => new Date(at));
    let notified = 0;
    store.subscribe(() => notified++);
    store.completeStep('endpoints-and-layers', 'challenge:two-tabs');
    expect(notified).toBe(1);
    const reloaded = createProgressStore(storage, catalog);
    expect(reloaded.get().lessons['endpoints-and-layers']!.completed).toEqual({ 'challenge:two-tabs': at });
    reloaded.reset();
    expect(createProgressStore(storage, catalog).get()).toEqual(emptyProgress());
  });

  it('starts afresh when storage holds something unreadable, or is missing', () => {
    const storage = new MemoryStorage();
    storage.setItem(storageKey, '{not json');
    expect(createProgressStore(storage, catalog).get()).toEqual(emptyProgress());
    const memoryOnly = createProgressStore(null, catalog);
    memoryOnly.completeStep('endpoints-and-layers', 'predict');
    expect(tally(memoryOnly.get(), catalog[0]!).done).toBe(1);
  });
});
