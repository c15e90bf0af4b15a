// Raw-bytes tools for the bad-input corpus: HTTP exchanges on fresh TCP connections, hand-built
// WebSocket frames (RFC 6455 §5.2), a raw WebSocket client that reports the server's close code,
// and checks that throw a CorpusMismatch naming what was expected and what came back.

import { connect, type Socket } from 'node:net';

/** The server a case is sent to. */
export interface Target {
  port: number;
  /** e.g. http://127.0.0.1:3000 */
  url: string;
}

export class CorpusMismatch extends Error {
  override name = 'CorpusMismatch';
}

export function check(condition: boolean, message: string): asserts condition {
  if (!condition) throw new CorpusMismatch(message);
}

export function checkEqual<T>(actual: T, expected: T, what: string): void {
  check(Object.is(actual, expected), `${what}: expected ${String(expected)}, got ${String(actual)}`);
}

/** Sends raw bytes on a fresh TCP connection; resolves with everything the server sent until it closed or went quiet. */
export function rawExchange(target: Target, bytes: string | Buffer, { idleMs = 300 } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(target.port, '127.0.0.1');
    const chunks: Buffer[] = [];
    let idle: NodeJS.Timeout | undefined;
    const finish = () => {
      clearTimeout(idle);
      socket.destroy();
      resolve(Buffer.concat(chunks).toString('latin1'));
    };
    socket.on('data', (chunk) => {
      chunks.push(chunk);
      clearTimeout(idle);
      idle = setTimeout(finish, idleMs);
    });
    socket.on('end', finish);
    socket.on('close', finish);
    socket.on('error', (error: NodeJS.ErrnoException) => (error.code === 'ECONNRESET' ? finish() : reject(error)));
    socket.write(bytes);
  });
}

/** Status codes of every response in a raw answer, in order (pipelined answers give several). */
export function statusesOf(raw: string): number[] {
  // A response may follow the previous body directly (no CRLF after a JSON body).
  return [...raw.matchAll(/HTTP\/1\.[01] (\d{3}) [^\r\n]*\r\n/g)].map((match) => Number(match[1]));
}

export function statusOf(raw: string): number {
  return statusesOf(raw)[0] ?? 0;
}

/** Sends bytes and checks the first status; returns the whole answer for further checks. */
export async function expectRawStatus(target: Target, bytes: string | Buffer, expected: number): Promise<string> {
  const raw = await rawExchange(target, bytes);
  checkEqual(statusOf(raw), expected, `status for ${JSON.stringify(String(bytes).slice(0, 60))}`);
  return raw;
}

/** A JSON error body carries the contract's shape and this code. */
export function checkErrorCode(body: string, code: string): void {
  const json = body.slice(body.indexOf('{'));
  let parsed: { error?: { code?: unknown; message?: unknown } };
  try {
    parsed = JSON.parse(json) as typeof parsed;
  } catch {
    throw new CorpusMismatch(`expected a JSON error body with code ${code}, got ${JSON.stringify(body.slice(0, 200))}`);
  }
  checkEqual(parsed.error?.code, code, 'error code');
  check(typeof parsed.error?.message === 'string', 'the error has a message');
}

/** No stack trace or file system path leaks into an answer. */
export function checkNoInternals(raw: string): void {
  check(!/\n\s+at .+:\d+:\d+/.test(raw), `a stack trace in the answer: ${raw.slice(0, 300)}`);
  check(!/\/(work|home|usr|node_modules)\//.test(raw), `a file path in the answer: ${raw.slice(0, 300)}`);
}

export function request(method: string, path: string, headers: Record<string, string> = {}, body = ''): string {
  const all: Record<string, string> = {
    Host: '127.0.0.1',
    Connection: 'close',
    ...(body ? { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(body)) } : {}),
    ...headers,
  };
  const lines = Object.entries(all)
    .filter(([, value]) => value !== '')
    .map(([name, value]) => `${name}: ${value}`);
  return `${method} ${path} HTTP/1.1\r\n${lines.join('\r\n')}\r\n\r\n${body}`;
}

export function handshake(path: string, headers: Record<string, string> = {}, version = '1.1'): string {
  const all: Record<string, string> = {
    Host: '127.0.0.1',
    Upgrade: 'websocket',
    Connection: 'Upgrade',
    'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==',
    'Sec-WebSocket-Version': '13',
    ...headers,
  };
  const lines = Object.entries(all)
    .filter(([, value]) => value !== '')
    .map(([name, value]) => `${name}: ${value}`);
  return `GET ${path} HTTP/${version}\r\n${lines.join('\r\n')}\r\n\r\n`;
}

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
    length = Buffer.from(lengthBytes);
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
  const maskedBody = Buffer.alloc(body.length);
  for (let index = 0; index < body.length; index++) maskedBody[index] = body[index]! ^ maskingKey[index & 3]!;
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
  /** Text messages the server sent so far. */
  texts: string[];
  /** How many pings the server sent (this client never answers them). */
  pings(): number;
  /** Resolves once a text message matching `test` has arrived. */
  nextText(test: (text: string) => boolean): Promise<string>;
  /** Resolves with the code of the server's close frame once the connection ends (null: no close frame). */
  serverClose(): Promise<number | null>;
}

/** Opens a WebSocket over a raw TCP socket; resolves once the 101 head arrived, rejects with any other status. */
export function openRawWebSocket(target: Target, path = '/ws', headers: Record<string, string> = {}): Promise<RawWebSocket> {
  return new Promise((resolve, reject) => {
    const socket = connect(target.port, '127.0.0.1');
    let received = Buffer.alloc(0);
    let headEnd = -1;
    const texts: string[] = [];
    let pings = 0;
    let closeCode: number | null = null;
    const listeners = new Set<() => void>();
    const ended = new Promise<void>((done) => socket.once('close', () => done()));
    socket.on('error', () => {});
    const readFrames = () => {
      for (;;) {
        if (received.length < 2) return;
        const opcode = received[0]! & 0x0f;
        let length = received[1]! & 0x7f;
        let offset = 2;
        if (length === 126) {
          if (received.length < 4) return;
          length = received.readUInt16BE(2);
          offset = 4;
        } else if (length === 127) {
          if (received.length < 10) return;
          length = Number(received.readBigUInt64BE(2));
          offset = 10;
        }
        if (received.length < offset + length) return;
        const payload = received.subarray(offset, offset + length);
        if (opcode === 0x1) texts.push(payload.toString('utf8'));
        if (opcode === 0x9) pings += 1;
        if (opcode === 0x8 && closeCode === null) {
          closeCode = payload.length >= 2 ? payload.readUInt16BE(0) : 1005;
          // Complete the closing handshake as a real client does (RFC 6455 §5.5.1), so the server hangs up at once.
          socket.end(frame({ opcode: 0x8, payload: payload.subarray(0, 2) }));
        }
        received = received.subarray(offset + length);
        for (const listener of listeners) listener();
      }
    };
    socket.on('data', (chunk) => {
      received = Buffer.concat([received, chunk]);
      if (headEnd >= 0) return readFrames();
      headEnd = received.indexOf('\r\n\r\n');
      if (headEnd < 0) return;
      const head = received.subarray(0, headEnd).toString('latin1');
      received = received.subarray(headEnd + 4);
      if (!head.startsWith('HTTP/1.1 101')) {
        socket.destroy();
        reject(new CorpusMismatch(`expected 101 for ${path}, got ${head.split('\r\n')[0]}`));
        return;
      }
      resolve({
        socket,
        texts,
        pings: () => pings,
        nextText: (test) =>
          new Promise((found) => {
            const look = () => {
              const text = texts.find(test);
              if (text === undefined) return;
              listeners.delete(look);
              found(text);
            };
            listeners.add(look);
            look();
          }),
        async serverClose() {
          await ended;
          return closeCode;
        },
      });
      readFrames();
    });
    socket.write(handshake(path, headers));
  });
}

/** A Socket.IO client speaking Engine.IO v4 over a raw WebSocket, connected to the main namespace. */
export async function openRawSocketIo(target: Target, headers: Record<string, string> = {}): Promise<RawWebSocket> {
  const raw = await openRawWebSocket(target, '/socket.io/?EIO=4&transport=websocket', headers);
  await raw.nextText((text) => text.startsWith('0{'));
  raw.socket.write(frame({ opcode: 0x1, payload: '40' }));
  await raw.nextText((text) => text.startsWith('40'));
  return raw;
}

export interface JsonAnswer {
  status: number;
  headers: Headers;
  text: string;
}

export async function fetchText(target: Target, path: string, init: RequestInit = {}): Promise<JsonAnswer> {
  const response = await fetch(`${target.url}${path}`, { ...init, signal: AbortSignal.timeout(10_000) });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

export function postJson(target: Target, path: string, body: unknown, headers: Record<string, string> = {}): Promise<JsonAnswer> {
  return fetchText(target, path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

export async function expectJsonError(answer: Promise<JsonAnswer> | JsonAnswer, status: number, code?: string): Promise<void> {
  const { status: actual, text } = await answer;
  checkEqual(actual, status, `status (body ${text.slice(0, 120)})`);
  if (code) checkErrorCode(text, code);
  checkNoInternals(text);
}

/** A fresh browser session: the loopwire_sid cookie the server sets on a first request. */
export async function newSession(target: Target): Promise<string> {
  const response = await fetch(`${target.url}/api/health`);
  await response.arrayBuffer();
  const cookie = response.headers.getSetCookie()[0]?.split(';')[0];
  check(cookie !== undefined, 'the server sets a loopwire_sid cookie on a first request');
  return cookie;
}
