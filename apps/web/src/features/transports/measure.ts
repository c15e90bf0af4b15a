// Numbers the race shows: race message names and the tap's bytes summed per transport (latency
// percentiles come from @loopwire/protocol's `percentile`).

import type { Capture, CaptureList } from '@loopwire/contract';
import type { TransportKind } from './kinds.ts';

export interface WireBytes {
  requests: number;
  clientBytes: number;
  serverBytes: number;
}

/** The Socket.IO row split by Engine.IO transport: polling before the upgrade, the WebSocket after it. */
export interface SocketIoPhases {
  polling: WireBytes;
  websocket: WireBytes;
  /** Bytes of WebSocket frames carrying events the feed client never asked for: the lab's broadcasts
   *  (`loop:tick`, `loop:sample`, `lab:*`) that reach every Socket.IO client on the default namespace. */
  broadcastBytes: number;
  broadcastEvents: number;
  /** Frames the tap did not keep (it keeps 200 per connection): broadcastBytes then counts only those kept. */
  framesOmitted: number;
}

/** What the tap saw for this race, per transport; or why it could not be read. */
export type RaceBytes =
  | { ok: true; byTransport: Record<TransportKind, WireBytes>; socketIo: SocketIoPhases }
  | { ok: false; reason: string };

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

/** The part of a capture the race reads: its URL (with the race tag) and its bytes on the wire. */
export type CaptureWire = Pick<Capture, 'url' | 'wire'>;

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

/** A Socket.IO exchange of the race, with the frames the tap kept. */
export type SocketIoCaptureWire = Pick<Capture, 'url' | 'wire' | 'frames' | 'framesOmitted'>;

/** Splits this race's Socket.IO exchanges by the `transport` each URL names, and weighs the broadcasts. */
export function socketIoPhases(captures: readonly SocketIoCaptureWire[], raceId: string): SocketIoPhases {
  const phases: SocketIoPhases = {
    polling: { requests: 0, clientBytes: 0, serverBytes: 0 },
    websocket: { requests: 0, clientBytes: 0, serverBytes: 0 },
    broadcastBytes: 0,
    broadcastEvents: 0,
    framesOmitted: 0,
  };
  for (const capture of captures) {
    const query = new URLSearchParams(capture.url.split('?')[1] ?? '');
    if (transportOfUrl(capture.url) !== 'socket.io' || query.get('race') !== raceId) continue;
    const phase = query.get('transport') === 'websocket' ? phases.websocket : phases.polling;
    phase.requests += 1;
    phase.clientBytes += capture.wire.clientBytes;
    phase.serverBytes += capture.wire.serverBytes;
    if (phase !== phases.websocket) continue;
    phases.framesOmitted += capture.framesOmitted;
    for (const frame of capture.frames) {
      const event = frame.socketIo?.event;
      if (frame.direction !== 'server' || event === undefined || event.startsWith('feed:')) continue;
      phases.broadcastEvents += 1;
      phases.broadcastBytes += frame.headerBytes.length + frame.payloadLength;
    }
  }
  return phases;
}

/** Captures of this race, newest first; only this browser's (the tap scopes them by the loopwire_sid cookie). */
async function raceCaptures(raceId: string): Promise<Capture[] | { status: number }> {
  const response = await fetch('/api/captures?limit=500', { credentials: 'same-origin', cache: 'no-store' });
  if (!response.ok) return { status: response.status };
  const { captures } = (await response.json()) as CaptureList;
  return captures.filter((capture) => transportOfUrl(capture.url) !== null && capture.url.includes(`race=${raceId}`));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Reads this learner's captures and sums the race's bytes, once every exchange of the race is over. */
export async function measureRaceBytes(raceId: string, { attempts = 15, pauseMs = 200 } = {}): Promise<RaceBytes> {
  for (let attempt = 1; ; attempt++) {
    const captures = await raceCaptures(raceId);
    if (!Array.isArray(captures)) {
      return captures.status === 404
        ? { ok: false, reason: 'This server has no wire tap (GET /api/captures answered 404), so bytes on the wire cannot be measured.' }
        : { ok: false, reason: `GET /api/captures answered ${captures.status}.` };
    }
    // Closing handshakes may still be on their way: wait until the tap has seen every exchange end.
    if (captures.every((capture) => capture.done) || attempt === attempts) {
      return { ok: true, byTransport: sumRaceBytes(captures, raceId), socketIo: socketIoPhases(captures, raceId) };
    }
    await sleep(pauseMs);
  }
}
