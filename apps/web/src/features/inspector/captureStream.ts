// The live side of /api/captures: one EventSource a page's widgets share (the list and the capture in
// detail), and a followed capture kept exact from one snapshot plus the frame events after it.

import { framesKept, type Capture, type CaptureSummary, type Frame, type FrameEvent } from '@loopwire/contract';
import { getCapture } from './api.ts';

export interface CaptureStreamHandlers {
  capture?(summary: CaptureSummary): void;
  frame?(event: FrameEvent): void;
  /** The stream is connected (also right away for a late subscriber, and again after each reconnection): load what you hold again, events may have been missed while it was away. */
  open?(): void;
}

export interface CaptureStream {
  /** Whether it includes the noise (static files, the inspector's own calls). */
  readonly all: boolean;
  /** Opens the EventSource for the first subscriber and closes it after the last; returns the unsubscribe. */
  subscribe(handlers: CaptureStreamHandlers): () => void;
}

/** The caller's captures as they happen, one connection however many widgets listen. */
export function createCaptureStream({ all = false } = {}): CaptureStream {
  const subscribers = new Set<CaptureStreamHandlers>();
  let source: EventSource | null = null;
  const connect = () => {
    const opened = new EventSource(`/api/captures/stream${all ? '?all=1' : ''}`);
    opened.addEventListener('capture', (event) => {
      const summary = JSON.parse((event as MessageEvent<string>).data) as CaptureSummary;
      for (const handlers of subscribers) handlers.capture?.(summary);
    });
    opened.addEventListener('frame', (event) => {
      const frame = JSON.parse((event as MessageEvent<string>).data) as FrameEvent;
      for (const handlers of subscribers) handlers.frame?.(frame);
    });
    opened.addEventListener('open', () => {
      for (const handlers of subscribers) handlers.open?.();
    });
    return opened;
  };
  return {
    all,
    subscribe(handlers) {
      subscribers.add(handlers);
      if (!source) source = connect();
      else if (source.readyState === EventSource.OPEN) queueMicrotask(() => subscribers.has(handlers) && handlers.open?.());
      return () => {
        subscribers.delete(handlers);
        if (subscribers.size > 0) return;
        source?.close();
        source = null;
      };
    },
  };
}

/** The capture with one more frame, bounded as the server's store bounds it (the first ones, then the newest). */
export function withFrame(capture: Capture, frame: Frame): Capture {
  const frames = [...capture.frames, frame];
  let framesOmitted = capture.framesOmitted;
  if (frames.length > framesKept.first + framesKept.newest) {
    frames.splice(framesKept.first, 1);
    framesOmitted++;
  }
  return { ...capture, frames, framesOmitted, framesSeen: capture.framesSeen + 1 };
}

// A busy connection (the page's own Socket.IO brings ~20 frames a second) is drawn again at most this
// often: its frames are added as they come, the page redraws them in one go.
const redrawEveryMs = 250;

/**
 * Keeps one capture current: a snapshot when the stream connects, then the stream's frames after it (by
 * their `seq`: none twice, none lost; a gap takes a new snapshot) and its summaries. Returns the stop.
 */
export function followCapture(stream: CaptureStream, id: string, onCapture: (capture: Capture) => void): () => void {
  let capture: Capture | null = null;
  /** Frames that came while a snapshot was on its way; null when none is. */
  let waiting: FrameEvent[] | null = null;
  let stopped = false;
  let redrawTimer: ReturnType<typeof setTimeout> | undefined;

  const redraw = () => {
    redrawTimer = undefined;
    if (capture && !stopped) onCapture(capture);
  };
  const changed = () => {
    redrawTimer ??= setTimeout(redraw, redrawEveryMs);
  };
  const addFrame = (event: FrameEvent) => {
    if (!capture || event.seq < capture.framesSeen) return;
    if (event.seq > capture.framesSeen) {
      void load();
      return;
    }
    capture = withFrame(capture, event.frame);
    changed();
  };
  const load = async () => {
    if (waiting) return;
    waiting = [];
    try {
      capture = await getCapture(id);
    } catch {
      // Rotated out or cleared: keep what the page has.
    }
    const arrived = waiting;
    waiting = null;
    if (stopped || !capture) return;
    for (const event of arrived) addFrame(event);
    clearTimeout(redrawTimer);
    redraw();
  };

  const unsubscribe = stream.subscribe({
    open: () => void load(),
    frame: (event) => {
      if (event.captureId !== id) return;
      if (waiting) waiting.push(event);
      else addFrame(event);
    },
    capture: (summary) => {
      if (summary.id !== id || waiting || !capture) return;
      // A summary counts frames whose events came before it on this stream: more means some were missed.
      if (summary.framesSeen > capture.framesSeen) {
        void load();
        return;
      }
      capture = { ...capture, ...summary, framesSeen: capture.framesSeen };
      changed();
    },
  });
  return () => {
    stopped = true;
    clearTimeout(redrawTimer);
    unsubscribe();
  };
}
