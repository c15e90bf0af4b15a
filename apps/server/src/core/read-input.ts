// Reads a request body or query string through its schema from @loopwire/contract. What does not
// match is a 400 `bad_<field>` (413 `<field>_too_long` for a text over its length) whose message
// says what the field accepts and what arrived; a body that is not a JSON object is `bad_body`.

import * as v from 'valibot';
import { isErrorCode, type ErrorCode } from '@loopwire/contract';
import { HttpError } from './errors.js';

type ObjectSchema = v.ObjectSchema<v.ObjectEntries, v.ErrorMessage<v.ObjectIssue> | undefined>;

const snakeCase = (field: string) => field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

function describeInput(input: unknown): string {
  if (input === undefined) return 'nothing';
  const json = JSON.stringify(input);
  return json.length > 60 ? `${json.slice(0, 57)}…` : json;
}

/** The message a field's own schema gives, also when the field is missing (valibot reports that on the object). */
function fieldMessage(schema: ObjectSchema, field: string, issue: v.BaseIssue<unknown>): string {
  const missing = issue.type === 'object' && issue.input === undefined;
  const entry = schema.entries[field];
  if (!missing || !entry) return issue.message;
  const result = v.safeParse(entry, undefined, { abortEarly: true });
  return result.success ? issue.message : result.issues[0].message;
}

function inputError(schema: ObjectSchema, issue: v.BaseIssue<unknown>): HttpError {
  const field = issue.path?.[0]?.key;
  if (typeof field !== 'string') return new HttpError(400, 'bad_body', 'Send a JSON object with Content-Type: application/json.');
  const tooLong = issue.type === 'max_length';
  const code = tooLong ? `${snakeCase(field)}_too_long` : `bad_${snakeCase(field)}`;
  // A schema field without its code in the contract is our bug, not the client's: a 500 with a stack trace.
  if (!isErrorCode(code)) throw new Error(`@loopwire/contract has no error code ${code} for the field ${field}`);
  return new HttpError(tooLong ? 413 : 400, code satisfies ErrorCode, `${fieldMessage(schema, field, issue)}, got ${describeInput(issue.input)}.`);
}

function read<S extends ObjectSchema>(schema: S, input: unknown): v.InferOutput<S> {
  const result = v.safeParse(schema, input, { abortEarly: true });
  if (result.success) return result.output;
  throw inputError(schema, result.issues[0]);
}

/** A JSON request body (Express has parsed it; anything but a plain object is `bad_body`). */
export function readBody<S extends ObjectSchema>(schema: S, body: unknown): v.InferOutput<S> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new HttpError(400, 'bad_body', 'Send a JSON object with Content-Type: application/json.');
  }
  return read(schema, body);
}

/** The query string as Express parsed it (each value a string, or an array when repeated). */
export function readQuery<S extends ObjectSchema>(schema: S, query: unknown): v.InferOutput<S> {
  return read(schema, query);
}
