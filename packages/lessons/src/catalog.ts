// The curriculum map's view of each lesson: what the app shell needs (titles, status, the steps
// progress counts) without the lesson text, so the shell stays small. The web build derives it
// from the lessons themselves (apps/web/vite-plugin-catalog.ts); nothing here is written by hand.

import type { Lesson, LessonStatus } from './types.ts';
import { lessons } from './order.ts';
import { lessonSteps, type StepId } from './steps.ts';

export interface CatalogEntry {
  id: string;
  title: string;
  question: string;
  summary: string;
  minutes: number;
  status: LessonStatus;
  steps: StepId[];
}

export function toCatalogEntry(lesson: Lesson): CatalogEntry {
  const { id, title, question, summary, minutes, status } = lesson;
  return { id, title, question, summary, minutes, status, steps: lessonSteps(lesson) };
}

export const catalog: readonly CatalogEntry[] = lessons.map(toCatalogEntry);
