// The page's side of /api/captures: list, one capture, clear, the handshake probe (the live stream: captureStream.ts).

import type { Capture, CaptureKind, CaptureList, CaptureSummary, CaptureSummaryList, HandshakeProbeCase, HandshakeProbeResult } from '@loopwire/contract';
import type { ServerCloseCodeOnRequest } from '@loopwire/protocol';
import { requestJson } from '../../lib/api.ts';

interface ListQuery {
  kind?: CaptureKind | '';
  limit?: number;
  all?: boolean;
}

function listParams(query: ListQuery): URLSearchParams {
  const params = new URLSearchParams({ limit: String(query.limit ?? 100) });
  if (query.kind) params.set('kind', query.kind);
  if (query.all) params.set('all', '1');
  return params;
}

export async function listCaptures(query: ListQuery = {}): Promise<Capture[]> {
  return (await requestJson<CaptureList>(`/api/captures?${listParams(query)}`)).captures;
}

/** The list without frames (counts only): what a list of captures shows. */
export async function listCaptureSummaries(query: ListQuery = {}): Promise<CaptureSummary[]> {
  const params = listParams(query);
  params.set('summary', '1');
  return (await requestJson<CaptureSummaryList>(`/api/captures?${params}`)).captures;
}

export function getCapture(id: string, reveal = false): Promise<Capture> {
  return requestJson<Capture>(`/api/captures/${encodeURIComponent(id)}${reveal ? '?reveal=1' : ''}`);
}

export async function clearCaptures(): Promise<void> {
  await requestJson('/api/captures', { method: 'DELETE' });
}

export function runHandshakeProbe(probeCase: HandshakeProbeCase): Promise<HandshakeProbeResult> {
  return requestJson<HandshakeProbeResult>('/api/lab/handshake-probe', { body: { case: probeCase } });
}

/** Asks the server to ping the /ws connection of a capture; the browser answers the pong by itself. */
export async function askServerToPing(captureId: string): Promise<void> {
  await requestJson('/api/ws/ping', { body: { captureId } });
}

/** Asks the server to close this page's /ws connection with a code a browser may not send. */
export async function askServerToClose(captureId: string, code: ServerCloseCodeOnRequest): Promise<void> {
  await requestJson('/api/ws/close', { body: { captureId, code } });
}

/** Asks the server to send this page's /ws connection one message split into several frames. */
export async function askServerToFragment(captureId: string): Promise<void> {
  await requestJson('/api/ws/fragment', { body: { captureId } });
}

/** Waits until a capture matching `find` exists (polling; captures land within milliseconds). */
export async function waitForCapture(
  find: (captures: Capture[]) => Capture | undefined,
  query: Parameters<typeof listCaptures>[0] = {},
  { timeoutMs = 3000, settled = false } = {},
): Promise<Capture> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = find(await listCaptures(query));
    if (found && (!settled || found.done || found.status === 101)) return found;
    if (Date.now() > deadline) throw new Error('The exchange did not show up in the capture store in time.');
    await new Promise((resolve) => setTimeout(resolve, 80));
  }
}
