// The contract's schemas accept what the API documents and reject the rest, with messages that name the field.

import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
  BroadcastRequestSchema,
  CapturesQuerySchema,
  LabBatchRequestSchema,
  LabJobRequestSchema,
  PollQuerySchema,
  PostFeedMessageSchema,
  ProgressSchema,
  TokenRequestSchema,
  isApiErrorBody,
} from './index.js';

const firstIssue = (schema: v.GenericSchema, input: unknown) => {
  const result = v.safeParse(schema, input, { abortEarly: true });
  return result.success ? null : { field: v.getDotPath(result.issues[0]), type: result.issues[0].type, message: result.issues[0].message };
};

describe('request bodies', () => {
  it('a lab job: mode from the list, durationMs a whole number of 1..5000', () => {
    expect(v.parse(LabJobRequestSchema, { mode: 'worker', durationMs: 300 })).toEqual({ mode: 'worker', durationMs: 300 });
    expect(firstIssue(LabJobRequestSchema, { mode: 'sleepy', durationMs: 1 })).toMatchObject({ field: 'mode', message: 'mode must be one of blocking, partitioned, async, worker' });
    for (const durationMs of [0, 5001, 1.5, '300', undefined]) {
      expect(firstIssue(LabJobRequestSchema, { mode: 'blocking', durationMs })).toMatchObject({ field: 'durationMs', message: 'durationMs must be a whole number from 1 to 5000' });
    }
    expect(firstIssue(LabBatchRequestSchema, { mode: 'async', durationMs: 10, count: 9 })).toMatchObject({ field: 'count' });
  });

  it('a feed message: non-empty text, too long is its own issue', () => {
    expect(firstIssue(PostFeedMessageSchema, { text: '   ' })).toMatchObject({ field: 'text' });
    expect(firstIssue(PostFeedMessageSchema, {})).toMatchObject({ field: 'text' });
    expect(firstIssue(PostFeedMessageSchema, { text: 'x'.repeat(2001) })).toMatchObject({ field: 'text', type: 'max_length' });
  });

  it('a token request: defaults for what is left out', () => {
    expect(v.parse(TokenRequestSchema, {})).toEqual({ name: 'learner', ttlMs: 600_000 });
    expect(firstIssue(TokenRequestSchema, { name: '<script>' })).toMatchObject({ field: 'name' });
    expect(firstIssue(TokenRequestSchema, { ttlMs: 999 })).toMatchObject({ field: 'ttlMs' });
  });

  it('a broadcast needs a payload (null counts), a room only when sent', () => {
    expect(v.parse(BroadcastRequestSchema, { payload: null })).toEqual({ payload: null });
    expect(firstIssue(BroadcastRequestSchema, {})).toMatchObject({ field: 'payload' });
    expect(firstIssue(BroadcastRequestSchema, { payload: 1, room: 'North' })).toMatchObject({ field: 'room' });
  });
});

describe('query strings', () => {
  it('after: digits only, absent or empty meaning 0', () => {
    expect(v.parse(PollQuerySchema, {})).toEqual({ after: 0 });
    expect(v.parse(PollQuerySchema, { after: '' })).toEqual({ after: 0 });
    expect(v.parse(PollQuerySchema, { after: '42' })).toEqual({ after: 42 });
    for (const after of ['abc', '-1', '1.5', '1e3', ['1', '2']]) expect(firstIssue(PollQuerySchema, { after })).toMatchObject({ field: 'after' });
  });

  it('captures: limit 1..500 (default 50), a known kind, flags', () => {
    expect(v.parse(CapturesQuerySchema, {})).toEqual({ limit: 50, all: false, reveal: false, summary: false });
    expect(v.parse(CapturesQuerySchema, { limit: '7', kind: 'sse', all: '1', summary: '1' })).toEqual({ limit: 7, kind: 'sse', all: true, reveal: false, summary: true });
    expect(firstIssue(CapturesQuerySchema, { limit: '0' })).toMatchObject({ field: 'limit' });
    expect(firstIssue(CapturesQuerySchema, { kind: 'gopher' })).toMatchObject({ field: 'kind' });
  });
});

describe('what clients parse', () => {
  it('an error body has a known code and a message', () => {
    expect(isApiErrorBody({ error: { code: 'bad_mode', message: 'mode must be…' } })).toBe(true);
    expect(isApiErrorBody({ error: { code: 'badMode', message: 'x' } })).toBe(false);
    expect(isApiErrorBody({ error: 'bad' })).toBe(false);
  });

  it('a progress file: version 1, lessons with dated steps and an optional prediction', () => {
    const good = { version: 1, lessons: { 'event-loop': { completed: { intro: '2026-01-01T00:00:00Z' }, prediction: { choice: 'a', correct: true, at: '2026-01-01T00:00:00Z' } } } };
    expect(v.is(ProgressSchema, good)).toBe(true);
    expect(firstIssue(ProgressSchema, { version: 2, lessons: {} })).toMatchObject({ field: 'version', message: 'is not 1' });
    expect(firstIssue(ProgressSchema, { version: 1, lessons: { x: { completed: { intro: 'yesterday' } } } })).toMatchObject({
      field: 'lessons.x.completed.intro',
      message: 'is not a date',
    });
  });
});
