import { createServer, type Server } from 'node:http';
import { Duplex } from 'node:stream';
import type { Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createSessions } from '../session/sid.js';
import { createTap } from './tap.js';

/** A connection handed to the server as the scale lab's sticky workers get them: a Duplex with `_write` only, no `_writev`. */
class HandedOverSocket extends Duplex {
  readonly sent: Buffer[] = [];
  remoteAddress = '127.0.0.1';
  remotePort = 50000;
  localAddress = '127.0.0.1';
  localPort = 3000;

  override _read(): void {}

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: () => void): void {
    this.sent.push(chunk);
    callback();
  }
}

let server: Server | null = null;
afterEach(() => {
  server?.close();
  server = null;
});

describe('createTap', () => {
  it('records what a connection without _writev sends, chunk by chunk, and the connection still gets every byte', async () => {
    server = createServer((_req, res) => {
      // Corked writes queue several chunks: a stream with _writev would get them in one call.
      res.cork();
      res.write('one ');
      res.write('two ');
      res.end('three');
    });
    const tap = createTap(server, { enabled: true, sessions: createSessions('test secret') });
    const socket = new HandedOverSocket();
    const finished = new Promise<void>((resolve) => socket.on('finish', () => resolve()));
    server.emit('connection', socket as unknown as Socket);
    socket.push('GET /corked HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n');
    await finished;

    const sent = Buffer.concat(socket.sent).toString('latin1');
    expect(sent).toMatch(/^HTTP\/1\.1 200 OK\r\n[\s\S]*\r\n\r\n[\s\S]*one [\s\S]*two [\s\S]*three/);
    const record = tap.get('1')!;
    expect(record.responseHead).toBe(sent.slice(0, sent.indexOf('\r\n\r\n') + 4));
    expect(record.responseBody!.kept().toString('latin1')).toBe('one two three');
    expect(record.wire.serverBytes).toBe(Buffer.byteLength(sent, 'latin1'));
  });
});
