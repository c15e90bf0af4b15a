// Follows one TCP connection in both directions: splits each into HTTP messages, pairs requests
// with responses (one capture per keep-alive exchange), and after a 101 decodes WebSocket frames.

import type { Socket } from 'node:net';
import type { SocketAddress } from '@loopwire/contract';
import { headerValue, parseHttpHead } from '@loopwire/protocol';
import { bodyRecordFor, FrameLog, previewBytes, type CaptureRecord } from './capture-record.js';
import type { CaptureStore } from './capture-store.js';
import { isNoise, kindFromRequest, kindFromResponse } from './classify.js';
import { FrameStream } from './frame-stream.js';
import { HttpMessageSplitter, type BodyFraming } from './http-splitter.js';
import { fourTuple } from '../core/net.js';
import type { Sessions } from '../session/sid.js';

/** Requests a client may pipeline ahead of the responses before we stop pairing them. */
const maxAwaiting = 32;

export interface ConnectionContext {
  store: CaptureStore;
  /** Which sids are genuine: a capture belongs to a verified sid or to nobody. */
  sessions: Sessions;
  nextCaptureId(): string;
}

function bodyFramingOf(headers: { transferEncoding?: string; contentLength?: string }): BodyFraming | null {
  if (headers.transferEncoding?.toLowerCase().split(',').pop()?.trim() === 'chunked') return { kind: 'chunked' };
  if (headers.contentLength !== undefined && /^\d+$/.test(headers.contentLength.trim())) {
    return { kind: 'length', length: Number(headers.contentLength.trim()) };
  }
  return null;
}

export class ConnectionTap {
  readonly id: string;
  readonly #context: ConnectionContext;
  readonly #local: SocketAddress;
  readonly #remote: SocketAddress;
  readonly #requests: HttpMessageSplitter;
  readonly #responses: HttpMessageSplitter;
  /** Captures whose request has arrived and whose final response has not started yet. */
  readonly #awaiting: CaptureRecord[] = [];
  readonly #all = new Set<CaptureRecord>();
  #receiving: CaptureRecord | null = null;
  #answering: CaptureRecord | null = null;
  #clientFrames: FrameStream | null = null;
  #serverFrames: FrameStream | null = null;

  constructor(id: string, socket: Socket, context: ConnectionContext) {
    this.id = id;
    this.#context = context;
    ({ local: this.#local, remote: this.#remote } = fourTuple(socket));
    this.#requests = new HttpMessageSplitter({
      head: (head) => this.#onRequestHead(head),
      body: (bytes) => this.#receiving?.requestBody.add(bytes),
      end: () => {
        if (this.#receiving) this.#receiving.requestBody.complete = true;
      },
      wire: (count) => {
        if (this.#receiving) this.#receiving.wire.clientBytes += count;
      },
      raw: (bytes) => this.#clientFrames?.push(bytes),
      lost: (reason) => this.#note(this.#receiving, `Stopped following the client's bytes: ${reason}.`),
    });
    this.#responses = new HttpMessageSplitter({
      head: (head) => this.#onResponseHead(head),
      body: (bytes) => this.#answering?.responseBody?.add(bytes),
      end: () => this.#onResponseEnd(),
      wire: (count) => {
        if (this.#answering) this.#answering.wire.serverBytes += count;
      },
      raw: (bytes) => this.#serverFrames?.push(bytes),
      lost: (reason) => this.#note(this.#answering, `Stopped following the server's bytes: ${reason}.`),
    });
  }

  // After a 101 every byte is a frame: straight to the frame streams, past the HTTP splitters.
  fromClient(bytes: Buffer): void {
    const frames = this.#clientFrames;
    if (frames !== null) frames.push(bytes);
    else this.#requests.push(bytes);
  }

  fromServer(bytes: Buffer): void {
    const frames = this.#serverFrames;
    if (frames !== null) frames.push(bytes);
    else this.#responses.push(bytes);
  }

  /** A string written to the socket: in a WebSocket payload only its size and first bytes are read, not a copy of it. */
  fromServerText(text: string, encoding: BufferEncoding): void {
    const frames = this.#serverFrames;
    if (frames !== null && encoding === 'utf8' && frames.pushText(text)) return;
    this.fromServer(Buffer.from(text, encoding));
  }

  /** The connection is gone: every open exchange on it is over. */
  closed(): void {
    for (const record of this.#all) {
      if (record.done) continue;
      record.done = true;
      if (record.responseBody && !record.responseBody.complete && record === this.#answering) {
        record.responseBody.complete = true;
      }
      if (record.responseHead === null) this.#note(record, 'The connection closed before any response.');
      this.#context.store.notifyCapture(record);
    }
    this.#all.clear();
  }

  /** `sid`: the one the request carried, known before the store files the capture under its owner. */
  #newRecord(head: string, method: string, url: string, sid: string | null = null): CaptureRecord {
    const path = url.split('?')[0]!;
    const kind = kindFromRequest(path);
    const record: CaptureRecord = {
      id: this.#context.nextCaptureId(),
      connectionId: this.id,
      sid,
      noise: isNoise(path),
      kind,
      startedAt: Date.now(),
      respondedAt: null,
      method,
      url,
      status: null,
      requestHead: head,
      responseHead: null,
      local: this.#local,
      remote: this.#remote,
      requestBody: bodyRecordFor(kind),
      responseBody: null,
      frames: new FrameLog(),
      wire: { clientBytes: 0, serverBytes: 0 },
      frameBytes: null,
      done: false,
      notes: [],
    };
    this.#all.add(record);
    this.#context.store.add(record);
    return record;
  }

  #onRequestHead(headBytes: Buffer): BodyFraming {
    const text = headBytes.toString('latin1');
    const head = parseHttpHead(text);
    const record = this.#newRecord(text, head.method ?? '?', head.target ?? '?', this.#context.sessions.fromCookieHeader(headerValue(head, 'cookie')));
    record.requestBody.contentType = headerValue(head, 'content-type') ?? null;
    if (head.kind !== 'request') this.#note(record, 'The request line is not `METHOD target HTTP/x.y`.');
    this.#receiving = record;
    if (this.#awaiting.length < maxAwaiting) this.#awaiting.push(record);
    this.#context.store.notifyCapture(record);
    const framing = bodyFramingOf({
      transferEncoding: headerValue(head, 'transfer-encoding'),
      contentLength: headerValue(head, 'content-length'),
    });
    if (framing) return framing;
    // An upgrade request: the next bytes are HTTP again, or frames, depending on the answer.
    return headerValue(head, 'upgrade') !== undefined ? { kind: 'hold' } : { kind: 'none' };
  }

  #onResponseHead(headBytes: Buffer): BodyFraming {
    const text = headBytes.toString('latin1');
    const head = parseHttpHead(text);
    const status = head.status;
    // The server can answer bytes that never made a whole request (a 400 for garbage).
    let record = this.#awaiting[0];
    if (!record) {
      const partial = this.#requests.partialHead;
      record = this.#newRecord(partial ? partial.toString('latin1') : '', '?', '?');
      this.#note(record, 'The server answered bytes that were not a complete HTTP request.');
    }
    if (status !== null && status >= 100 && status < 200 && status !== 101) {
      this.#note(record, `Interim response before the final one: ${head.startLine.raw}`);
      this.#answering = record;
      return { kind: 'none' };
    }
    this.#awaiting.shift();
    this.#answering = record;
    record.responseHead = text;
    record.respondedAt = Date.now();
    record.status = status;
    const contentType = headerValue(head, 'content-type') ?? null;
    record.kind = kindFromResponse(record.kind, status, contentType);
    record.responseBody = bodyRecordFor(record.kind);
    record.responseBody.contentType = contentType;
    if (record.sid === null) {
      for (const header of head.headers) {
        if (header.name.toLowerCase() === 'set-cookie') record.sid ??= this.#context.sessions.fromSetCookie(header.value);
      }
    }
    this.#context.store.notifyCapture(record);
    if (status === 101) {
      this.#upgrade(record);
      return { kind: 'switch' };
    }
    this.#requests.resume();
    if (record.method === 'HEAD' || status === 204 || status === 304) return { kind: 'none' };
    return (
      bodyFramingOf({ transferEncoding: headerValue(head, 'transfer-encoding'), contentLength: headerValue(head, 'content-length') }) ?? {
        kind: 'until-close',
      }
    );
  }

  #onResponseEnd(): void {
    const record = this.#answering;
    if (!record || record.responseHead === null) return;
    record.responseBody!.complete = true;
    if (record.status === 101) return;
    record.done = true;
    this.#all.delete(record);
    this.#context.store.notifyCapture(record);
  }

  #upgrade(record: CaptureRecord): void {
    const store = this.#context.store;
    this.#clientFrames = new FrameStream('client', record, store, { previewBytes });
    this.#serverFrames = new FrameStream('server', record, store, { previewBytes });
    record.frameBytes = { client: this.#clientFrames, server: this.#serverFrames };
    this.#requests.switchToRaw();
  }

  #note(record: CaptureRecord | null, note: string): void {
    if (record && record.notes.length < 20) record.notes.push(note);
  }
}
