// The event-loop lab's HTTP calls, typed by the contract package. Errors are the JSON client's ApiError.

import type {
  JobMode,
  LabBatchResult,
  LabJobResult,
  LabLoopResponse,
  OrderExperimentSources,
  OrderResult,
  OrderRunsResponse,
  ProcessView,
} from '@loopwire/contract';
import { ProcessViewSchema } from '@loopwire/contract';
import * as v from 'valibot';
import { requestJson, type Fetch } from '../../lib/api.ts';

export const runLabJob = (mode: JobMode, durationMs: number, fetch?: Fetch) =>
  requestJson<LabJobResult>('/api/lab/jobs', { body: { mode, durationMs }, fetch });

export const runLabBatch = (mode: JobMode, durationMs: number, count: number, fetch?: Fetch) =>
  requestJson<LabBatchResult>('/api/lab/batch', { body: { mode, durationMs, count }, fetch });

export const runOrderExperiment = (experiment: string, fetch?: Fetch) =>
  requestJson<OrderResult>('/api/lab/order', { body: { experiment }, fetch });

/** Each ordering experiment's code, as the server reads it from the functions it runs. */
export const fetchExperimentSources = (fetch?: Fetch) => requestJson<OrderExperimentSources>('/api/lab/experiments', { fetch });

export const fetchLoop = (fetch?: Fetch) => requestJson<LabLoopResponse>('/api/lab/loop', { fetch });

export const fetchRecentJobs = (fetch?: Fetch) => requestJson<{ jobs: LabJobResult[] }>('/api/lab/jobs', { fetch });

/** The caller's own recent ordering experiments, oldest first. */
export const fetchOrderRuns = (fetch?: Fetch) => requestJson<OrderRunsResponse>('/api/lab/order', { fetch });

/** This server process's threads right now and the processes it started, checked against the contract. */
export const fetchProcessView = async (fetch?: Fetch): Promise<ProcessView> =>
  v.parse(ProcessViewSchema, await requestJson<unknown>('/api/lab/process', { fetch }));
