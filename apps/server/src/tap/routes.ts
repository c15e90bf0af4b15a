// /api/captures: the caller's own captures (by loopwire_sid; the scale lab cluster's too), one capture,
// its HAR, a live SSE stream, and clearing. Contract: the README's "The wire tap" section.

import type { Request, Response } from 'express';
import { CaptureQuerySchema, CaptureStreamQuerySchema, CapturesQuerySchema, type Capture, type CaptureSummary, type FrameEvent } from '@loopwire/contract';
import type { ServerDeps } from '../deps.js';
import { HttpError } from '../core/errors.js';
import { readQuery } from '../core/read-input.js';
import type { CaptureRecord } from './capture-record.js';
import { toHar } from './har.js';
import { toCapture, toCaptureSummary, toFrame, type SerializeOptions } from './serialize.js';
import { toAdoptedCapture, toAdoptedSummary } from './adopted-captures.js';
import { eventStreamHeaders, formatComment, formatEvent, formatRetry } from '../core/event-stream.js';
import { sidOf } from '../session/sid.js';

/** A stream whose reader falls this far behind is closed (EventSource reconnects) instead of growing. */
const maxStreamBacklog = 1024 * 1024;
const heartbeatMs = 15_000;
/** How long a dropped EventSource waits before it reconnects. */
const retryMs = 2000;
/**
 * While frames flow, a capture's summary (its frame and byte counters) is sent again at most this often:
 * each frame is its own event already, and a page's list need not redraw twenty times a second.
 */
const summaryEveryMs = 1000;

export function registerCaptures({ api, tap, onClose }: Pick<ServerDeps, 'api' | 'tap' | 'onClose'>): void {
  /** One capture of the caller's, the tap's own or adopted (the scale lab's cluster), as the API serves it. */
  const own = (req: Request, res: Response, options: SerializeOptions = {}): Capture => {
    const id = String(req.params.id);
    const record = tap.get(id);
    if (record && record.sid === sidOf(res)) return toCapture(record, options);
    const adopted = tap.adopted.get(id);
    if (adopted && adopted.sid === sidOf(res)) return toAdoptedCapture(adopted, options);
    // Someone else's capture is answered exactly like a missing one: its existence is not yours to know.
    throw new HttpError(404, 'capture_not_found', `There is no capture ${req.params.id} for this browser (it may have been cleared or rotated out).`);
  };

  api.get('/captures', (req, res) => {
    const { limit, kind, all, reveal, summary } = readQuery(CapturesQuerySchema, req.query);
    const query = { sid: sidOf(res), limit, kind, includeNoise: all };
    const captures: CaptureSummary[] = [
      ...tap.list(query).map((record) => (summary ? toCaptureSummary : toCapture)(record, { reveal })),
      ...tap.adopted.list(query).map((entry) => (summary ? toAdoptedSummary : toAdoptedCapture)(entry, { reveal })),
    ];
    // Both share one id sequence: newest first is highest id first.
    captures.sort((a, b) => Number(b.id) - Number(a.id));
    res.json({ captures: captures.slice(0, limit) });
  });

  api.delete('/captures', (_req, res) => {
    res.json({ cleared: tap.store.clear(sidOf(res)) + tap.adopted.clear(sidOf(res)) });
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
    // Captures whose frames moved on since their last summary, by id: summarised when the timer fires.
    const behind = new Map<string, () => CaptureSummary>();
    let summaryTimer: NodeJS.Timeout | undefined;
    const sendBehind = () => {
      summaryTimer = undefined;
      for (const summarise of behind.values()) send('capture', summarise());
      behind.clear();
    };
    const sendSummary = (id: string, summary: CaptureSummary) => {
      behind.delete(id);
      send('capture', summary);
    };
    const sendFrame = (event: FrameEvent, summarise: () => CaptureSummary) => {
      send('frame', event);
      behind.set(event.captureId, summarise);
      summaryTimer ??= setTimeout(sendBehind, summaryEveryMs);
    };
    const visible = (record: CaptureRecord) => record.sid === sid && (includeNoise || !record.noise);
    const unsubscribe = tap.store.subscribe({
      capture: (record) => {
        if (visible(record)) sendSummary(record.id, toCaptureSummary(record));
      },
      frame: (record, frame) => {
        if (!visible(record)) return;
        // Called as the frame is added: it is the newest of all the capture has seen.
        const seq = record.frames.seen - 1;
        sendFrame({ captureId: record.id, seq, frame: toFrame(frame, record.kind === 'socket.io') }, () => toCaptureSummary(record));
      },
    });
    const unsubscribeAdopted = tap.adopted.subscribe({
      capture: (entry) => {
        if (entry.sid === sid && (includeNoise || !entry.noise)) sendSummary(entry.id, toAdoptedSummary(entry));
      },
      frame: (entry, frame, seq) => {
        if (entry.sid !== sid || (entry.noise && !includeNoise)) return;
        sendFrame({ captureId: entry.id, seq, frame }, () => toAdoptedSummary(entry));
      },
    });
    const heartbeat = setInterval(() => res.write(formatComment('still here')), heartbeatMs);
    streams.add(res);
    res.on('close', () => {
      clearInterval(heartbeat);
      clearTimeout(summaryTimer);
      unsubscribe();
      unsubscribeAdopted();
      streams.delete(res);
    });
  });

  api.get('/captures/:id', (req, res) => {
    res.json(own(req, res, readQuery(CaptureQuerySchema, req.query)));
  });

  api.get('/captures/:id/har', (req, res) => {
    const capture = own(req, res);
    res
      .type('application/json')
      .attachment(`loopwire-capture-${capture.id}.har`)
      .send(JSON.stringify(toHar(capture, '0.1.0'), null, 2));
  });

  onClose(() => {
    for (const stream of streams) stream.end();
  });
}
