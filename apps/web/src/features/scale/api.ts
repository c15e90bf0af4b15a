// The scale lab's calls to the live server: the cluster's state, (re)starting it, killing a worker,
// blocking one, stopping and starting the lab's own Redis, and the learner's exchanges with the cluster.

import type { ScaleBlockResult, ScaleCapturesResponse, ScaleClusterOptions, ScaleState } from '@loopwire/contract';
import { requestJson } from '../../lib/api.ts';

export const fetchScaleState = () => requestJson<ScaleState>('/api/scale');

export const startCluster = (options: ScaleClusterOptions) => requestJson<ScaleState>('/api/scale', { method: 'PUT', body: options });

export const stopCluster = () => requestJson<ScaleState>('/api/scale', { method: 'DELETE' });

export const killWorker = (pid: number) => requestJson<{ killed: number }>(`/api/scale/workers/${pid}/kill`, { method: 'POST' });

/** The noisy neighbour: resolves once that worker's loop is free again. */
export const blockWorker = (pid: number, durationMs: number) =>
  requestJson<ScaleBlockResult>(`/api/scale/workers/${pid}/block`, { method: 'POST', body: { durationMs } });

export const setRedisRunning = (running: boolean) => requestJson<ScaleState>('/api/scale/redis', { method: 'PUT', body: { running } });

export const fetchClusterCaptures = () => requestJson<ScaleCapturesResponse>('/api/scale/captures').then((body) => body.captures);

/** The cluster as the page reaches it: the page's own host name (it listens on loopback only). */
export function clusterUrl(port: number): string {
  return `${location.protocol}//${location.hostname}:${port}`;
}
