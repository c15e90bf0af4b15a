// An Upgrade to anything but WebSocket (curl --http2 sends `Upgrade: h2c` on every request) is a
// plain HTTP request: RFC 9110 §7.8 lets a server ignore Upgrade. Node has already handed the
// connection over as an upgrade, so the request is replayed into the server's 'request' listeners
// on that connection, answered once, and the connection closed after the answer.

import { IncomingMessage, ServerResponse, type Server as HttpServer } from 'node:http';
import type { Socket } from 'node:net';
import { rejectUpgrade } from './reject.js';

/** Bodies a replayed request may carry: the API's JSON limit is smaller still. */
const maxReplayedBody = 1024 * 1024;
const bodyTimeoutMs = 30_000;

export function isWebSocketUpgrade(req: IncomingMessage): boolean {
  return (req.headers.upgrade ?? '')
    .split(',')
    .some((protocol) => protocol.trim().toLowerCase() === 'websocket');
}

export function answerAsPlainRequest(httpServer: HttpServer, req: IncomingMessage, socket: Socket, head: Buffer): void {
  const declared = req.headers['content-length'];
  const length = declared === undefined ? 0 : Number(declared);
  if (req.headers['transfer-encoding'] !== undefined || !Number.isSafeInteger(length) || length < 0 || length > maxReplayedBody) {
    rejectUpgrade(socket, 400, 'A request with an Upgrade header other than websocket must carry its body with Content-Length (at most 1 MiB).');
    return;
  }
  const plain = new IncomingMessage(socket);
  plain.method = req.method;
  plain.url = req.url;
  plain.httpVersion = req.httpVersion;
  plain.httpVersionMajor = req.httpVersionMajor;
  plain.httpVersionMinor = req.httpVersionMinor;
  plain.headers = req.headers;
  plain.rawHeaders = req.rawHeaders;

  let remaining = length;
  const feed = (chunk: Buffer) => {
    if (remaining === 0) return;
    const body = chunk.subarray(0, remaining);
    remaining -= body.length;
    plain.push(body);
    if (remaining === 0) finishBody();
  };
  const finishBody = () => {
    socket.off('data', feed);
    socket.setTimeout(0);
    plain.complete = true;
    plain.push(null);
  };
  if (remaining === 0) finishBody();
  else {
    socket.on('data', feed);
    socket.setTimeout(bodyTimeoutMs, () => socket.destroy());
    feed(head);
  }

  const res = new ServerResponse(plain);
  res.shouldKeepAlive = false;
  res.assignSocket(socket);
  res.once('finish', () => {
    res.detachSocket(socket);
    socket.end();
  });
  socket.once('close', () => res.destroy());
  httpServer.emit('request', plain, res);
}
