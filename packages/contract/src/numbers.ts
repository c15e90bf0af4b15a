// Building blocks for the contract's schemas: whole numbers in a range, from a JSON body or a query string.

import * as v from 'valibot';

/** A JSON number that is a whole number from min to max; the message names the field and the range. */
export function wholeNumber(field: string, min: number, max: number, unit = '') {
  const message = `${field} must be a whole number${unit ? ` of ${unit}` : ''} from ${min} to ${max}`;
  return v.pipe(v.number(message), v.integer(message), v.minValue(min, message), v.maxValue(max, message));
}

/** A query-string parameter holding a whole number from min to max (digits only: no sign, no exponent). */
export function wholeNumberParam(field: string, min: number, max: number, hint = '') {
  const message = `${field} must be a whole number from ${min} to ${max}${hint}`;
  return v.pipe(
    v.string(message),
    v.regex(/^\d{1,15}$/, message),
    v.transform(Number),
    v.minValue(min, message),
    v.maxValue(max, message),
  );
}
