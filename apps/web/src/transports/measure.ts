// Numbers the race shows: delivery latency percentiles and the tap's bytes summed per transport.

import type { TransportKind } from './kinds.ts';
import type { RaceBytes, WireBytes } from '../machines/race.machine.ts';

/** Nearest-rank percentile of a list of numbers (p in 0..100); null for an empty list. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

/** The text each race message carries; the index says when it was sent. */
export function raceMessageText(raceId: string, index: number): string {
  return `race ${raceId} #${index + 1}`;
}

/** The 0-based index of a race message, or null for any other feed message. */
export function raceMessageIndex(raceId: string, text: string): number | null {
  const prefix = `race ${raceId} #`;
  if (!text.startsWith(prefix)) return null;
  const n = Number(text.slice(prefix.length));
  return Number.isInteger(n) && n > 0 ? n - 1 : null;
}

/** The part of a capture the race reads (the tap's contract: every capture carries `wire`). */
export interface CaptureWire {
  url: string;
  wire: { clientBytes: number; serverBytes: number };
}

/** Which transport a captured exchange belongs to, by its path; null for anything else. */
export function transportOfUrl(url: string): TransportKind | null {
  const path = url.split('?')[0];
  if (path === '/api/poll/short') return 'short-polling';
  if (path === '/api/poll/long') return 'long-polling';
  if (path === '/api/sse/ticker') return 'sse';
  if (path === '/ws/feed') return 'websocket';
  if (path === '/socket.io/' || path === '/socket.io') return 'socket.io';
  return null;
}

/** Sums the captured bytes of one race's exchanges (URLs tagged `race=<id>`), per transport. */
export function sumRaceBytes(captures: readonly CaptureWire[], raceId: string): Record<TransportKind, WireBytes> {
  const empty = (): WireBytes => ({ requests: 0, clientBytes: 0, serverBytes: 0 });
  const sums: Record<TransportKind, WireBytes> = {
    'short-polling': empty(),
    'long-polling': empty(),
    sse: empty(),
    websocket: empty(),
    'socket.io': empty(),
  };
  for (const capture of captures) {
    const query = new URLSearchParams(capture.url.split('?')[1] ?? '');
    const kind = transportOfUrl(capture.url);
    if (kind === null || query.get('race') !== raceId) continue;
    sums[kind].requests += 1;
    sums[kind].clientBytes += capture.wire.clientBytes;
    sums[kind].serverBytes += capture.wire.serverBytes;
  }
  return sums;
}

/** Reads this learner's captures and sums the race's bytes; says plainly when the tap is not there. */
export async function measureRaceBytes(raceId: string): Promise<RaceBytes> {
  const response = await fetch('/api/captures?limit=500', { credentials: 'same-origin', cache: 'no-store' });
  if (response.status === 404) {
    return { ok: false, reason: 'This server has no wire tap yet (GET /api/captures answered 404), so bytes on the wire cannot be measured.' };
  }
  if (!response.ok) return { ok: false, reason: `GET /api/captures answered ${response.status}.` };
  const { captures } = (await response.json()) as { captures: CaptureWire[] };
  return { ok: true, byTransport: sumRaceBytes(captures, raceId) };
}
