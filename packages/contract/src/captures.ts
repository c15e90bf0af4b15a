// The wire tap's records as the API serves them (Capture, Frame) and the queries the captures API takes.
// Byte fields are latin1 byte strings: one character per byte, exactly as on the wire.

import * as v from 'valibot';
import type { EnginePacket, SocketIoPacket } from '@loopwire/protocol';
import type { SocketAddress } from './api.js';
import { wholeNumberParam } from './numbers.js';

export const captureKinds = ['http', 'short-polling', 'long-polling', 'sse', 'websocket', 'socket.io'] as const;
export type CaptureKind = (typeof captureKinds)[number];

const flag = v.optional(v.pipe(v.string(), v.transform((value) => value === '1' || value === 'true')), 'false');

/** `GET /api/captures?limit=&kind=&all=&reveal=&summary=` */
export const CapturesQuerySchema = v.object({
  limit: v.optional(wholeNumberParam('limit', 1, 500), '50'),
  kind: v.optional(v.picklist(captureKinds, `kind must be one of ${captureKinds.join(', ')}`)),
  /** Include the noise (static files, the inspector's own calls). */
  all: flag,
  /** Show credential headers unmasked (the caller's own captures only). */
  reveal: flag,
  /** Summaries only (CaptureSummary: no frames), for a list that shows counts. */
  summary: flag,
});

/** `GET /api/captures/:id?reveal=` */
export const CaptureQuerySchema = v.object({ reveal: flag });

/** `GET /api/captures/stream?all=` */
export const CaptureStreamQuerySchema = v.object({ all: flag });

export interface Frame {
  /** Server clock (ms since the epoch) when the whole frame had been seen. */
  at: number;
  direction: 'client' | 'server';
  fin: boolean;
  rsv: [boolean, boolean, boolean];
  opcode: number;
  opcodeName: string;
  masked: boolean;
  /** The 4 masking key bytes as hex (`37 fa 21 3d`), or null for an unmasked (server) frame. */
  maskingKey: string | null;
  payloadLength: number;
  /** The frame header exactly as sent (byte string, 2–14 bytes). */
  headerBytes: string;
  /** The first payload bytes, unmasked (byte string, at most 256 bytes). */
  payloadPreview: string;
  closeCode?: number;
  closeReason?: string;
  engineIo?: EnginePacket;
  socketIo?: SocketIoPacket;
}

export interface BodySummary {
  /** Bytes of body seen so far (after chunked framing is removed). */
  length: number;
  contentType: string | null;
  /** The first body bytes (byte string, at most 256 bytes). */
  preview: string;
  /** True once the whole body has been seen. */
  complete: boolean;
}

/**
 * A capture without its frames: the `capture` event of `GET /api/captures/stream`, where frames come as
 * their own `frame` events. A busy WebSocket's capture would otherwise bring all its kept frames again
 * with every update.
 */
export interface CaptureSummary {
  id: string;
  /** Every capture on one TCP connection shares this id (keep-alive, then the upgrade). */
  connectionId: string;
  kind: CaptureKind;
  startedAt: number;
  /** When the final response head was sent (null before): a held long poll answers long after it started. */
  respondedAt: number | null;
  method: string;
  url: string;
  /** Status of the final response; null while none has been sent. */
  status: number | null;
  /** The request head exactly as received, through the blank line. Cookie and Authorization values masked. */
  requestHead: string;
  responseHead: string | null;
  /** The server's side of the 4-tuple. */
  local: SocketAddress;
  /** The client's side, as the server saw it. */
  remote: SocketAddress;
  requestBody: BodySummary;
  responseBody: BodySummary | null;
  /** WebSocket frames seen after a 101 so far, kept or not. */
  framesSeen: number;
  /** Engine.IO packets of a Socket.IO polling exchange: a POST's request body, or a GET's response body. */
  engineIo?: EnginePacket[];
  /** Every byte of this exchange on its TCP connection: heads, bodies (with framing) and frames. */
  wire: { clientBytes: number; serverBytes: number };
  /** True once the exchange is over (response complete, or the connection closed). */
  done: boolean;
  notes?: string[];
}

/** How many frames a capture keeps: the first ones for good (an upgrade's story), then the newest. */
export const framesKept = { first: 50, newest: 150 } as const;

export interface Capture extends CaptureSummary {
  /** WebSocket frames after a 101: the first `framesKept.first` kept forever, then the newest `framesKept.newest`. */
  frames: Frame[];
  /** Frames seen but not kept (`framesSeen - frames.length`). */
  framesOmitted: number;
}

export interface CaptureList {
  captures: Capture[];
}

/** `GET /api/captures?summary=1` */
export interface CaptureSummaryList {
  captures: CaptureSummary[];
}

/** `frame` event of `GET /api/captures/stream`. */
export interface FrameEvent {
  captureId: string;
  /**
   * The frame's place among its capture's frames, 0 for the first one seen: a page holding a capture with
   * `framesSeen` frames adds exactly the events from `seq === framesSeen` on, none twice, none lost.
   */
  seq: number;
  frame: Frame;
}

/** `POST /api/lab/handshake-probe` cases: crafted handshakes a browser cannot send. */
export const handshakeProbeCases = ['no-upgrade', 'wrong-version', 'missing-key', 'bad-key', 'foreign-origin', 'ok'] as const;
export type HandshakeProbeCase = (typeof handshakeProbeCases)[number];

/** `POST /api/lab/handshake-probe` body. */
export const HandshakeProbeRequestSchema = v.object({
  case: v.picklist(handshakeProbeCases, `case must be one of ${handshakeProbeCases.join(', ')}`),
});

export interface HandshakeProbeResult {
  case: HandshakeProbeCase;
  /** The bytes the server sent to itself. */
  sent: string;
  capture: Capture;
}

/** Cookie and Authorization values are replaced by this character, one per byte, so offsets stay true. */
export const maskCharacter = '*';
