// A minimal WebSocket client on a raw TCP socket, used as a load generator. It must cost the bench far
// less CPU than the server spends per message (a `ws` or socket.io-client per message costs about as much
// as the server's own work, which would hide the server's overhead): frames are pre-encoded once and
// replies are only split into frames, never decoded further.

import { randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';

export interface Frame {
  opcode: number;
  payload: Buffer;
}

/** A masked client frame (RFC 6455 §5.2: every client frame is masked). Payloads under 64 KiB. */
export function clientFrame(payload: string | Buffer, opcode = 0x1): Buffer {
  const data = typeof payload === 'string' ? Buffer.from(payload, 'utf8') : payload;
  if (data.length >= 65536) throw new Error('clientFrame handles payloads under 64 KiB');
  const extended = data.length >= 126;
  const header = Buffer.alloc(extended ? 4 : 2);
  header[0] = 0x80 | opcode;
  header[1] = 0x80 | (extended ? 126 : data.length);
  if (extended) header.writeUInt16BE(data.length, 2);
  const mask = randomBytes(4);
  const masked = Buffer.alloc(data.length);
  for (let index = 0; index < data.length; index++) masked[index] = data[index]! ^ mask[index & 3]!;
  return Buffer.concat([header, mask, masked]);
}

/** Splits the server's (unmasked) byte stream into frames. */
export class FrameSplitter {
  private pending: Buffer = Buffer.alloc(0);

  push(chunk: Buffer, onFrame: (frame: Frame) => void): void {
    let buffer = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    for (;;) {
      if (buffer.length < 2) break;
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
      if (buffer.length < offset + length) break;
      onFrame({ opcode: buffer[0]! & 0x0f, payload: buffer.subarray(offset, offset + length) });
      buffer = buffer.subarray(offset + length);
    }
    this.pending = buffer.length === 0 ? Buffer.alloc(0) : Buffer.from(buffer);
  }
}

export interface RawWebSocket {
  socket: Socket;
  /** Called once per TCP read with the frames it completed, so a caller can answer them in one write. */
  onFrames(handler: (frames: Frame[]) => void): void;
  send(bytes: Buffer): void;
  close(): void;
}

/** Opens a WebSocket with a hand-written handshake; resolves once the server answered 101. */
export function openRawWebSocket(port: number, path: string, headers: Record<string, string> = {}): Promise<RawWebSocket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    socket.setNoDelay(true);
    const lines = [
      `GET ${path} HTTP/1.1`,
      `Host: 127.0.0.1:${port}`,
      'Upgrade: websocket',
      'Connection: Upgrade',
      `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}`,
      'Sec-WebSocket-Version: 13',
      ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
    ];
    socket.write(`${lines.join('\r\n')}\r\n\r\n`);

    let head = Buffer.alloc(0);
    const splitter = new FrameSplitter();
    let handler: (frames: Frame[]) => void = () => {};
    const split = (bytes: Buffer) => {
      const frames: Frame[] = [];
      splitter.push(bytes, (frame) => frames.push(frame));
      if (frames.length > 0) handler(frames);
    };
    const early: Buffer[] = [];
    let opened = false;

    const onHandshakeData = (chunk: Buffer) => {
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf('\r\n\r\n');
      if (end === -1) {
        if (head.length > 16384) fail(new Error('handshake response head over 16 KiB'));
        return;
      }
      const statusLine = head.subarray(0, head.indexOf('\r\n')).toString('latin1');
      if (!statusLine.startsWith('HTTP/1.1 101')) {
        fail(new Error(`${path}: expected 101 Switching Protocols, got "${statusLine}"`));
        return;
      }
      socket.off('data', onHandshakeData);
      socket.on('data', split);
      const rest = head.subarray(end + 4);
      if (rest.length > 0) early.push(Buffer.from(rest));
      opened = true;
      resolve({
        socket,
        onFrames(next) {
          handler = next;
          for (const bytes of early.splice(0)) split(bytes);
        },
        send: (bytes) => void socket.write(bytes),
        close: () => socket.destroy(),
      });
    };
    const fail = (error: Error) => {
      socket.destroy();
      reject(error);
    };
    socket.on('data', onHandshakeData);
    socket.on('error', (error) => {
      if (!opened) fail(error);
    });
    socket.on('close', () => {
      if (!opened) fail(new Error(`${path}: connection closed during the handshake`));
    });
  });
}
