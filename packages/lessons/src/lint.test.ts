// Content lint: every lesson has the shape its status promises, and everything it points at exists.
// Statuses (types.ts): `ready` lessons have the full shape with live widgets and a predict step;
// `reading` lessons are written pages held to the same shape minus the live parts —
// no widget or predict step required, but any they do embed must exist; `planned` ones are entries
// on the map only.

import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { brokenLinkReason, collectLinks, collectWidgets, lessonMarkdown, predictFence, proseAbovePredict, reservedAnchors } from './links.ts';
import { lessons } from './order.ts';
import { liveCheckIds } from './checks.ts';
import { isWidgetId } from './widgets.ts';
import { glossary } from './glossary.ts';
import { catalog } from './catalog.ts';

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

/** Terms the curriculum promises a definition for: the glossary must define each. */
const requiredTerms = [
  'endpoint',
  'socket',
  '4-tuple',
  'port',
  'frame',
  'opcode',
  'masking',
  'upgrade',
  'handshake',
  'subprotocol',
  'event-loop-phase',
  'microtask',
  'threadpool',
  'worker-thread',
  'long-polling',
  'sse',
  'engine-io',
  'cswsh',
];

const slug = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const written = lessons.filter((lesson) => lesson.status !== 'planned');

function brokenLinks(markdown: string, from?: (typeof lessons)[number]): string[] {
  return collectLinks(markdown)
    .map((href) => [href, brokenLinkReason(href, from)] as const)
    .filter(([, reason]) => reason !== null)
    .map(([href, reason]) => `${href}: ${reason}`);
}

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
    expect(lessons.filter((lesson) => lesson.status === 'ready').length).toBeGreaterThan(0);
  });

  it('gives every lesson, planned ones too, a title, a question and a summary for the map', () => {
    for (const lesson of lessons) {
      expect(lesson.id, lesson.id).toMatch(slug);
      expect(lesson.title.length, lesson.id).toBeGreaterThan(3);
      expect(lesson.question, lesson.id).toMatch(/\?$/);
      expect(lesson.summary.length, lesson.id).toBeGreaterThan(10);
    }
  });

  it('has a catalog entry for the app shell that matches each lesson', () => {
    expect(catalog.map((entry) => entry.id)).toEqual(designOrder);
    for (const [index, entry] of catalog.entries()) {
      const lesson = lessons[index]!;
      expect(entry.steps).toHaveLength((lesson.predict ? 1 : 0) + lesson.challenges.length);
    }
  });
});

describe.each(written.map((lesson) => [lesson.id, lesson] as const))('lesson %s', (_id, lesson) => {
  const markdown = lessonMarkdown(lesson);
  const live = lesson.status === 'ready';

  it('has the fixed shape: intro, goals, sections, recap, 2–4 challenges, sources', () => {
    expect(lesson.intro.length).toBeGreaterThan(100);
    expect(lesson.minutes).toBeGreaterThan(0);
    expect(lesson.goals.length).toBeGreaterThanOrEqual(2);
    expect(lesson.sections.length).toBeGreaterThanOrEqual(2);
    for (const section of lesson.sections) expect(section.body.length, section.id).toBeGreaterThan(50);
    expect(lesson.recap.length).toBeGreaterThanOrEqual(2);
    expect(lesson.challenges.length).toBeGreaterThanOrEqual(2);
    expect(lesson.challenges.length).toBeLessThanOrEqual(4);
    expect(lesson.references.length).toBeGreaterThan(0);
    for (const reference of lesson.references) expect(reference.href).toMatch(/^https:\/\//);
  });

  it('has unique, URL-safe section, challenge and choice ids that do not take the page’s own anchors', () => {
    const sectionIds = lesson.sections.map((section) => section.id);
    const challengeIds = lesson.challenges.map((challenge) => challenge.id);
    expect(new Set(sectionIds).size).toBe(sectionIds.length);
    expect(new Set(challengeIds).size).toBe(challengeIds.length);
    for (const id of [...sectionIds, ...challengeIds]) expect(id).toMatch(slug);
    expect(sectionIds.filter((id) => (reservedAnchors as readonly string[]).includes(id))).toEqual([]);
    for (const challenge of lesson.challenges) {
      if (challenge.check.kind !== 'quiz') continue;
      const choiceIds = challenge.check.choices.map((choice) => choice.id);
      expect(new Set(choiceIds).size, challenge.id).toBe(choiceIds.length);
    }
  });

  it(live ? 'embeds at least one live widget, and only widgets that exist' : 'embeds only widgets that exist', () => {
    const widgets = collectWidgets(markdown);
    if (lesson.predict) widgets.push(lesson.predict.observe.widget);
    if (live) expect(widgets.length).toBeGreaterThan(0);
    expect(widgets.filter((widget) => !isWidgetId(widget))).toEqual([]);
  });

  it('links only to lessons, sections, pages and glossary terms that exist', () => {
    expect(brokenLinks(markdown, lesson)).toEqual([]);
  });

  it('gives every challenge a check that can be performed', () => {
    for (const challenge of lesson.challenges) {
      const { check } = challenge;
      expect(challenge.hint.length, challenge.id).toBeGreaterThan(0);
      if (check.kind === 'quiz') {
        expect(check.choices.length, challenge.id).toBeGreaterThanOrEqual(2);
        expect(check.choices.map((choice) => choice.id)).toContain(check.answer);
      } else {
        expect(liveCheckIds).toContain(check.check);
      }
    }
  });
});

describe.each(lessons.filter((lesson) => lesson.status === 'ready').map((lesson) => [lesson.id, lesson] as const))(
  'live lesson %s',
  (_id, lesson) => {
    it('has a predict → observe → explain step with a live widget', () => {
      expect(lesson.predict).not.toBeNull();
      const predict = lesson.predict!;
      expect(predict.choices.length).toBeGreaterThanOrEqual(2);
      expect(predict.choices.map((choice) => choice.id)).toContain(predict.answer);
      expect(isWidgetId(predict.observe.widget)).toBe(true);
      expect(predict.explain.length).toBeGreaterThan(50);
    });

    it('asks its prediction before any prose that gives the answer away', () => {
      const prose = [lesson.intro, ...lesson.sections.map((section) => section.body)].join('\n\n');
      expect(prose.split(predictFence).length, 'exactly one ```predict block').toBe(2);
      const { answeredBy } = lesson.predict!;
      expect(answeredBy.length).toBeGreaterThan(0);
      const flat = (text: string) => text.replace(/\s+/g, ' ').toLowerCase();
      const above = flat(proseAbovePredict(lesson));
      const whole = flat(`${prose}\n${lesson.predict!.explain}`);
      for (const phrase of answeredBy.map(flat)) {
        expect(whole, `"${phrase}" is in the lesson`).toContain(phrase);
        expect(above, `"${phrase}" is above the predict step`).not.toContain(phrase);
      }
    });
  },
);

describe.each(written.map((lesson) => [lesson.id, lesson] as const))('the words of lesson %s', (_id, lesson) => {
  const everything = [lessonMarkdown(lesson), lesson.question, ...lesson.goals, ...lesson.recap].join('\n');

  it('speaks to the reader, never of "the learner’s note" as if the reader had read it', () => {
    expect(everything).not.toMatch(/the learner['’]s (note|notes|idea|conclusion)|\bthe notes\b/i);
  });

  it('writes commands against the page’s own origin ({origin}), never a fixed host and port', () => {
    expect(everything).not.toMatch(/(curl|wscat|websocat)[^`\n]*https?:\/\/(127\.0\.0\.1|localhost)/);
  });

});

/** Claims found wrong once, each with the reason; no lesson or glossary entry may make them again. */
const wrongClaims: [RegExp, string][] = [
  [/(6|six) (more )?(bytes )?for the (client['’]s )?masking key/i, 'the masking key is 4 bytes (RFC 6455 §5.2)'],
  [/\b(acknowledgements|acks),? (and )?rooms\b/i, 'rooms live only in the server; the protocol has no packet for them'],
  [/as many workers as the machine has cores \(at least two\)/i, 'the worker pool is capped at 4'],
  [/\bDNS lookups\b/i, 'only dns.lookup/lookupService use the threadpool; dns.resolve* uses c-ares'],
  [/close frame carries a 2-byte status code/i, 'the close body is optional (1005 when absent, RFC 6455 §7.1.5)'],
  [/no such thing as an\s+HTTP response nobody asked for/i, 'true of HTTP/1.1; HTTP/2 had server push'],
  [/browser will attach your cookies/i, 'only cookies whose SameSite allows it'],
  [/browsers always send Origin/i, 'a same-origin GET (a Socket.IO poll) carries none'],
  [/stays in\s+single-digit\s+milliseconds|worst lag stays around one slice/i, 'a promise, not a measurement: say what the run measured'],
];

describe('what the lessons and glossary claim', () => {
  const texts = [
    ...written.map((lesson) => [lesson.id, [lessonMarkdown(lesson), ...lesson.goals, ...lesson.recap].join('\n')] as const),
    ...glossary.map((entry) => [`glossary ${entry.id}`, entry.definition] as const),
  ];
  it.each(wrongClaims)('never says %s', (claim, reason) => {
    expect(texts.filter(([, text]) => claim.test(text)).map(([where]) => `${where}: ${reason}`)).toEqual([]);
  });
});

describe('the glossary', () => {
  it('has unique ids and defines every term the curriculum promises', () => {
    const ids = glossary.map((entry) => entry.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(slug);
    expect(requiredTerms.filter((id) => !ids.includes(id))).toEqual([]);
  });

  it('defines each term in a sentence or three, with links that resolve', () => {
    for (const entry of glossary) {
      expect(entry.definition.length, entry.id).toBeGreaterThan(40);
      expect(entry.definition.length, entry.id).toBeLessThan(400);
      expect(brokenLinks(entry.definition), entry.id).toEqual([]);
      expect(entry.lessons.length, entry.id).toBeGreaterThan(0);
      expect(entry.lessons.map((href) => `${href}: ${brokenLinkReason(href)}`).filter((line) => !line.endsWith('null'))).toEqual([]);
    }
  });

  it('gives each automatic-link phrase to one term only', () => {
    const phrases = glossary.flatMap((entry) => (entry.autolink ?? []).map((phrase) => phrase.toLowerCase()));
    expect(phrases.filter((phrase, index) => phrases.indexOf(phrase) !== index)).toEqual([]);
  });

  it('is linked from the lessons it is taught in', () => {
    const linked = new Set(
      written.flatMap((lesson) =>
        collectLinks(lessonMarkdown(lesson))
          .filter((href) => href.startsWith('/glossary#'))
          .map((href) => href.slice('/glossary#'.length)),
      ),
    );
    expect(linked.size).toBeGreaterThanOrEqual(5);
  });
});

describe('the link checker itself', () => {
  const first = lessons[0]!;
  it('accepts what exists and names what does not', () => {
    expect(brokenLinkReason('/lessons/endpoints-and-layers#sockets')).toBeNull();
    expect(brokenLinkReason('/glossary#socket')).toBeNull();
    expect(brokenLinkReason('/labs/loop')).toBeNull();
    expect(brokenLinkReason('https://example.org/anything')).toBeNull();
    expect(brokenLinkReason('#layers', first)).toBeNull();
    expect(brokenLinkReason('/lessons/endpoints-and-layers#nope')).toBe('lesson endpoints-and-layers has no section #nope');
    expect(brokenLinkReason('/lessons/nope')).toBe('no page /lessons/nope');
    expect(brokenLinkReason('/glossary#nope')).toBe('no glossary term "nope"');
    expect(brokenLinkReason('/lessons/fan-in-fan-out#a-section', first)).toMatch(/has no section/);
  });
});
