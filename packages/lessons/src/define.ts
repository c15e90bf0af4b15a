// Turns a lesson's content file into intro + sections, so authors write one Markdown file per lesson.

import type { Lesson, Section } from './types.ts';

const sectionHeading = /^## (.+?) \{#([a-z0-9-]+)\}\s*$/;

/** Splits Markdown at `## Title {#id}` headings: text before the first heading is the intro. */
export function splitSections(markdown: string): { intro: string; sections: Section[] } {
  const introLines: string[] = [];
  const sections: Section[] = [];
  for (const line of markdown.split('\n')) {
    const heading = sectionHeading.exec(line);
    if (heading) {
      sections.push({ title: heading[1]!, id: heading[2]!, body: '' });
    } else if (sections.length === 0) {
      introLines.push(line);
    } else {
      const current = sections[sections.length - 1]!;
      current.body += `${line}\n`;
    }
  }
  for (const section of sections) section.body = section.body.trim();
  return { intro: introLines.join('\n').trim(), sections };
}

export type LessonMeta = Omit<Lesson, 'intro' | 'sections'>;

export function defineLesson(meta: LessonMeta, content: string): Lesson {
  return { ...meta, ...splitSections(content) };
}
