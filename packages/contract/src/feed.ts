// The one message feed reached five ways (short polling, long polling, SSE, raw WebSocket, Socket.IO):
// what clients send, what every transport delivers.

import * as v from 'valibot';
import { wholeNumberParam } from './numbers.js';

/** Longest text a feed message may carry, in characters. */
export const maxFeedTextLength = 2000;

/** How long the server holds a long poll before answering 204. */
export const longPollHoldMs = 25_000;

/** One feed message. `id`s are increasing integers: a client asks for everything `after` the last it saw. */
export const FeedMessageSchema = v.object({
  id: v.number(),
  text: v.string(),
  /** Server clock when the message was published, ms since the epoch. */
  at: v.number(),
});
export type FeedMessage = v.InferOutput<typeof FeedMessageSchema>;

const textMessage = 'Send a JSON body like {"text": "hello"}: text must be a non-empty string';

/** `POST /api/poll/messages` body. */
export const PostFeedMessageSchema = v.object({
  text: v.pipe(
    v.string(textMessage),
    v.check((text) => text.trim() !== '', textMessage),
    v.maxLength(maxFeedTextLength, `A feed message may be at most ${maxFeedTextLength} characters long`),
  ),
});
export type PostFeedMessage = v.InferOutput<typeof PostFeedMessageSchema>;

/** `POST /api/poll/messages` → 201 */
export const PostedFeedMessageSchema = v.object({ message: FeedMessageSchema });
export type PostedFeedMessage = v.InferOutput<typeof PostedFeedMessageSchema>;

/** `GET /api/poll/short?after=`, `GET /api/poll/long?after=`: the resume point, absent or empty meaning 0. */
export const PollQuerySchema = v.object({
  after: v.optional(
    v.union([v.pipe(v.literal(''), v.transform(() => 0)), wholeNumberParam('after', 0, Number.MAX_SAFE_INTEGER, ' (the last message id you saw)')]),
    '',
  ),
});

/** `GET /api/poll/short` → 200, `GET /api/poll/long` → 200 (or 204 when nothing arrived in time). */
export const FeedMessagesSchema = v.object({ messages: v.array(FeedMessageSchema) });
export type FeedMessages = v.InferOutput<typeof FeedMessagesSchema>;

/** What the raw WebSocket feed (`/ws/feed`) sends, one JSON text message each. */
export type WsFeedServerMessage =
  | { type: 'hello'; connectionId: string; lastId: number }
  | { type: 'message'; message: FeedMessage };

/** The transports that can be closed by the server on demand (`POST /api/feed/close`). */
export const closableTransports = ['sse', 'websocket', 'socket.io'] as const;
export type ClosableTransport = (typeof closableTransports)[number];

/** `POST /api/feed/close` body: which live connection the server should end, to show how the client reacts. */
export const CloseConnectionRequestSchema = v.object({
  transport: v.picklist(closableTransports, `transport must be one of ${closableTransports.join(', ')}`),
  /** SSE: the `stream` from the `notice` event; WebSocket: the `connectionId` from `hello`; Socket.IO: the socket id. */
  id: v.pipe(
    v.string('id must name an open connection (the SSE stream, WebSocket connectionId or Socket.IO id)'),
    v.minLength(1, 'id must name an open connection (the SSE stream, WebSocket connectionId or Socket.IO id)'),
  ),
});
export type CloseConnectionRequest = v.InferOutput<typeof CloseConnectionRequestSchema>;

/** The SSE `notice` event's data, sent first on every (re)connection. */
export interface SseNotice {
  stream: string;
  /** The Last-Event-ID the client resumed from, or null on a fresh connection. */
  resumedFrom: number | null;
  /** How many missed messages the server replays right after this notice. */
  replaying: number;
}

/** The SSE `update` event's data: the unprompted price ticker. */
export interface TickerUpdate {
  symbol: string;
  price: number;
  at: number;
}

/** The close code the server uses when it ends a WebSocket on demand (4000–4999: for applications, RFC 6455 §7.4.2). */
export const serverCloseCode = 4000;
export const serverCloseReason = 'closed by the server on request';

/** A held long poll of the caller's that a posted message released (`GET /api/poll/long/released`). */
export interface ReleasedLongPoll {
  messageIds: number[];
  heldMs: number;
  at: number;
}

export interface ReleasedLongPolls {
  released: ReleasedLongPoll[];
}
