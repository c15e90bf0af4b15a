// Checks a WebSocket handshake's headers before any library sees it, so every malformed handshake
// gets the contract's HTTP answer (every `ws` endpoint calls this first).

import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { rejectUpgrade } from './reject.js';

const base64Of16Bytes = /^[A-Za-z0-9+/]{22}==$/;

/** Checks the handshake headers (RFC 6455 §4.2.1); returns true if it answered with a refusal. */
export function refuseBadHandshake(req: IncomingMessage, socket: Duplex): boolean {
  if (req.method !== 'GET') {
    rejectUpgrade(socket, 405, 'A WebSocket handshake must be a GET request.', { Allow: 'GET' });
  } else if (req.headers.upgrade?.toLowerCase() !== 'websocket') {
    rejectUpgrade(socket, 426, 'This endpoint speaks WebSocket: send Upgrade: websocket.', {
      Upgrade: 'websocket',
    });
  } else if (req.headers['sec-websocket-version'] !== '13') {
    rejectUpgrade(socket, 426, 'Unsupported Sec-WebSocket-Version: this server speaks version 13.', {
      'Sec-WebSocket-Version': '13',
    });
  } else if (!base64Of16Bytes.test(req.headers['sec-websocket-key'] ?? '')) {
    rejectUpgrade(socket, 400, 'Sec-WebSocket-Key must be 16 random bytes, base64-encoded (24 characters).');
  } else {
    return false;
  }
  return true;
}
