// The learner's progress file (export and import on the home page, and what localStorage keeps):
// untrusted JSON, so it is read through this schema before the app trusts any of it. The messages
// say what is wrong with the value at the path; the app puts the path in front.

import * as v from 'valibot';

const isoTime = v.pipe(v.string('is not a date'), v.check((value) => !Number.isNaN(Date.parse(value)), 'is not a date'));

const PredictionShape = v.object({
  choice: v.string(),
  correct: v.boolean(),
  /** ISO time the prediction was committed. */
  at: isoTime,
});
export type PredictionRecord = v.InferOutput<typeof PredictionShape>;

/** A prediction is judged as a whole: the learner sees one sentence, not one per field. */
export const PredictionRecordSchema = v.custom<PredictionRecord>(
  (value) => v.is(PredictionShape, value),
  'needs a choice, correct (true/false) and a date',
);

export const LessonProgressSchema = v.object(
  {
    prediction: v.optional(PredictionRecordSchema),
    /** Step → ISO time it was completed. */
    completed: v.record(v.string(), isoTime, 'is not an object'),
  },
  'is not an object',
);

export const ProgressSchema = v.object({
  version: v.literal(1, 'is not 1'),
  lessons: v.record(v.string(), LessonProgressSchema, 'is not an object'),
});
