// Content lint: every lesson has the fixed shape, and everything it points at exists.

import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { collectLinks, collectWidgets, lessonMarkdown } from './links.ts';
import { lessons } from './order.ts';
import { liveCheckIds } from './checks.ts';
import { isWidgetId } from './widgets.ts';

const designOrder = [
  'endpoints-and-layers',
  'http-request-response',
  'polling-and-long-polling',
  'server-sent-events',
  'websocket-handshake',
  'frames-and-messages',
  'socketio-is-not-websocket',
  'event-loop',
  'blocking-the-line',
  'worker-threads',
  'who-is-on-the-other-end',
  'fan-in-fan-out',
  'beyond-one-server',
];

const ready = lessons.filter((lesson) => lesson.status === 'ready');

describe('the curriculum', () => {
  it('follows the order in the design, ids unique', () => {
    expect(lessons.map((lesson) => lesson.id)).toEqual(designOrder);
  });

  it('lists every lesson folder in order.ts', () => {
    const folders = readdirSync(new URL('./lessons/', import.meta.url));
    const ordered = new Set(lessons.map((lesson) => lesson.id));
    expect(folders.filter((folder) => !ordered.has(folder))).toEqual([]);
  });

  it('has at least one lesson written in full', () => {
    expect(ready.length).toBeGreaterThan(0);
  });
});

describe.each(ready.map((lesson) => [lesson.id, lesson] as const))('lesson %s', (_id, lesson) => {
  const markdown = lessonMarkdown(lesson);

  it('has the fixed shape: intro, goals, sections, predict, recap, 2–4 challenges', () => {
    expect(lesson.intro.length).toBeGreaterThan(100);
    expect(lesson.goals.length).toBeGreaterThanOrEqual(2);
    expect(lesson.sections.length).toBeGreaterThanOrEqual(2);
    for (const section of lesson.sections) expect(section.body.length, section.id).toBeGreaterThan(50);
    expect(lesson.predict).not.toBeNull();
    expect(lesson.recap.length).toBeGreaterThanOrEqual(2);
    expect(lesson.challenges.length).toBeGreaterThanOrEqual(2);
    expect(lesson.challenges.length).toBeLessThanOrEqual(4);
    expect(lesson.references.length).toBeGreaterThan(0);
  });

  it('has unique section and challenge ids', () => {
    const sectionIds = lesson.sections.map((section) => section.id);
    const challengeIds = lesson.challenges.map((challenge) => challenge.id);
    expect(new Set(sectionIds).size).toBe(sectionIds.length);
    expect(new Set(challengeIds).size).toBe(challengeIds.length);
  });

  it('embeds at least one live widget, and only widgets that exist', () => {
    const widgets = collectWidgets(markdown);
    if (lesson.predict) widgets.push(lesson.predict.observe.widget);
    expect(widgets.length).toBeGreaterThan(0);
    expect(widgets.filter((widget) => !isWidgetId(widget))).toEqual([]);
  });

  it('links only to lessons and sections that exist', () => {
    const broken = collectLinks(markdown)
      .filter((href) => href.startsWith('/') || href.startsWith('#'))
      .filter((href) => {
        const [path, hash] = href.split('#');
        const target = path ? lessons.find((other) => `/lessons/${other.id}` === path) : lesson;
        if (!target) return true;
        return hash !== undefined && !target.sections.some((section) => section.id === hash);
      });
    expect(broken).toEqual([]);
  });

  it('gives every challenge a check that can be performed', () => {
    for (const challenge of lesson.challenges) {
      const { check } = challenge;
      if (check.kind === 'quiz') {
        expect(check.choices.map((choice) => choice.id)).toContain(check.answer);
      } else {
        expect(liveCheckIds).toContain(check.check);
      }
    }
    const predict = lesson.predict!;
    expect(predict.choices.map((choice) => choice.id)).toContain(predict.answer);
  });
});
