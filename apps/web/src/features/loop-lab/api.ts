// The event-loop lab's HTTP calls, typed by the protocol package. Errors are the JSON client's ApiError.

import type { JobMode, LabBatchResult, LabJobResult, LabLoopResponse, OrderResult } from '@loopwire/protocol';
import { requestJson, type Fetch } from '../../lib/api.ts';

export const runLabJob = (mode: JobMode, durationMs: number, fetch?: Fetch) =>
  requestJson<LabJobResult>('/api/lab/jobs', { body: { mode, durationMs }, fetch });

export const runLabBatch = (mode: JobMode, durationMs: number, count: number, fetch?: Fetch) =>
  requestJson<LabBatchResult>('/api/lab/batch', { body: { mode, durationMs, count }, fetch });

export const runOrderExperiment = (experiment: string, fetch?: Fetch) =>
  requestJson<OrderResult>('/api/lab/order', { body: { experiment }, fetch });

export const fetchLoop = (fetch?: Fetch) => requestJson<LabLoopResponse>('/api/lab/loop', { fetch });

export const fetchRecentJobs = (fetch?: Fetch) => requestJson<{ jobs: LabJobResult[] }>('/api/lab/jobs', { fetch });
