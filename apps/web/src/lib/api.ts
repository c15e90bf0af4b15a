// The page's one JSON client for the live server. Every call fails the same way: an ApiError carrying
// the server's own `{"error":{code,message}}`, or `server_unreachable` when no answer came at all.

import { isApiErrorBody } from '@loopwire/contract';

/** A fetch against the live server: the browser's own (the default) or a check context's. */
export type Fetch = (path: string, init?: RequestInit) => Promise<Response>;

const browserFetch: Fetch = (path, init) => fetch(path, { credentials: 'same-origin', ...init });

export class ApiError extends Error {
  constructor(
    /** The HTTP status, or 0 when the server could not be reached. */
    readonly status: number,
    /** The server's snake_case error code, or one of the client's own: server_unreachable, unexpected_response. */
    readonly code: string,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'ApiError';
  }
}

export interface JsonRequest {
  /** GET without a body, POST with one, unless said otherwise. */
  method?: string;
  /** Sent as JSON. */
  body?: unknown;
  fetch?: Fetch;
}

export async function requestJson<T>(path: string, { method, body, fetch: doFetch = browserFetch }: JsonRequest = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await doFetch(path, {
      method: method ?? (body === undefined ? 'GET' : 'POST'),
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
    });
  } catch (error) {
    // fetch rejects only when no HTTP answer arrived (server stopped, network down): say that, not "Failed to fetch".
    throw new ApiError(0, 'server_unreachable', 'Cannot reach the Loopwire server: is it still running? Start it again with npm start.', { cause: error });
  }
  const json: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    if (isApiErrorBody(json)) throw new ApiError(response.status, json.error.code, json.error.message);
    throw new ApiError(response.status, 'unexpected_response', `The server answered ${response.status}.`);
  }
  if (json === undefined) throw new ApiError(response.status, 'unexpected_response', `The server answered ${response.status} without a JSON body.`);
  return json as T;
}
