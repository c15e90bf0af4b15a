// The page's side of /api/captures: list, one capture, clear, the SSE stream, the handshake probe.

import type { Capture, CaptureKind, CaptureList, FrameEvent, HandshakeProbeCase, HandshakeProbeResult } from '@loopwire/contract';
import type { ServerCloseCodeOnRequest } from '@loopwire/protocol';
import { requestJson } from '../../lib/api.ts';

export async function listCaptures(query: { kind?: CaptureKind | ''; limit?: number; all?: boolean } = {}): Promise<Capture[]> {
  const params = new URLSearchParams({ limit: String(query.limit ?? 100) });
  if (query.kind) params.set('kind', query.kind);
  if (query.all) params.set('all', '1');
  return (await requestJson<CaptureList>(`/api/captures?${params}`)).captures;
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

export interface CaptureStreamHandlers {
  capture(capture: Capture): void;
  frame(event: FrameEvent): void;
  open?(): void;
}

/** Subscribes to the caller's captures as they happen; returns the unsubscribe. */
export function subscribeCaptures(handlers: CaptureStreamHandlers, { all = false } = {}): () => void {
  const source = new EventSource(`/api/captures/stream${all ? '?all=1' : ''}`);
  source.addEventListener('capture', (event) => handlers.capture(JSON.parse((event as MessageEvent<string>).data) as Capture));
  source.addEventListener('frame', (event) => handlers.frame(JSON.parse((event as MessageEvent<string>).data) as FrameEvent));
  source.addEventListener('open', () => handlers.open?.());
  return () => source.close();
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

// A busy connection (the page's own Socket.IO brings ~20 frames a second) is fetched again at most
// this often: each fetch redraws the whole detail.
const followGapMs = 250;

/**
 * Keeps one capture current: each call to `changed()` (an SSE event about it) fetches it again,
 * at most one fetch at a time and one per `followGapMs`, and always once more after the last change,
 * so the page ends with exactly what the server holds (no frame lost or doubled between a snapshot
 * and the stream).
 */
export function followCapture(id: string, onCapture: (capture: Capture) => void): { changed(): void; stop(): void } {
  let running = false;
  let again = false;
  let stopped = false;
  const run = async () => {
    running = true;
    do {
      again = false;
      const startedAt = Date.now();
      try {
        const capture = await getCapture(id);
        if (!stopped) onCapture(capture);
      } catch {
        // Rotated out or cleared: keep what the page has.
      }
      const rest = followGapMs - (Date.now() - startedAt);
      if (again && !stopped && rest > 0) await new Promise((resolve) => setTimeout(resolve, rest));
    } while (again && !stopped);
    running = false;
  };
  return {
    changed() {
      if (running) again = true;
      else void run();
    },
    stop() {
      stopped = true;
    },
  };
}
