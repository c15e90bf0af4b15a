// The one message feed reached five ways (short polling, long polling, SSE, raw WebSocket, Socket.IO):
// shapes shared by the server and every client.

/** One feed message. `id`s are increasing integers: a client asks for everything `after` the last it saw. */
export interface FeedMessage {
  id: number;
  text: string;
  /** Server clock when the message was published, ms since the epoch. */
  at: number;
}

/** `POST /api/poll/messages` body. */
export interface PostFeedMessage {
  text: string;
}

/** `POST /api/poll/messages` → 201 */
export interface PostedFeedMessage {
  message: FeedMessage;
}

/** `GET /api/poll/short?after=` → 200, `GET /api/poll/long?after=` → 200 (or 204 when nothing arrived in time). */
export interface FeedMessages {
  messages: FeedMessage[];
}

/** Longest text a feed message may carry, in characters. */
export const maxFeedTextLength = 2000;

/** How long the server holds a long poll before answering 204. */
export const longPollHoldMs = 25_000;

/** What the raw WebSocket feed (`/ws/feed`) sends, one JSON text message each. */
export type WsFeedServerMessage =
  | { type: 'hello'; connectionId: string; lastId: number }
  | { type: 'message'; message: FeedMessage };

/** The transports that can be closed by the server on demand (`POST /api/feed/close`). */
export type ClosableTransport = 'sse' | 'websocket' | 'socket.io';

/** `POST /api/feed/close` body: which live connection the server should end, to show how the client reacts. */
export interface CloseConnectionRequest {
  transport: ClosableTransport;
  /** SSE: the `stream` from the `notice` event; WebSocket: the `connectionId` from `hello`; Socket.IO: the socket id. */
  id: string;
}

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
