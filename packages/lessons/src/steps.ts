// The steps progress counts on a lesson page: the predict step and each challenge. Apart from the
// curriculum list, so the lesson page can name its steps without bundling every lesson.

import type { Lesson } from './types.ts';

/** A step the learner completes: the predict step, or one challenge. */
export type StepId = 'predict' | `challenge:${string}`;

export function challengeStep(challengeId: string): StepId {
  return `challenge:${challengeId}`;
}

/** The steps that count towards a lesson's progress, in page order. */
export function lessonSteps(lesson: Lesson): StepId[] {
  const steps: StepId[] = lesson.predict ? ['predict'] : [];
  return [...steps, ...lesson.challenges.map((challenge) => challengeStep(challenge.id))];
}
