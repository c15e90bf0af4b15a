// One way to answer with a JSON error, so every 4xx and 500 has the contract's body and one of its codes.

import type { ErrorRequestHandler, Response } from 'express';
import type { ApiErrorBody, ErrorCode } from '@loopwire/contract';
import type { ErrorLog } from './error-log.js';

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

interface LibraryError {
  type?: string;
  status?: number;
  statusCode?: number;
  limit?: number;
}

/** Codes for the 4xx errors libraries raise (the router, body-parser, static files) by status. */
const codeByStatus: Record<number, [code: ErrorCode, message: string]> = {
  400: ['bad_request', 'The request is malformed.'],
  403: ['forbidden', 'That path is not served.'],
  404: ['not_found', 'There is nothing at that path.'],
  405: ['method_not_allowed', 'That method is not allowed on this path.'],
  413: ['payload_too_large', 'The request body is too large.'],
  415: ['unsupported_media_type', 'Send the body as UTF-8 JSON.'],
};

/** The client's fault: a 4xx from our own code or a library, or a percent-sign that decodes to no text. */
function clientError(err: unknown): [status: number, code: ErrorCode, message: string] | null {
  if (err instanceof HttpError) return [err.status, err.code, err.message];
  if (err instanceof URIError) {
    return [400, 'bad_percent_encoding', 'The path has a %-escape that is not valid UTF-8 (like %c0%ae or a lone %).'];
  }
  const library = err as LibraryError;
  switch (library.type) {
    case 'entity.parse.failed':
      return [400, 'bad_json', 'The request body is not valid JSON.'];
    case 'entity.too.large':
      return [413, 'payload_too_large', `The request body is larger than ${library.limit} bytes.`];
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return [415, 'unsupported_encoding', 'Send the body as UTF-8 JSON.'];
  }
  const status = library.status ?? library.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const [code, message] = codeByStatus[status] ?? ['bad_request', 'The request cannot be served.'];
    return [status, code, message];
  }
  return null;
}

/**
 * The last handler of the API and of the whole app: client errors as 4xx JSON, anything else as a
 * 500 JSON whose body says nothing about the server's insides (no stack, no paths); the log gets one
 * line per class of error (see error-log.ts).
 */
export function createErrorHandler(errorLog: ErrorLog): ErrorRequestHandler {
  return (err: unknown, req, res, next) => {
    if (res.headersSent) {
      // Mid-response: all that can be done is to cut it off (Express would do the same).
      next(err);
      return;
    }
    const known = clientError(err);
    if (known) return sendError(res, ...known);
    errorLog.report(err, `${req.method} ${req.originalUrl.split('?')[0]!.slice(0, 200)}`);
    sendError(res, 500, 'internal', 'The server failed to handle this request; the details are in its log.');
  };
}
