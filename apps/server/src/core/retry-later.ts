// A refusal the client should retry: 429 Too Many Requests, with how long to wait (Retry-After).

import type { ErrorCode } from '@loopwire/contract';
import { HttpError } from './errors.js';

export class RetryLater extends HttpError {
  constructor(
    code: ErrorCode,
    message: string,
    readonly retryAfterMs: number,
  ) {
    super(429, code, message);
  }
}
