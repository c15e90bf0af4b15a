// A curriculum entry whose lesson is not written yet: it shows on the map as "coming soon".

import type { Lesson } from './types.ts';

export function plannedLesson(meta: Pick<Lesson, 'id' | 'title' | 'question' | 'summary'>): Lesson {
  return {
    ...meta,
    minutes: 0,
    status: 'planned',
    goals: [],
    intro: '',
    sections: [],
    predict: null,
    recap: [],
    challenges: [],
    references: [],
  };
}
