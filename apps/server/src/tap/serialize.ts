// Turns a capture record into the public Capture: heads masked, bytes as latin1 byte strings,
// Engine.IO / Socket.IO packets decoded here (when someone asks), never on the hot path.

import { type BodySummary, type Capture, type CaptureSummary, type Frame } from '@loopwire/contract';
import { decodeEnginePacket, decodeFrame, decodeEnginePayload, type EnginePacket } from '@loopwire/protocol';
import { previewBytes, wireOf, type BodyRecord, type CaptureRecord, type FrameRecord } from './capture-record.js';
import { maskHead } from '../session/redaction.js';

export interface SerializeOptions {
  /** Unmask Cookie/Authorization values (never the loopwire_sid value). */
  reveal?: boolean;
}

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
const utf8 = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');

function summarise(body: BodyRecord): BodySummary {
  return {
    length: body.length,
    contentType: body.contentType,
    preview: body.kept().toString('latin1', 0, previewBytes),
    complete: body.complete,
  };
}

function toFrame({ at, direction, headerBytes, payloadPreview }: FrameRecord, isSocketIo: boolean): Frame {
  const frame = decodeFrame(headerBytes, payloadPreview);
  const out: Frame = {
    at,
    direction,
    fin: frame.fin,
    rsv: frame.rsv,
    opcode: frame.opcode,
    opcodeName: frame.opcodeName,
    masked: frame.masked,
    maskingKey: frame.maskingKey ? Array.from(frame.maskingKey, (b) => b.toString(16).padStart(2, '0')).join(' ') : null,
    payloadLength: frame.payloadLength,
    headerBytes: latin1(frame.headerBytes),
    payloadPreview: latin1(frame.payloadPreview),
  };
  if (frame.closeCode !== undefined) {
    out.closeCode = frame.closeCode;
    out.closeReason = utf8(frame.closeReason ?? new Uint8Array());
  }
  // Engine.IO sends each packet as one text frame; a longer one than the preview cannot be decoded whole.
  const whole = frame.payloadPreview.length === frame.payloadLength;
  if (isSocketIo && frame.opcode === 0x1 && frame.fin && whole) {
    out.engineIo = decodeEnginePacket(utf8(frame.payloadPreview));
    if (out.engineIo.socketIo) out.socketIo = out.engineIo.socketIo;
  }
  return out;
}

function enginePackets(record: CaptureRecord): EnginePacket[] | undefined {
  if (record.kind !== 'socket.io' || record.status === 101) return undefined;
  const decode = (body: BodyRecord | null) =>
    body && body.length > 0 && body.length === body.kept().length ? decodeEnginePayload(body.kept().toString('utf8')) : [];
  // Polling sends packets in a POST body (answered "ok") and receives them in a GET's response body.
  return record.method === 'POST' ? decode(record.requestBody) : decode(record.responseBody);
}

/** The capture without its frames (the stream's `capture` event): cheap however busy its connection is. */
export function toCaptureSummary(record: CaptureRecord, { reveal = false }: SerializeOptions = {}): CaptureSummary {
  const summary: CaptureSummary = {
    id: record.id,
    connectionId: record.connectionId,
    kind: record.kind,
    startedAt: record.startedAt,
    respondedAt: record.respondedAt,
    method: record.method,
    url: record.url,
    status: record.status,
    requestHead: maskHead(record.requestHead, { reveal }),
    responseHead: record.responseHead === null ? null : maskHead(record.responseHead, { reveal }),
    local: record.local,
    remote: record.remote,
    requestBody: summarise(record.requestBody),
    responseBody: record.responseBody ? summarise(record.responseBody) : null,
    framesSeen: record.frames.seen,
    wire: wireOf(record),
    done: record.done,
  };
  const engineIo = enginePackets(record);
  if (engineIo) summary.engineIo = engineIo;
  if (record.notes.length > 0) summary.notes = [...record.notes];
  return summary;
}

export function toCapture(record: CaptureRecord, options: SerializeOptions = {}): Capture {
  const isSocketIo = record.kind === 'socket.io';
  return {
    ...toCaptureSummary(record, options),
    frames: record.frames.all().map((frame) => toFrame(frame, isSocketIo)),
    framesOmitted: record.frames.omitted,
  };
}

export { toFrame };
