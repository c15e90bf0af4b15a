// Engine.IO packets (protocol v4), the layer under Socket.IO: `0` open, `2`/`3` ping/pong (and
// `2probe`/`3probe` before an upgrade), `4` message, `5` upgrade, `6` noop. Decoded with the
// project's own engine.io-parser; polling bodies carry several packets separated by 0x1e.

import { decodePacket, type Packet } from 'engine.io-parser';
import { decodeSocketIoPacket, type SocketIoPacket } from './socket-io.js';

export interface EnginePacket {
  /** The packet type digit as sent: `0`…`6`, or `b` for base64 binary. */
  code: string;
  type: 'open' | 'close' | 'ping' | 'pong' | 'message' | 'upgrade' | 'noop' | 'error';
  /** The packet's data as text (JSON for `open`, the Socket.IO packet for `message`). */
  data?: string;
  /** For binary packets sent as base64 over polling: the decoded length. */
  binaryLength?: number;
  meaning: string;
  socketIo?: SocketIoPacket;
}

function meaningOf(packet: Packet, data: string | undefined): string {
  switch (packet.type) {
    case 'open':
      return 'open: the server names the session (sid), offers upgrades and sets the ping rhythm';
    case 'close':
      return 'close the Engine.IO session';
    case 'ping':
      return data === 'probe' ? 'probe: is this new WebSocket working? (before the upgrade)' : 'ping: are you still there?';
    case 'pong':
      return data === 'probe' ? 'probe answered: the new WebSocket works' : 'pong: still here';
    case 'message':
      return 'message: carries a Socket.IO packet';
    case 'upgrade':
      return 'upgrade: from now on, use the WebSocket and stop polling';
    case 'noop':
      return 'noop: ends a pending poll so the client can switch transports';
    default:
      return 'not an Engine.IO packet';
  }
}

/** Decodes one Engine.IO packet from its text form (a WebSocket text frame, or one polling item). */
export function decodeEnginePacket(text: string): EnginePacket {
  if (text.startsWith('b')) {
    const base64 = text.slice(1).replace(/=+$/, '');
    return { code: 'b', type: 'message', binaryLength: Math.floor((base64.length * 3) / 4), meaning: 'binary message (base64 over polling)' };
  }
  const packet = decodePacket(text);
  const data = typeof packet.data === 'string' ? packet.data : undefined;
  const result: EnginePacket = { code: text.charAt(0), type: packet.type, meaning: meaningOf(packet, data) };
  if (data !== undefined) result.data = data;
  if (packet.type === 'message' && data !== undefined) {
    const socketIo = decodeSocketIoPacket(data);
    if (socketIo) result.socketIo = socketIo;
  }
  return result;
}

/** A polling body: packets separated by the record separator 0x1e. */
export function decodeEnginePayload(body: string): EnginePacket[] {
  // Split here rather than with decodePayload: that would decode base64 binaries with Node's Buffer.
  return body === '' ? [] : body.split('\x1e').map(decodeEnginePacket);
}
