// The corpus's protocol layers: HTTP framing, the WebSocket handshake, WebSocket frames, and
// Engine.IO / Socket.IO packets. Each case sends real bytes and checks the documented answer.

import type { CorpusCase } from './case.js';
import {
  check,
  checkEqual,
  closePayload,
  expectJsonError,
  expectRawStatus,
  fetchText,
  frame,
  handshake,
  openRawSocketIo,
  openRawWebSocket,
  postJson,
  rawExchange,
  request,
  type Target,
} from './wire.js';

const http: CorpusCase[] = [
  { name: 'malformed request line → 400', send: (t) => expectRawStatus(t, 'GARBAGE / NOT-HTTP\r\n\r\n', 400) },
  { name: 'request line with a bare LF and no version → 400', send: (t) => expectRawStatus(t, 'GET /\n\n', 400) },
  {
    name: 'headers over 16 KiB → 431',
    send: (t) => expectRawStatus(t, request('GET', '/api/health', { 'X-Big': 'a'.repeat(17 * 1024) }), 431),
  },
  {
    name: 'HTTP/1.1 without Host → 400',
    send: (t) => expectRawStatus(t, 'GET /api/health HTTP/1.1\r\nConnection: close\r\n\r\n', 400),
  },
  { name: 'control character in a header value → 400', send: (t) => expectRawStatus(t, request('GET', '/api/health', { 'X-Bad': 'a\x01b' }), 400) },
  {
    name: 'Content-Length and Transfer-Encoding together (request smuggling) → 400',
    send: (t) =>
      expectRawStatus(
        t,
        'POST /api/devices/broadcast HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n',
        400,
      ),
  },
  {
    name: 'two different Content-Length headers → 400',
    send: (t) =>
      expectRawStatus(t, 'POST /api/poll/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 2\r\nContent-Length: 12\r\n\r\n{}', 400),
  },
  {
    name: 'a chunk size that is not hex → 400',
    send: (t) =>
      expectRawStatus(
        t,
        'POST /api/poll/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n',
        400,
      ),
  },
  {
    name: 'an obsolete folded header line → 400',
    send: (t) => expectRawStatus(t, 'GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Folded: a\r\n b\r\n\r\n', 400),
  },
  {
    name: 'a NUL byte in the target → 400',
    send: (t) => expectRawStatus(t, 'GET /api/health\x00 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n', 400),
  },
  {
    name: 'invalid JSON body → 400 bad_json',
    send: async (t) => {
      const raw = await expectRawStatus(t, request('POST', '/api/devices/broadcast', {}, '{"payload":'), 400);
      check(raw.includes('"code":"bad_json"'), 'the body names bad_json');
    },
  },
  {
    name: 'JSON body over 100 kB → 413',
    send: (t) => expectJsonError(postJson(t, '/api/security/tokens', { name: 'x'.repeat(150_000) }), 413, 'payload_too_large'),
  },
  {
    name: 'TRACE on the API → 404 JSON (no method echoes the request back)',
    send: async (t) => {
      const raw = await expectRawStatus(t, request('TRACE', '/api/health', { Cookie: 'secret=1' }), 404);
      check(!raw.includes('secret=1'), 'the request is not echoed');
    },
  },
  {
    name: 'CONNECT (a proxy tunnel request) → the connection is closed, nothing tunnelled',
    send: async (t) => {
      const raw = await rawExchange(t, 'CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n');
      check(!raw.startsWith('HTTP/1.1 200'), `no tunnel: ${raw.slice(0, 60)}`);
    },
  },
];

const webSocketHandshake: CorpusCase[] = [
  { name: 'Upgrade header absent on /ws → 426', send: (t) => expectRawStatus(t, handshake('/ws', { Upgrade: '', Connection: 'close' }), 426) },
  {
    name: 'Upgrade: h2c on /ws → answered as a plain GET: 426',
    send: (t) => expectRawStatus(t, handshake('/ws', { Upgrade: 'h2c' }), 426),
  },
  {
    name: 'Sec-WebSocket-Version 8 → 426 with Sec-WebSocket-Version: 13',
    send: async (t) => {
      const raw = await expectRawStatus(t, handshake('/ws', { 'Sec-WebSocket-Version': '8' }), 426);
      check(/\r\nSec-WebSocket-Version: 13\r\n/.test(raw), 'the answer names version 13');
    },
  },
  {
    name: 'Sec-WebSocket-Key of 15 bytes → 400',
    send: (t) => expectRawStatus(t, handshake('/ws', { 'Sec-WebSocket-Key': Buffer.alloc(15, 7).toString('base64') }), 400),
  },
  { name: 'Sec-WebSocket-Key absent → 400', send: (t) => expectRawStatus(t, handshake('/ws', { 'Sec-WebSocket-Key': '' }), 400) },
  { name: 'POST with Upgrade: websocket → 405', send: (t) => expectRawStatus(t, handshake('/ws').replace(/^GET/, 'POST'), 405) },
  { name: 'foreign Origin → 403', send: (t) => expectRawStatus(t, handshake('/ws', { Origin: 'http://evil.example' }), 403) },
  { name: 'unknown upgrade path → 404', send: (t) => expectRawStatus(t, handshake('/nowhere'), 404) },
  { name: '/ws/private with a forged ticket → 401', send: (t) => expectRawStatus(t, handshake('/ws/private?ticket=forged'), 401) },
  {
    name: 'upgrade over HTTP/1.0 → 400',
    send: (t) => expectRawStatus(t, handshake('/ws', {}, '1.0'), 400),
  },
  {
    name: 'upgrade without a Host header → 400',
    send: (t) => expectRawStatus(t, handshake('/ws', { Host: '' }), 400),
  },
  {
    name: 'absolute-form target GET http://127.0.0.1:<port>/ws upgrades like GET /ws → 101',
    send: async (t) => {
      const raw = await openRawWebSocket(t, `http://127.0.0.1:${t.port}/ws`);
      raw.socket.write(frame({ opcode: 0x1, payload: 'absolute' }));
      await raw.nextText((text) => text === 'absolute');
      raw.socket.destroy();
    },
  },
  {
    name: 'absolute-form Socket.IO upgrade → 101, then the Engine.IO open packet',
    send: async (t) => {
      const raw = await openRawWebSocket(t, `http://127.0.0.1:${t.port}/socket.io/?EIO=4&transport=websocket`);
      await raw.nextText((text) => text.startsWith('0{'));
      raw.socket.destroy();
    },
  },
  {
    name: 'Upgrade: h2c on an API route (curl --http2) → answered normally: 200',
    send: async (t) => {
      const raw = await expectRawStatus(
        t,
        request('GET', '/api/health', { Connection: 'Upgrade, HTTP2-Settings', Upgrade: 'h2c', 'HTTP2-Settings': 'AAMAAABkAARAAAAAAAIAAAAA' }),
        200,
      );
      check(raw.includes('"ok":true'), 'the health body');
    },
  },
  {
    name: 'Upgrade: h2c on a POST with a body → answered normally: 201',
    send: (t) =>
      expectRawStatus(
        t,
        request('POST', '/api/poll/messages', { Connection: 'Upgrade, HTTP2-Settings', Upgrade: 'h2c', 'HTTP2-Settings': '' }, '{"text":"over h2c"}'),
        201,
      ),
  },
  {
    name: 'Upgrade: h2c on an unknown path → 404 JSON, not a WebSocket refusal',
    send: async (t) => {
      const raw = await expectRawStatus(t, request('GET', '/api/nowhere', { Connection: 'Upgrade', Upgrade: 'h2c' }), 404);
      check(raw.includes('"code":"not_found"'), 'the JSON 404');
    },
  },
];

/** Opens /ws, sends the bytes, and checks the code of the server's close frame. */
const closesWith = (bytes: Buffer, code: number) => async (t: Target) => {
  const raw = await openRawWebSocket(t);
  raw.socket.write(bytes);
  checkEqual(await raw.serverClose(), code, 'close code');
};

const webSocketFrames: CorpusCase[] = [
  ['unmasked client frame', frame({ opcode: 0x1, payload: 'hi', masked: false }), 1002],
  ['reserved data opcode 0x3', frame({ opcode: 0x3, payload: 'hi' }), 1002],
  ['reserved control opcode 0xB', frame({ opcode: 0xb }), 1002],
  ['RSV1 set without a negotiated extension', frame({ opcode: 0x1, rsv: 0b100, payload: 'hi' }), 1002],
  ['ping with a 126-byte payload (control frames ≤ 125)', frame({ opcode: 0x9, payload: Buffer.alloc(126) }), 1002],
  ['fragmented ping (control frames must not be fragmented)', frame({ opcode: 0x9, fin: false, payload: 'x' }), 1002],
  ['continuation frame with nothing to continue', frame({ opcode: 0x0, payload: 'orphan' }), 1002],
  [
    'new text frame while a fragmented message is open',
    Buffer.concat([frame({ opcode: 0x1, fin: false, payload: 'part' }), frame({ opcode: 0x1, payload: 'again' })]),
    1002,
  ],
  ['64-bit length with the top bit set', frame({ opcode: 0x2, lengthBytes: Buffer.from([127, 0x80, 0, 0, 0, 0, 0, 0, 1]) }), 1009],
  ['declared length over the 1 MiB limit', frame({ opcode: 0x2, lengthBytes: Buffer.from([127, 0, 0, 0, 0, 0, 0x20, 0, 0]) }), 1009],
  ['invalid UTF-8 in a text frame', frame({ opcode: 0x1, payload: Buffer.from([0xc3, 0x28]) }), 1007],
  ['close frame with a 1-byte payload', frame({ opcode: 0x8, payload: Buffer.from([0x03]) }), 1002],
  ['close frame with code 999', frame({ opcode: 0x8, payload: closePayload(999) }), 1002],
  ['close frame with the reserved code 1005', frame({ opcode: 0x8, payload: closePayload(1005) }), 1002],
  ['close reason that is not UTF-8', frame({ opcode: 0x8, payload: Buffer.concat([closePayload(1000), Buffer.from([0xff])]) }), 1007],
  ['a whole message over 1 MiB', frame({ opcode: 0x2, payload: Buffer.alloc(1024 * 1024 + 1) }), 1009],
  [
    'fragments adding up to over 1 MiB',
    Buffer.concat([frame({ opcode: 0x2, fin: false, payload: Buffer.alloc(600_000) }), frame({ opcode: 0x0, payload: Buffer.alloc(600_000) })]),
    1009,
  ],
].map(([name, bytes, code]) => ({ name: `${name as string} → close ${code as number}`, send: closesWith(bytes as Buffer, code as number) }));

webSocketFrames.push({
  name: 'abrupt TCP reset in the middle of a frame: only that connection is dropped',
  send: async (t) => {
    const raw = await openRawWebSocket(t);
    const whole = frame({ opcode: 0x1, payload: 'x'.repeat(1000) });
    raw.socket.write(whole.subarray(0, 300), () => raw.socket.resetAndDestroy());
    checkEqual(await raw.serverClose(), null, 'close frame after a reset');
  },
});

const poll = (t: Target, query: string, init: RequestInit = {}) => fetchText(t, `/socket.io/?EIO=4&transport=polling${query}`, init);

async function openPollingSession(t: Target): Promise<string> {
  const open = await poll(t, '');
  return (JSON.parse(open.text.slice(1)) as { sid: string }).sid;
}

/** Checks a raw Socket.IO client is disconnected after sending the frames. */
const disconnects = (frames: Buffer[], code?: number) => async (t: Target) => {
  const raw = await openRawSocketIo(t);
  for (const bytes of frames) raw.socket.write(bytes);
  const closed = await raw.serverClose();
  if (code !== undefined) checkEqual(closed, code, 'close code');
};

const engineIo: CorpusCase[] = [
  {
    name: 'unknown sid → 400 "Session ID unknown"',
    send: async (t) => {
      const answer = await poll(t, '&sid=not-a-session');
      checkEqual(answer.status, 400, 'status');
      checkEqual(answer.text, '{"code":1,"message":"Session ID unknown"}', 'body');
    },
  },
  {
    name: 'unknown transport → 400',
    send: async (t) => checkEqual((await fetchText(t, '/socket.io/?EIO=4&transport=carrier-pigeon')).status, 400, 'status'),
  },
  {
    name: 'Engine.IO protocol 3 → 400 unsupported protocol version',
    send: async (t) => {
      const answer = await fetchText(t, '/socket.io/?EIO=3&transport=polling');
      checkEqual(answer.status, 400, 'status');
      check(answer.text.includes('"code":5'), `code 5: ${answer.text}`);
    },
  },
  {
    name: 'garbage Engine.IO packet in a polling POST: that session is closed, its sid becomes unknown (400)',
    send: async (t) => {
      const sid = await openPollingSession(t);
      await poll(t, `&sid=${sid}`, { method: 'POST', body: '\u0000garbage\u001e???' });
      // The session closes as the POST is handled; a GET after that finds no such session.
      checkEqual((await poll(t, `&sid=${sid}`)).status, 400, 'status of the next poll');
    },
  },
  {
    name: 'polling POST over maxHttpBufferSize (1 MB) → 413, the session is closed',
    send: async (t) => {
      const sid = await openPollingSession(t);
      const answer = await poll(t, `&sid=${sid}`, { method: 'POST', body: `4${'x'.repeat(1_100_000)}` });
      checkEqual(answer.status, 413, 'status');
    },
  },
  { name: 'garbage Engine.IO packet type over WebSocket: that client is disconnected', send: disconnects([frame({ opcode: 0x1, payload: '9nonsense' })]) },
  { name: 'Socket.IO packet with invalid JSON: that client is disconnected', send: disconnects([frame({ opcode: 0x1, payload: '42["echo:send",{' })]) },
  {
    name: 'socket.io-parser attachment bomb (claims 99999 binary attachments): that client is disconnected',
    send: disconnects([frame({ opcode: 0x1, payload: '4599999-["echo:send",{"_placeholder":true,"num":0}]' })]),
  },
  {
    name: 'placeholder pointing past the attachments it brought: that client is disconnected',
    send: disconnects([
      frame({ opcode: 0x1, payload: '451-["echo:send",{"_placeholder":true,"num":7}]' }),
      frame({ opcode: 0x2, payload: Buffer.from([1, 2, 3]) }),
    ]),
  },
  {
    name: 'Socket.IO message over maxHttpBufferSize (1 MB) → close 1009',
    send: disconnects([frame({ opcode: 0x1, payload: `42["echo:send","${'x'.repeat(1_100_000)}"]` })], 1009),
  },
  {
    name: 'connect to a namespace that does not exist → CONNECT_ERROR "Invalid namespace", the socket stays',
    send: async (t) => {
      const raw = await openRawSocketIo(t);
      raw.socket.write(frame({ opcode: 0x1, payload: '40/nope,' }));
      await raw.nextText((text) => text.startsWith('44/nope,') && text.includes('Invalid namespace'));
      raw.socket.destroy();
    },
  },
  {
    name: '/secure with a forged token → CONNECT_ERROR token_bad_signature',
    send: async (t) => {
      const raw = await openRawSocketIo(t);
      raw.socket.write(frame({ opcode: 0x1, payload: '40/secure,{"token":"eyJzdWIiOiJyb290IiwiZXhwIjo5OTk5OTk5OTk5OTk5fQ.Zm9yZ2Vk"}' }));
      await raw.nextText((text) => text.startsWith('44/secure,') && text.includes('token_bad_signature'));
      raw.socket.destroy();
    },
  },
  {
    name: 'a device registering with a malformed id → CONNECT_ERROR bad_device_auth',
    send: async (t) => {
      const raw = await openRawSocketIo(t);
      raw.socket.write(frame({ opcode: 0x1, payload: '40/devices,{"deviceId":"../../etc","capabilities":[]}' }));
      await raw.nextText((text) => text.startsWith('44/devices,') && text.includes('bad_device_auth'));
      raw.socket.destroy();
    },
  },
];

export const protocolGroups: Record<string, CorpusCase[]> = {
  HTTP: http,
  'WebSocket handshake': webSocketHandshake,
  'WebSocket frames (after a valid handshake on /ws)': webSocketFrames,
  'Engine.IO and Socket.IO': engineIo,
};
