// The wire tap: sees every TCP connection of the http.Server before HTTP parsing, and records the
// bytes both ways — incoming with a 'data' listener placed first, outgoing where the socket writes them.

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

const isUtf8 = (encoding: string) => encoding === 'utf8' || encoding === 'utf-8';

/** One chunk as Writable hands it on: a Buffer, or a string the socket encodes (net sockets keep strings as strings). */
function record(connection: ConnectionTap, chunk: unknown, encoding: string): void {
  if (Buffer.isBuffer(chunk)) connection.fromServer(chunk);
  else if (typeof chunk === 'string') connection.fromServerText(chunk, isUtf8(encoding) ? 'utf8' : (encoding as BufferEncoding));
}

function watch(socket: Socket, connection: ConnectionTap): void {
  // First in line, so the bytes are seen exactly as the kernel delivered them, before any parser.
  socket.prependListener('data', (chunk: Buffer) => connection.fromClient(chunk));
  // Outgoing bytes are seen where the stream hands them to the kernel (Writable's _write and _writev):
  // once per system call however many write()s were corked or queued into it, end(data) included, and
  // nothing that a destroyed socket never sent.
  const write = socket._write;
  const writev = socket._writev;
  socket._write = function tappedWrite(this: Socket, chunk: unknown, encoding: BufferEncoding, callback: (error?: Error | null) => void) {
    record(connection, chunk, encoding);
    write.call(this, chunk, encoding, callback);
  };
  // A stream without _writev (the scale lab's sticky FakeSocket) writes chunk by chunk through _write.
  if (writev) {
    socket._writev = function tappedWritev(this: Socket, chunks: { chunk: unknown; encoding: BufferEncoding }[], callback: (error?: Error | null) => void) {
      for (let i = 0; i < chunks.length; i++) record(connection, chunks[i]!.chunk, chunks[i]!.encoding);
      writev.call(this, chunks, callback);
    };
  }
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
