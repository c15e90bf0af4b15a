// The wire tap: sees every TCP connection of the http.Server before HTTP parsing, and records the
// bytes both ways — incoming with a 'data' listener placed first, outgoing by wrapping write/end.

import type { Server as HttpServer } from 'node:http';
import type { Socket } from 'node:net';
import type { Capture } from '@loopwire/contract';
import type { CaptureRecord } from './capture-record.js';
import { CaptureStore, type CaptureQuery } from './capture-store.js';
import { ConnectionTap } from './connection-tap.js';
import { toCapture, type SerializeOptions } from './serialize.js';
import type { Sessions } from '../session/sid.js';
import { AdoptedCaptures } from './adopted-captures.js';

export interface Tap {
  /** False with TAP=off: nothing is recorded. */
  readonly enabled: boolean;
  readonly store: CaptureStore;
  /** Captures other processes' taps recorded for this server's browsers (the scale lab's workers). */
  readonly adopted: AdoptedCaptures;
  /** Connections open right now. */
  readonly openConnections: number;
  /** The caller's captures, newest first (records: raw bytes, unmasked — server code only). */
  list(query: CaptureQuery): CaptureRecord[];
  get(id: string): CaptureRecord | undefined;
  /** The public, masked shape the API serves. */
  toCapture(record: CaptureRecord, options?: SerializeOptions): Capture;
}

type WriteArgs = [chunk: unknown, encoding?: unknown, callback?: unknown];

function toBuffer(chunk: unknown, encoding: unknown): Buffer | null {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (typeof chunk === 'string') return Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8');
  if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  return null;
}

function watch(socket: Socket, connection: ConnectionTap): void {
  // First in line, so the bytes are seen exactly as the kernel delivered them, before any parser.
  socket.prependListener('data', (chunk: Buffer) => connection.fromClient(chunk));
  const write = socket.write;
  const end = socket.end;
  socket.write = function tappedWrite(this: Socket, chunk: unknown, encoding?: unknown) {
    const bytes = toBuffer(chunk, encoding);
    if (bytes) connection.fromServer(bytes);
    // `arguments` passes on exactly what the caller gave (write treats a missing encoding specially).
    // eslint-disable-next-line prefer-rest-params
    return (write as (...a: WriteArgs) => boolean).apply(this, arguments as unknown as WriteArgs);
  } as Socket['write'];
  socket.end = function tappedEnd(this: Socket, chunk?: unknown, encoding?: unknown) {
    // end(data) writes without calling this.write: record the data here.
    if (chunk !== undefined && chunk !== null && typeof chunk !== 'function') {
      const bytes = toBuffer(chunk, encoding);
      if (bytes) connection.fromServer(bytes);
    }
    // eslint-disable-next-line prefer-rest-params
    return (end as (...a: WriteArgs) => Socket).apply(this, arguments as unknown as WriteArgs);
  } as Socket['end'];
  socket.once('close', () => connection.closed());
}

export function createTap(httpServer: HttpServer, { enabled, sessions }: { enabled: boolean; sessions: Sessions }): Tap {
  const store = new CaptureStore();
  const connections = new Set<ConnectionTap>();
  let captureCount = 0;
  let connectionCount = 0;
  const context = { store, sessions, nextCaptureId: () => String(++captureCount) };

  if (enabled) {
    httpServer.on('connection', (socket: Socket) => {
      const connection = new ConnectionTap(`conn-${++connectionCount}`, socket, context);
      connections.add(connection);
      socket.once('close', () => connections.delete(connection));
      watch(socket, connection);
    });
  }

  return {
    enabled,
    store,
    adopted: new AdoptedCaptures(context.nextCaptureId),
    get openConnections() {
      return connections.size;
    },
    list: (query) => store.list(query),
    get: (id) => store.get(id),
    toCapture,
  };
}
