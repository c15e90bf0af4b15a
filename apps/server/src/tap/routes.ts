// /api/captures: the caller's own captures (by loopwire_sid), one capture, its HAR, a live SSE
// stream, and clearing. Contract: the README's "The wire tap" section.

import type { Request, Response } from 'express';
import { isCaptureKind, type CaptureKind, type FrameEvent } from '@loopwire/protocol';
import type { ServerDeps } from '../deps.js';
import { HttpError } from '../core/errors.js';
import type { CaptureRecord } from './capture-record.js';
import { toHar } from './har.js';
import { toCapture, toFrame } from './serialize.js';
import { eventStreamHeaders, formatComment, formatEvent, formatRetry } from '../core/event-stream.js';
import { sidOf } from '../session/sid.js';

/** A stream whose reader falls this far behind is closed (EventSource reconnects) instead of growing. */
const maxStreamBacklog = 1024 * 1024;
const heartbeatMs = 15_000;
/** How long a dropped EventSource waits before it reconnects. */
const retryMs = 2000;

const flag = (value: unknown) => value === '1' || value === 'true';

function parseLimit(raw: unknown): number {
  if (raw === undefined) return 50;
  if (typeof raw !== 'string' || !/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > 500) {
    throw new HttpError(400, 'bad_limit', 'limit must be a whole number from 1 to 500.');
  }
  return Number(raw);
}

function parseKind(raw: unknown): CaptureKind | undefined {
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string' || !isCaptureKind(raw)) {
    throw new HttpError(400, 'bad_kind', 'kind must be one of http, short-polling, long-polling, sse, websocket, socket.io.');
  }
  return raw;
}

export function registerCaptures({ api, tap, onClose }: Pick<ServerDeps, 'api' | 'tap' | 'onClose'>): void {
  const own = (req: Request, res: Response): CaptureRecord => {
    const record = tap.get(String(req.params.id));
    // Someone else's capture is answered exactly like a missing one: its existence is not yours to know.
    if (!record || record.sid !== sidOf(res)) {
      throw new HttpError(404, 'capture_not_found', `There is no capture ${req.params.id} for this browser (it may have been cleared or rotated out).`);
    }
    return record;
  };

  api.get('/captures', (req, res) => {
    const records = tap.list({
      sid: sidOf(res),
      limit: parseLimit(req.query.limit),
      kind: parseKind(req.query.kind),
      includeNoise: flag(req.query.all),
    });
    res.json({ captures: records.map((record) => toCapture(record, { reveal: flag(req.query.reveal) })) });
  });

  api.delete('/captures', (_req, res) => {
    res.json({ cleared: tap.store.clear(sidOf(res)) });
  });

  const streams = new Set<Response>();
  api.get('/captures/stream', (req, res) => {
    const sid = sidOf(res);
    const includeNoise = flag(req.query.all);
    res.writeHead(200, eventStreamHeaders);
    res.write(formatRetry(retryMs) + formatComment(`captures of this browser${tap.enabled ? '' : ' (the tap is off: TAP=off)'}`));
    const send = (event: string, data: unknown) => {
      if (res.writableLength > maxStreamBacklog) {
        res.end();
        return;
      }
      res.write(formatEvent({ event, data }));
    };
    const visible = (record: CaptureRecord) => record.sid === sid && (includeNoise || !record.noise);
    const unsubscribe = tap.store.subscribe({
      capture: (record) => {
        if (visible(record)) send('capture', toCapture(record));
      },
      frame: (record, frame) => {
        if (!visible(record)) return;
        const event: FrameEvent = { captureId: record.id, frame: toFrame(frame, record.kind === 'socket.io') };
        send('frame', event);
      },
    });
    const heartbeat = setInterval(() => res.write(formatComment('still here')), heartbeatMs);
    streams.add(res);
    res.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
      streams.delete(res);
    });
  });

  api.get('/captures/:id', (req, res) => {
    res.json(toCapture(own(req, res), { reveal: flag(req.query.reveal) }));
  });

  api.get('/captures/:id/har', (req, res) => {
    const capture = toCapture(own(req, res));
    res
      .type('application/json')
      .attachment(`loopwire-capture-${capture.id}.har`)
      .send(JSON.stringify(toHar(capture, '0.1.0'), null, 2));
  });

  onClose(() => {
    for (const stream of streams) stream.end();
  });
}
