// The scale lab's request bodies, checked before anything starts: a clear 400 naming the field.

import { maxScaleBlockMs, maxScaleWorkers, minScaleWorkers, scaleAdapters, scaleBalancings, type ScaleClusterOptions } from '@loopwire/contract';
import { HttpError } from '../core/errors.js';

function oneOf<T extends string>(value: unknown, allowed: readonly T[], field: 'balancing' | 'adapter'): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new HttpError(400, `bad_${field}`, `${field} must be one of ${allowed.map((entry) => `"${entry}"`).join(', ')}.`);
  }
  return value as T;
}

export function parseClusterOptions(body: unknown): ScaleClusterOptions {
  const fields = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const { workers } = fields;
  if (typeof workers !== 'number' || !Number.isInteger(workers) || workers < minScaleWorkers || workers > maxScaleWorkers) {
    throw new HttpError(400, 'bad_workers', `workers must be a whole number from ${minScaleWorkers} to ${maxScaleWorkers}.`);
  }
  return {
    workers,
    balancing: oneOf(fields.balancing, scaleBalancings, 'balancing'),
    adapter: oneOf(fields.adapter, scaleAdapters, 'adapter'),
  };
}

export function parseRunning(body: unknown): boolean {
  const running = (typeof body === 'object' && body !== null ? body : {}) as { running?: unknown };
  if (typeof running.running !== 'boolean') throw new HttpError(400, 'bad_running', 'running must be true or false.');
  return running.running;
}

export function parseBlockDuration(body: unknown): number {
  const { durationMs } = (typeof body === 'object' && body !== null ? body : {}) as { durationMs?: unknown };
  if (typeof durationMs !== 'number' || !Number.isInteger(durationMs) || durationMs < 1 || durationMs > maxScaleBlockMs) {
    throw new HttpError(400, 'bad_duration_ms', `durationMs must be a whole number of milliseconds from 1 to ${maxScaleBlockMs}.`);
  }
  return durationMs;
}
