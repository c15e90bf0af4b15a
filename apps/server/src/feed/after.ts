// The `after=<id>` resume point both polling styles take: a whole number, absent meaning 0.

import { HttpError } from '../core/errors.js';

export function parseAfter(raw: unknown): number {
  if (raw === undefined || raw === '') return 0;
  if (typeof raw !== 'string' || !/^\d{1,15}$/.test(raw)) {
    throw new HttpError(400, 'bad_after', `after must be a whole number (the last message id you saw), got ${JSON.stringify(raw)}.`);
  }
  return Number(raw);
}
