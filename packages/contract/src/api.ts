// Shapes every part of the API shares: health, the caller's own connection, one side of a TCP connection.

import * as v from 'valibot';

/** One side of a TCP connection. */
export const SocketAddressSchema = v.object({ address: v.string(), port: v.number() });
export type SocketAddress = v.InferOutput<typeof SocketAddressSchema>;

/** `GET /api/health` */
export const HealthResponseSchema = v.object({ ok: v.literal(true), uptimeMs: v.number(), pid: v.number() });
export type HealthResponse = v.InferOutput<typeof HealthResponseSchema>;

/** `GET /api/whoami`, and the first message of the `/ws/whoami` WebSocket. */
export const ConnectionInfoSchema = v.object({
  /** The server's side of the 4-tuple. */
  local: SocketAddressSchema,
  /** The client's side, as the server sees it. */
  remote: SocketAddressSchema,
  /** How many requests this TCP connection has carried, this one included (keep-alive). */
  requestsOnConnection: v.number(),
});
export type ConnectionInfo = v.InferOutput<typeof ConnectionInfoSchema>;
