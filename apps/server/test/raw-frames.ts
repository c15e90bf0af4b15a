// Hand-built WebSocket frames and a raw TCP WebSocket client, for tests where the exact bytes matter
// (RFC 6455 §5.2: FIN, RSV1-3, opcode, MASK, payload length, masking key, payload).

import { connect, type Socket } from 'node:net';
import { handshake } from './helpers.js';

export interface FrameSpec {
  fin?: boolean;
  /** RSV1..RSV3 as a 3-bit number (0b100 = RSV1). */
  rsv?: number;
  opcode: number;
  payload?: Buffer | string;
  /** Client frames must be masked; false sends it bare. */
  masked?: boolean;
  /** Replace the length field (for lying about the length). */
  lengthBytes?: Buffer;
}

const maskingKey = Buffer.from([0x37, 0xfa, 0x21, 0x3d]);

export function frame({ fin = true, rsv = 0, opcode, payload = Buffer.alloc(0), masked = true, lengthBytes }: FrameSpec): Buffer {
  const body = typeof payload === 'string' ? Buffer.from(payload) : payload;
  const first = (fin ? 0x80 : 0) | (rsv << 4) | opcode;
  let length: Buffer;
  if (lengthBytes) {
    length = lengthBytes;
  } else if (body.length < 126) {
    length = Buffer.from([body.length]);
  } else if (body.length < 65536) {
    length = Buffer.from([126, body.length >> 8, body.length & 0xff]);
  } else {
    length = Buffer.alloc(9);
    length[0] = 127;
    length.writeBigUInt64BE(BigInt(body.length), 1);
  }
  length[0] = length[0]! | (masked ? 0x80 : 0);
  if (!masked) return Buffer.concat([Buffer.from([first]), length, body]);
  const maskedBody = Buffer.from(body.map((byte, index) => byte ^ maskingKey[index % 4]!));
  return Buffer.concat([Buffer.from([first]), length, maskingKey, maskedBody]);
}

/** A close frame's payload: 2-byte code, then a UTF-8 reason. */
export function closePayload(code: number, reason = ''): Buffer {
  const buffer = Buffer.alloc(2);
  buffer.writeUInt16BE(code);
  return Buffer.concat([buffer, Buffer.from(reason)]);
}

export interface RawWebSocket {
  socket: Socket;
  /** Resolves with the close code of the server's close frame (null if it hung up without one). */
  serverClose(): Promise<number | null>;
}

/** Opens /ws (or `path`) over a raw TCP socket; resolves once the 101 head has arrived. */
export function openRawWebSocket(port: number, path = '/ws'): Promise<RawWebSocket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let received = Buffer.alloc(0);
    let headEnd = -1;
    const ended = new Promise<void>((done) => {
      socket.once('close', () => done());
    });
    socket.on('error', () => {});
    socket.on('data', (chunk) => {
      received = Buffer.concat([received, chunk]);
      if (headEnd >= 0) return;
      headEnd = received.indexOf('\r\n\r\n');
      if (headEnd < 0) return;
      const head = received.subarray(0, headEnd).toString('latin1');
      if (!head.startsWith('HTTP/1.1 101')) return reject(new Error(`handshake refused: ${head.split('\r\n')[0]}`));
      resolve({
        socket,
        async serverClose() {
          await ended;
          return closeCodeIn(received.subarray(headEnd + 4));
        },
      });
    });
    socket.write(handshake(path));
  });
}

/** Walks the server's (unmasked) frames and returns the close frame's code. */
function closeCodeIn(frames: Buffer): number | null {
  let at = 0;
  while (at + 2 <= frames.length) {
    const opcode = frames[at]! & 0x0f;
    let length = frames[at + 1]! & 0x7f;
    let offset = at + 2;
    if (length === 126) {
      length = frames.readUInt16BE(offset);
      offset += 2;
    } else if (length === 127) {
      length = Number(frames.readBigUInt64BE(offset));
      offset += 8;
    }
    if (opcode === 0x8) return length >= 2 ? frames.readUInt16BE(offset) : 1005;
    at = offset + length;
  }
  return null;
}
