// The event-loop lab's HTTP calls, typed by the protocol package. Errors carry the server's message.

import {
  isApiErrorBody,
  type JobMode,
  type LabBatchResult,
  type LabJobResult,
  type LabLoopResponse,
  type OrderResult,
} from '@loopwire/protocol';

type Fetch = (path: string, init?: RequestInit) => Promise<Response>;

const browserFetch: Fetch = (path, init) => fetch(path, { credentials: 'same-origin', ...init });

export class LabRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'LabRequestError';
  }
}

async function call<T>(doFetch: Fetch, path: string, body?: unknown): Promise<T> {
  const init: RequestInit | undefined =
    body === undefined
      ? undefined
      : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
  const response = await doFetch(path, init);
  const json: unknown = await response.json();
  if (!response.ok) {
    if (isApiErrorBody(json)) throw new LabRequestError(response.status, json.error.code, json.error.message);
    throw new LabRequestError(response.status, 'unexpected', `The server answered ${response.status}.`);
  }
  return json as T;
}

export const runLabJob = (mode: JobMode, durationMs: number, doFetch: Fetch = browserFetch) =>
  call<LabJobResult>(doFetch, '/api/lab/jobs', { mode, durationMs });

export const runLabBatch = (mode: JobMode, durationMs: number, count: number, doFetch: Fetch = browserFetch) =>
  call<LabBatchResult>(doFetch, '/api/lab/batch', { mode, durationMs, count });

export const runOrderExperiment = (experiment: string, doFetch: Fetch = browserFetch) =>
  call<OrderResult>(doFetch, '/api/lab/order', { experiment });

export const fetchLoop = (doFetch: Fetch = browserFetch) => call<LabLoopResponse>(doFetch, '/api/lab/loop');

export const fetchRecentJobs = (doFetch: Fetch = browserFetch) =>
  call<{ jobs: LabJobResult[] }>(doFetch, '/api/lab/jobs');
