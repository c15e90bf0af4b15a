// The learner's progress file (export and import on the home page, and what localStorage keeps):
// untrusted JSON, so it is read through this schema before the app trusts any of it.

import * as v from 'valibot';

const isoTime = (what: string) => v.pipe(v.string(`${what} is not a date`), v.check((value) => !Number.isNaN(Date.parse(value)), `${what} is not a date`));

export const PredictionRecordSchema = v.object(
  {
    choice: v.string(),
    correct: v.boolean(),
    /** ISO time the prediction was committed. */
    at: isoTime('prediction.at'),
  },
  'the prediction needs a choice, correct (true/false) and a date',
);
export type PredictionRecord = v.InferOutput<typeof PredictionRecordSchema>;

export const LessonProgressSchema = v.object(
  {
    prediction: v.optional(PredictionRecordSchema),
    /** Step → ISO time it was completed. */
    completed: v.record(v.string(), isoTime('a completed step'), 'completed is missing or not an object'),
  },
  'a lesson is not an object',
);

export const ProgressSchema = v.object(
  {
    version: v.literal(1, 'This is not a Loopwire progress file (it has no "version": 1).'),
    lessons: v.record(v.string(), LessonProgressSchema, 'This progress file has no "lessons" object.'),
  },
  'This file does not contain a JSON object.',
);
