// The learner's progress as plain data: which steps are done, what they predicted. Pure functions,
// so the store, the import dialog and the tests share one definition of a valid progress file (the
// contract's ProgressSchema).

import * as v from 'valibot';
import { ProgressSchema, type PredictionRecord } from '@loopwire/contract';
import type { CatalogEntry, StepId } from '@loopwire/lessons';

export type { PredictionRecord };

export interface LessonProgress {
  prediction?: PredictionRecord;
  /** Step → ISO time it was completed. */
  completed: Partial<Record<StepId, string>>;
}

export interface Progress {
  version: 1;
  lessons: Record<string, LessonProgress>;
}

/** What an exported file holds: the progress plus a marker that says what the file is. */
export interface ProgressFile extends Progress {
  app: 'loopwire';
  exportedAt: string;
}

export function emptyProgress(): Progress {
  return { version: 1, lessons: {} };
}

function lessonOf(progress: Progress, lessonId: string): LessonProgress {
  return progress.lessons[lessonId] ?? { completed: {} };
}

function withLesson(progress: Progress, lessonId: string, lesson: LessonProgress): Progress {
  return { ...progress, lessons: { ...progress.lessons, [lessonId]: lesson } };
}

export function recordPrediction(progress: Progress, lessonId: string, prediction: PredictionRecord): Progress {
  return withLesson(progress, lessonId, { ...lessonOf(progress, lessonId), prediction });
}

/** Predicting again starts the step over: the old prediction and its completion go. */
export function forgetPrediction(progress: Progress, lessonId: string): Progress {
  const { prediction: _dropped, completed } = lessonOf(progress, lessonId);
  const { predict: _done, ...rest } = completed;
  return withLesson(progress, lessonId, { completed: rest });
}

export function completeStep(progress: Progress, lessonId: string, step: StepId, at: string): Progress {
  const lesson = lessonOf(progress, lessonId);
  if (lesson.completed[step]) return progress;
  return withLesson(progress, lessonId, { ...lesson, completed: { ...lesson.completed, [step]: at } });
}

export function isStepDone(progress: Progress, lessonId: string, step: StepId): boolean {
  return Boolean(progress.lessons[lessonId]?.completed[step]);
}

export interface LessonTally {
  done: number;
  total: number;
}

export function tally(progress: Progress, entry: CatalogEntry): LessonTally {
  const done = entry.steps.filter((step) => isStepDone(progress, entry.id, step)).length;
  return { done, total: entry.steps.length };
}

export function toFile(progress: Progress, now: Date): ProgressFile {
  return { app: 'loopwire', exportedAt: now.toISOString(), ...progress };
}

export type ParseResult =
  | { ok: true; progress: Progress; skipped: string[] }
  | { ok: false; error: string };

/** Where in the file an issue is, as the learner would write it: lessons["event-loop"].completed["intro"]. */
function whereIn(path: readonly { key: unknown }[]): string {
  return path.map(({ key }, index) => (index === 0 ? String(key) : /^[a-z]+$/i.test(String(key)) && index % 2 === 0 ? `.${String(key)}` : `["${String(key)}"]`)).join('');
}

function problemOf(issue: v.BaseIssue<unknown>): string {
  const path = issue.path ?? [];
  const [top] = path;
  if (top?.key === 'version') return 'This is not a Loopwire progress file (it has no "version": 1).';
  if (path.length === 1) return 'This progress file has no "lessons" object.';
  const missing = issue.type === 'object' && issue.input === undefined;
  return `This progress file is damaged: ${whereIn(path)} ${missing ? 'is missing or not an object' : issue.message}.`;
}

/** Reads progress from untrusted JSON (an imported file, or localStorage someone edited). Steps of
 *  lessons this curriculum does not have are dropped and named in `skipped`, not treated as errors. */
export function parseProgress(value: unknown, catalog: readonly CatalogEntry[]): ParseResult {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, error: 'This file does not contain a JSON object.' };
  }
  const parsed = v.safeParse(ProgressSchema, value, { abortEarly: true });
  if (!parsed.success) return { ok: false, error: problemOf(parsed.issues[0]) };
  const progress = emptyProgress();
  const skipped: string[] = [];
  for (const [lessonId, lesson] of Object.entries(parsed.output.lessons)) {
    const entry = catalog.find((candidate) => candidate.id === lessonId);
    if (!entry) {
      skipped.push(lessonId);
      continue;
    }
    const known = new Set<string>(entry.steps);
    const completed = Object.fromEntries(Object.entries(lesson.completed).filter(([step]) => known.has(step)));
    for (const step of Object.keys(lesson.completed)) if (!known.has(step)) skipped.push(`${lessonId}: ${step}`);
    progress.lessons[lessonId] = { ...lesson, completed };
  }
  return { ok: true, progress, skipped };
}
