// /api/captures: the caller's own captures (by loopwire_sid), one capture, its HAR, a live SSE
// stream, and clearing. Contract: the README's "The wire tap" section.

import type { Request, Response } from 'express';
import { CaptureQuerySchema, CaptureStreamQuerySchema, CapturesQuerySchema, type FrameEvent } from '@loopwire/contract';
import type { ServerDeps } from '../deps.js';
import { HttpError } from '../core/errors.js';
import { readQuery } from '../core/read-input.js';
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
    const { limit, kind, all, reveal } = readQuery(CapturesQuerySchema, req.query);
    const records = tap.list({ sid: sidOf(res), limit, kind, includeNoise: all });
    res.json({ captures: records.map((record) => toCapture(record, { reveal })) });
  });

  api.delete('/captures', (_req, res) => {
    res.json({ cleared: tap.store.clear(sidOf(res)) });
  });

  const streams = new Set<Response>();
  api.get('/captures/stream', (req, res) => {
    const sid = sidOf(res);
    const includeNoise = readQuery(CaptureStreamQuerySchema, req.query).all;
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
    res.json(toCapture(own(req, res), readQuery(CaptureQuerySchema, req.query)));
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
