// Helpers for reading a lesson's Markdown: which internal links and widgets it contains.

import type { Lesson } from './types.ts';
import { lessons } from './order.ts';

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

/** All Markdown a lesson carries, so a lint can read it in one place. */
export function lessonMarkdown(lesson: Lesson): string {
  const parts = [lesson.intro, ...lesson.sections.map((section) => section.body)];
  if (lesson.predict) parts.push(lesson.predict.observe.instructions, lesson.predict.explain);
  for (const challenge of lesson.challenges) parts.push(challenge.prompt);
  return parts.join('\n\n');
}
