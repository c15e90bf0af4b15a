// A client that sends but never reads must not grow the server: on /ws and on Socket.IO, a paused
// reader pushes 100 MiB of messages whose echoes would pile up in the server's socket buffers. The
// server is the built one in its own process, so its resident memory is measured alone (VmHWM, the
// peak, against VmRSS before). Without the bound the peak grows by about the total sent; with it the
// server queues at most 4 MiB per peer, stops reading and closes with 1013 (Try Again Later).

import { connect, type Socket } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startBuiltServer, type BuiltServer } from './built-server.js';
import { handshake, waitFor } from './helpers.js';
import { frame } from '../../../bench/src/corpus/wire.js';

/**
 * Peak growth allowed, in MiB. The server may hold 4 MiB of echoes, a message being read (1 MiB),
 * the library's copies of both, and garbage not yet collected; 100 MiB sent without the bound shows
 * up as 100+ MiB of growth, so 48 MiB is far from both.
 */
const boundMiB = 48;
const mib = 1024 * 1024;

// A fresh server per test: the peak (VmHWM) of one flood must not hide the next one's.
let server: BuiltServer;
beforeEach(async () => {
  server = await startBuiltServer();
});
afterEach(() => server.stop());

/** Follows the server's (unmasked) frames without keeping big payloads: short text ones and the close code. */
class FrameWatcher {
  texts: string[] = [];
  closeCode: number | null = null;
  #pending: Buffer = Buffer.alloc(0);
  #skip = 0;
  #waiters: (() => void)[] = [];

  push(chunk: Buffer): void {
    let data = chunk;
    if (this.#skip > 0) {
      const skipped = Math.min(this.#skip, data.length);
      this.#skip -= skipped;
      data = data.subarray(skipped);
    }
    let buffer = this.#pending.length > 0 ? Buffer.concat([this.#pending, data]) : data;
    for (;;) {
      if (buffer.length < 2) break;
      const opcode = buffer[0]! & 0x0f;
      let length = buffer[1]! & 0x7f;
      let offset = 2;
      if (length === 126) {
        if (buffer.length < 4) break;
        length = buffer.readUInt16BE(2);
        offset = 4;
      } else if (length === 127) {
        if (buffer.length < 10) break;
        length = Number(buffer.readBigUInt64BE(2));
        offset = 10;
      }
      if (length > 1024) {
        // A big echo: drop it as it streams past.
        const available = buffer.length - offset;
        if (available < length) {
          this.#skip = length - available;
          buffer = Buffer.alloc(0);
          break;
        }
        buffer = buffer.subarray(offset + length);
        continue;
      }
      if (buffer.length < offset + length) break;
      const payload = buffer.subarray(offset, offset + length);
      if (opcode === 0x8) this.closeCode = payload.length >= 2 ? payload.readUInt16BE(0) : 1005;
      else if (opcode === 0x1) this.texts.push(payload.toString('utf8'));
      buffer = buffer.subarray(offset + length);
    }
    this.#pending = Buffer.from(buffer);
    for (const waiter of this.#waiters.splice(0)) waiter();
  }

  async until(condition: () => boolean): Promise<void> {
    while (!condition()) await new Promise<void>((resolve) => this.#waiters.push(resolve));
  }
}

async function openRaw(path: string): Promise<{ socket: Socket; frames: FrameWatcher }> {
  const socket = connect(server.port, '127.0.0.1');
  socket.on('error', () => {});
  const frames = new FrameWatcher();
  await new Promise<void>((resolve, reject) => {
    let head = Buffer.alloc(0);
    const onHead = (chunk: Buffer) => {
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf('\r\n\r\n');
      if (end < 0) return;
      socket.off('data', onHead);
      if (!head.toString('latin1', 0, 12).startsWith('HTTP/1.1 101')) return reject(new Error(head.toString('latin1', 0, end)));
      socket.on('data', (data: Buffer) => frames.push(data));
      frames.push(head.subarray(end + 4));
      resolve();
    };
    socket.on('data', onHead);
    socket.write(handshake(path));
  });
  return { socket, frames };
}

/** Resolves once the server stopped taking the client's bytes (unchanged for 3 s) or took them all. */
async function serverStoppedReading(socket: Socket): Promise<void> {
  let last = -1;
  let unchangedSince = Date.now();
  const stopped = (left: number) => {
    if (left !== last) {
      last = left;
      unchangedSince = Date.now();
    }
    return left === 0 || Date.now() - unchangedSince >= 3000;
  };
  await waitFor(() => socket.writableLength, stopped, { timeoutMs: 60_000, everyMs: 100 });
}

async function flood(socket: Socket, frameBytes: Buffer, count: number): Promise<number> {
  const before = server.memoryMiB().rss;
  socket.pause();
  for (let sent = 0; sent < count; sent++) socket.write(frameBytes);
  await serverStoppedReading(socket);
  return server.memoryMiB().peak - before;
}

describe('a client that sends but never reads', () => {
  it(`on /ws: the server grows by less than ${boundMiB} MiB and closes it with 1013`, async () => {
    const { socket, frames } = await openRaw('/ws');
    socket.write(frame({ opcode: 0x1, payload: 'warm-up' }));
    await frames.until(() => frames.texts.includes('warm-up'));

    const growth = await flood(socket, frame({ opcode: 0x2, payload: Buffer.alloc(mib) }), 100);
    expect(growth).toBeLessThan(boundMiB);
    socket.resume();
    await frames.until(() => frames.closeCode !== null);
    socket.destroy();
    expect(frames.closeCode).toBe(1013);
  }, 60_000);

  it(`on Socket.IO (echo:send with acks): the server grows by less than ${boundMiB} MiB and closes it with 1013`, async () => {
    const { socket, frames } = await openRaw('/socket.io/?EIO=4&transport=websocket');
    await frames.until(() => frames.texts.some((text) => text.startsWith('0{')));
    socket.write(frame({ opcode: 0x1, payload: '40' }));
    await frames.until(() => frames.texts.some((text) => text.startsWith('40')));

    const ask = `421["echo:send","${'x'.repeat(900_000)}"]`;
    const growth = await flood(socket, frame({ opcode: 0x1, payload: ask }), 110);
    expect(growth).toBeLessThan(boundMiB);
    socket.resume();
    await frames.until(() => frames.closeCode !== null);
    socket.destroy();
    expect(frames.closeCode).toBe(1013);
  }, 60_000);

  it('does not bother a client that reads: 20 echoes of 1 MiB come back whole', async () => {
    const { socket, frames } = await openRaw('/ws');
    let echoed = 0;
    socket.on('data', (chunk: Buffer) => (echoed += chunk.length));
    const message = frame({ opcode: 0x2, payload: Buffer.alloc(mib) });
    for (let sent = 0; sent < 20; sent++) socket.write(message);
    await frames.until(() => echoed >= 20 * (mib + 10));
    expect(frames.closeCode).toBeNull();
    socket.destroy();
  });
});
