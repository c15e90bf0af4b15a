// Helpers for reading a lesson's Markdown: which internal links and widgets it contains.

import type { Lesson } from './types.ts';
import { lessons } from './order.ts';
import { glossaryEntry } from './glossary.ts';

/** Pages of the app a lesson may link to besides lessons (the labs and tools the web app routes to). */
export const appPages = ['/', '/glossary', '/inspector', '/labs/loop', '/labs/transports', '/labs/security', '/labs/fanout', '/labs/scale'] as const;

/** Anchors the lesson page itself uses; a section id must not take one of them. */
export const reservedAnchors = ['lesson-title', 'goals', 'predict', 'recap', 'challenges', 'sources'] as const;

export function lessonById(id: string): Lesson | undefined {
  return lessons.find((lesson) => lesson.id === id);
}

/** Every Markdown link target in the given text, in order. */
export function collectLinks(markdown: string): string[] {
  return [...markdown.matchAll(/\]\(([^)\s]+)\)/g)].map((match) => match[1]!);
}

/** Every widget id embedded with a ```widget fenced block. */
export function collectWidgets(markdown: string): string[] {
  return [...markdown.matchAll(/^```widget\n([^\n]+)\n```/gm)].map((match) => match[1]!.trim());
}

export const predictFence = '```predict\n```';

/** The prose a reader meets above the predict step: everything before the ```predict block, or
 *  the whole intro and sections when there is none (the page then shows the step after them). */
export function proseAbovePredict(lesson: Lesson): string {
  const prose = [lesson.intro, ...lesson.sections.map((section) => section.body)].join('\n\n');
  const at = prose.indexOf(predictFence);
  return at === -1 ? prose : prose.slice(0, at);
}

/** All Markdown a lesson carries, so a lint can read it in one place. */
export function lessonMarkdown(lesson: Lesson): string {
  const parts = [lesson.intro, ...lesson.sections.map((section) => section.body)];
  if (lesson.predict) parts.push(lesson.predict.observe.instructions, lesson.predict.explain);
  for (const challenge of lesson.challenges) parts.push(challenge.prompt);
  return parts.join('\n\n');
}

/** Why an internal link (`/…` or `#…`) does not resolve, or null when it does. External links are not
 *  checked here. `from` is the lesson the link appears in, for same-page `#section` links. */
export function brokenLinkReason(href: string, from?: Lesson): string | null {
  if (!href.startsWith('/') && !href.startsWith('#')) return null;
  const hashAt = href.indexOf('#');
  const path = hashAt === -1 ? href : href.slice(0, hashAt);
  const hash = hashAt === -1 ? undefined : href.slice(hashAt + 1);
  if (path === '/glossary') {
    return hash === undefined || glossaryEntry(hash) ? null : `no glossary term "${hash}"`;
  }
  const target = path === '' ? from : path.startsWith('/lessons/') ? lessonById(path.slice('/lessons/'.length)) : undefined;
  if (!target) {
    if (hash === undefined && (appPages as readonly string[]).includes(path)) return null;
    return `no page ${path || '(same lesson, but none given)'}`;
  }
  if (hash === undefined) return null;
  const anchors = target.status === 'planned' ? [] : [...target.sections.map((section) => section.id), ...reservedAnchors];
  return anchors.includes(hash) ? null : `lesson ${target.id} has no section #${hash}`;
}
