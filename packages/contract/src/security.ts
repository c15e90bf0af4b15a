// The security lab's API (/api/security/*): what the server knows about a connection, credentials,
// and the outcome of refused WebSocket handshakes.

import * as v from 'valibot';
import type { SocketAddress } from './api.js';
import { wholeNumber } from './numbers.js';

const tokenNameMessage = 'name must be 1 to 32 letters, digits, spaces, dots, dashes or underscores';

/** `POST /api/security/tokens` body: both fields optional. */
export const TokenRequestSchema = v.object({
  name: v.optional(v.pipe(v.string(tokenNameMessage), v.regex(/^[\p{L}\p{N} _.-]{1,32}$/u, tokenNameMessage)), 'learner'),
  ttlMs: v.optional(wholeNumber('ttlMs', 1000, 3_600_000, 'milliseconds'), 10 * 60_000),
});
export type TokenRequest = v.InferOutput<typeof TokenRequestSchema>;

/** `GET /api/security/info` */
export interface SecurityInfo {
  /** Origin of the deliberately foreign page (same host, LAB_FOREIGN_PORT), or null if it could not start. */
  foreignPort: number | null;
  /** Whether the unguarded CSWSH demo endpoint `/ws/cswsh-demo` exists (only when HOST is loopback). */
  cswshDemo: boolean;
  /** Token-bucket rate limit per connection on `/ws/limited` and Socket.IO `/secure`, messages per second. */
  messageRateLimit: number;
  /** Largest message `/ws/limited` accepts; above it the server closes with 1009. */
  limitedMaxMessageBytes: number;
  maxConnectionsPerSid: number;
  ticketTtlMs: number;
}

/** One live connection, as the server knows it (`GET /api/security/connections`). */
export interface KnownConnection {
  id: string;
  kind: 'socket.io' | 'websocket';
  /** Socket.IO namespace or WebSocket path. */
  endpoint: string;
  /** `polling` or `websocket` for Socket.IO. */
  transport: string;
  local: SocketAddress;
  remote: SocketAddress;
  connectedAt: number;
  origin: string | null;
  userAgent: string | null;
  /** The browser's loopwire_sid, masked. */
  sid: string | null;
  /** Which request `headers` (and `origin`) are from: the WebSocket upgrade of this connection, or,
   *  for a Socket.IO client still on long polling, its first request (a same-origin GET: no Origin). */
  headersOf: 'websocket-upgrade' | 'first-request';
  /** Handshake headers; Cookie and Authorization values masked. */
  headers: Record<string, string>;
  /** The Socket.IO `auth` payload, secrets masked. */
  auth: Record<string, unknown> | null;
  /** What the application attached to this connection (`socket.data`). */
  data: Record<string, unknown>;
  rooms: string[];
  /** True when the connection carries the asking browser's sid (or is the socket id it named). */
  yours: boolean;
}

/**
 * `GET /api/security/connections`: the asker's own connections in full (those whose handshake carried
 * its loopwire_sid), every other browser's only counted.
 */
export interface KnownConnectionsResponse {
  connections: KnownConnection[];
  /** Other browsers' connections (and simulated devices), counted, never shown. */
  others: { websocket: number; socketIo: number; devices: number };
  /** Own connections beyond the 60 listed. */
  omitted: number;
}

/** `POST /api/security/tokens` → a signed token for the Socket.IO `auth` payload. */
export interface IssuedToken {
  token: string;
  expiresAt: number;
}

/** `POST /api/security/tickets` → a single-use ticket for `/ws/private?ticket=…`. */
export interface IssuedTicket {
  ticket: string;
  expiresAt: number;
}

/**
 * `GET /api/security/attempts/:attempt`: how the server answered a handshake that carried
 * `?attempt=<id>`. Browsers hide a refused handshake's status from scripts, so the lab asks.
 */
export interface HandshakeOutcome {
  attempt: string;
  at: number;
  path: string;
  origin: string | null;
  status: number;
  reason: string;
}

/** `GET /api/security/attempts`: the caller's own tagged refusals, oldest first. */
export interface HandshakeOutcomes {
  attempts: HandshakeOutcome[];
}

/** The harmless "private" feed that `/ws/cswsh-demo` and `/ws/private` send. */
export interface PrivateFeed {
  endpoint: string;
  /** Whether the handshake carried the learner's cookie: the heart of CSWSH. */
  cookieSeen: boolean;
  sid: string | null;
  origin: string | null;
  user: string | null;
  messages: string[];
}
