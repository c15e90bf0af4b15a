// Reads lab request bodies: anything outside the contract is a 400 that says what was expected.

import {
  batchLimits,
  findOrderExperiment,
  isJobMode,
  jobDurationLimits,
  jobModes,
  orderExperiments,
  type JobMode,
  type OrderExperimentId,
} from '@loopwire/protocol';
import { HttpError } from '../core/errors.js';

function bodyObject(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new HttpError(400, 'bad_body', 'Send a JSON object with Content-Type: application/json.');
  }
  return body as Record<string, unknown>;
}

function wholeNumberIn(value: unknown, name: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new HttpError(400, `bad_${name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}`, `${name} must be a whole number from ${min} to ${max}, got ${JSON.stringify(value) ?? 'nothing'}.`);
  }
  return value;
}

export function readJobRequest(body: unknown): { mode: JobMode; durationMs: number } {
  const fields = bodyObject(body);
  if (!isJobMode(fields.mode)) {
    throw new HttpError(400, 'bad_mode', `mode must be one of ${jobModes.join(', ')}, got ${JSON.stringify(fields.mode) ?? 'nothing'}.`);
  }
  return {
    mode: fields.mode,
    durationMs: wholeNumberIn(fields.durationMs, 'durationMs', jobDurationLimits.minMs, jobDurationLimits.maxMs),
  };
}

export function readBatchRequest(body: unknown): { mode: JobMode; durationMs: number; count: number } {
  const job = readJobRequest(body);
  return { ...job, count: wholeNumberIn(bodyObject(body).count, 'count', batchLimits.minCount, batchLimits.maxCount) };
}

export function readOrderRequest(body: unknown): OrderExperimentId {
  const { experiment } = bodyObject(body);
  if (!findOrderExperiment(experiment)) {
    throw new HttpError(
      400,
      'unknown_experiment',
      `experiment must be one of ${orderExperiments.map((known) => known.id).join(', ')}, got ${JSON.stringify(experiment) ?? 'nothing'}.`,
    );
  }
  return experiment as OrderExperimentId;
}
