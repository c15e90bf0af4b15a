// The lesson format. A lesson is data: adding one touches no component code.

import type { WidgetId } from './widgets.ts';
import type { LiveCheckId } from './checks.ts';

/** Markdown (GitHub flavoured). A fenced block with the language `widget` embeds a live widget:
 *  ```widget
 *  EndpointProbe
 *  ```
 *  A ```predict block (empty) places the lesson's predict step: it must come before any prose that
 *  gives the prediction's answer away (see `Prediction.answeredBy`).
 *  Links to other lessons are written `/lessons/<id>` or `/lessons/<id>#<section-id>`; a glossary term
 *  is linked `[socket](/glossary#socket)` (ids in glossary.ts). The content lint checks every such link. */
export type Markdown = string;

export interface Section {
  /** Anchor for deep links: `/lessons/<lesson>#<section>`. */
  id: string;
  title: string;
  body: Markdown;
}

export interface Choice {
  id: string;
  label: string;
}

/** Predict → observe → explain: the learner commits to a choice before the live result shows. */
export interface Prediction {
  prompt: string;
  choices: Choice[];
  /** id of the correct choice. */
  answer: string;
  /** The live widget that reveals what really happens. */
  observe: { widget: WidgetId; instructions: Markdown };
  explain: Markdown;
  /** Phrases of the lesson's own prose that give the answer away. The content lint checks that each
   *  appears in the lesson, and only below the ```predict block, so the question is asked first. */
  answeredBy: string[];
}

export type ChallengeCheck =
  /** Multiple choice, checked in the page. */
  | { kind: 'quiz'; choices: Choice[]; answer: string }
  /** Checked against the live server by a named check (see checks.ts). */
  | { kind: 'live'; check: LiveCheckId };

export interface Challenge {
  id: string;
  title: string;
  prompt: Markdown;
  hint: string;
  check: ChallengeCheck;
}

export interface Reference {
  label: string;
  href: string;
}

export type LessonStatus = 'ready' | 'reading' | 'planned';

export interface Lesson {
  /** The URL segment: `/lessons/<id>`. */
  id: string;
  title: string;
  /** The learner's own question this lesson answers head-on. */
  question: string;
  /** One sentence for the curriculum map. */
  summary: string;
  minutes: number;
  /** `ready`: written, with live widgets and a predict step. `reading`: written, but a reading page
   *  with no live widget or predict step (for a topic nothing on this machine can show live).
   *  `planned`: not written yet; shows as "coming soon". The content lint holds each to its shape. */
  status: LessonStatus;
  /** "You will learn". */
  goals: string[];
  intro: Markdown;
  sections: Section[];
  predict: Prediction | null;
  recap: string[];
  challenges: Challenge[];
  /** Specs and docs the claims rest on. */
  references: Reference[];
}
