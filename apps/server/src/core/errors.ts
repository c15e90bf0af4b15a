// One way to answer with a JSON error, so every 4xx has the contract's body and one of its codes.

import type { ErrorRequestHandler, Response } from 'express';
import type { ApiErrorBody, ErrorCode } from '@loopwire/contract';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export function sendError(res: Response, status: number, code: ErrorCode, message: string): void {
  const body: ApiErrorBody = { error: { code, message } };
  res.status(status).json(body);
}

interface BodyParserError {
  type?: string;
  status?: number;
  limit?: number;
}

/** Last handler of the API: our own HttpErrors, body-parser's errors, then everything else as 500. */
export const apiErrorHandler: ErrorRequestHandler = (err: unknown, _req, res, _next) => {
  if (err instanceof HttpError) return sendError(res, err.status, err.code, err.message);
  const parserError = err as BodyParserError;
  switch (parserError.type) {
    case 'entity.parse.failed':
      return sendError(res, 400, 'bad_json', 'The request body is not valid JSON.');
    case 'entity.too.large':
      return sendError(res, 413, 'payload_too_large', `The request body is larger than ${parserError.limit} bytes.`);
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return sendError(res, 415, 'unsupported_encoding', 'Send the body as UTF-8 JSON.');
  }
  console.error(err);
  sendError(res, 500, 'internal', 'The server failed to handle this request; the details are in its log.');
};
