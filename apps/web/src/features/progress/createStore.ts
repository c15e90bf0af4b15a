// A progress store over Web Storage: one JSON value, read once, written on every change, shared with
// other tabs through the `storage` event. Components read it with useSyncExternalStore.

import type { CatalogEntry, StepId } from '@loopwire/lessons';
import {
  completeStep,
  emptyProgress,
  forgetPrediction,
  parseProgress,
  recordPrediction,
  type PredictionRecord,
  type Progress,
} from './progress.ts';

export const storageKey = 'loopwire:progress';

export interface ProgressStore {
  get(): Progress;
  subscribe(listener: () => void): () => void;
  recordPrediction(lessonId: string, prediction: PredictionRecord): void;
  forgetPrediction(lessonId: string): void;
  completeStep(lessonId: string, step: StepId): void;
  replace(progress: Progress): void;
  reset(): void;
  /** Re-read storage (another tab wrote it). */
  reload(): void;
}

export function createProgressStore(storage: Storage | null, catalog: readonly CatalogEntry[], now = () => new Date()): ProgressStore {
  const listeners = new Set<() => void>();

  function read(): Progress {
    try {
      const text = storage?.getItem(storageKey);
      if (!text) return emptyProgress();
      const parsed = parseProgress(JSON.parse(text), catalog);
      return parsed.ok ? parsed.progress : emptyProgress();
    } catch {
      // Unreadable storage (disabled, or not JSON) starts the learner afresh rather than breaking the page.
      return emptyProgress();
    }
  }

  let current = read();

  function set(next: Progress): void {
    if (next === current) return;
    current = next;
    try {
      storage?.setItem(storageKey, JSON.stringify(next));
    } catch {
      // Full or disabled storage: progress still works for this page's lifetime.
    }
    for (const listener of listeners) listener();
  }

  return {
    get: () => current,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    recordPrediction: (lessonId, prediction) => set(recordPrediction(current, lessonId, prediction)),
    forgetPrediction: (lessonId) => set(forgetPrediction(current, lessonId)),
    completeStep: (lessonId, step) => set(completeStep(current, lessonId, step, now().toISOString())),
    replace: (progress) => set(progress),
    reset: () => set(emptyProgress()),
    reload() {
      current = read();
      for (const listener of listeners) listener();
    },
  };
}
