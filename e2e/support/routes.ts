// Every route a learner can open, for suites that must cover them all (phone layout, axe).
// Lesson ids come from the lesson folders, so a new lesson is covered without touching this file.

import { readdirSync } from 'node:fs';

const lessonsDir = new URL('../../packages/lessons/src/lessons/', import.meta.url);

export const lessonIds: readonly string[] = readdirSync(lessonsDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

export const everyRoute: readonly string[] = [
  '/',
  '/glossary',
  ...lessonIds.map((id) => `/lessons/${id}`),
  '/inspector',
  '/labs/loop',
  '/labs/transports',
  '/labs/security',
  '/labs/fanout',
  '/labs/scale',
  '/no/such/page',
];
