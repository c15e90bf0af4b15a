// The five feed clients the race and the demos run: each opens its transport, reports what happens
// as lifecycle events, and returns a function that closes everything it opened.

import { io } from 'socket.io-client';
import type {
  ClientToServerEvents,
  FeedMessage,
  FeedMessages,
  ServerToClientEvents,
  SseNotice,
  TickerUpdate,
  WsFeedServerMessage,
} from '@loopwire/contract';
import type { Socket } from 'socket.io-client';
import { webSocketUrl } from '../../lib/live/context.ts';
import type { TransportKind } from './kinds.ts';
import { requestJson } from '../../lib/api.ts';

export type FeedClientEvent =
  /** A connection (or the first poll) is being made. */
  | { type: 'CONNECTING' }
  /** Ready to receive: the stream or socket is open, or a poll came back. `id` names the connection for the server-close demo. */
  | { type: 'OPENED'; id?: string }
  /** A poll request is out, waiting for the answer. */
  | { type: 'WAITING' }
  | { type: 'MESSAGES'; messages: FeedMessage[]; receivedAt: number }
  /** Polling only: one request, from just before fetch() to its parsed answer (performance.now()). */
  | { type: 'POLLED'; startedAt: number; answeredAt: number }
  /** SSE only: a price `update` the server pushed without being asked. */
  | { type: 'TICK'; update: TickerUpdate }
  /** One more HTTP request (or WebSocket handshake) went out. */
  | { type: 'REQUEST' }
  /** The connection dropped and the client will try again by itself. */
  | { type: 'RECONNECTING'; reason: string }
  /** Closed for good: nobody will reconnect unless told to. */
  | { type: 'CLOSED'; code?: number; reason: string };

export interface FeedClientOptions {
  /** Resume point: only messages with a greater id are wanted. */
  after: number;
  /** Tags every URL (`race=<id>`) so the race can find its own exchanges among the captures. */
  tag?: string;
  /** Short polling's pause between two requests. */
  pollIntervalMs?: number;
  /** SSE only: also receive the price ticker's `update` events. */
  tickerUpdates?: boolean;
}

export type FeedClient = (options: FeedClientOptions, emit: (event: FeedClientEvent) => void) => () => void;

/** The id of the newest feed message (0 if none): a resume point that means "from now on". */
export async function newestFeedId(): Promise<number> {
  const { messages } = await requestJson<FeedMessages>('/api/poll/short?after=0');
  return messages.at(-1)?.id ?? 0;
}

function query(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value !== undefined) search.set(name, String(value));
  return search.toString();
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });

/** Short polling's pause between an answer and the next request (a poll starts one pause plus one request after the last). */
export const shortPollPauseMs = 250;

/** Both polling styles: ask, read, ask again. Only the server's answer time differs. */
function pollingClient(path: '/api/poll/short' | '/api/poll/long'): FeedClient {
  return ({ after, tag, pollIntervalMs = shortPollPauseMs }, emit) => {
    const controller = new AbortController();
    const { signal } = controller;
    let lastId = after;
    void (async () => {
      // Nothing stays open between polls: the client is "open" as soon as its loop runs, "waiting" while a request is out.
      emit({ type: 'OPENED' });
      while (!signal.aborted) {
        emit({ type: 'REQUEST' });
        emit({ type: 'WAITING' });
        try {
          const startedAt = performance.now();
          const response = await fetch(`${path}?${query({ after: lastId, race: tag })}`, { signal, cache: 'no-store' });
          const { messages } = response.status === 200 ? ((await response.json()) as FeedMessages) : { messages: [] };
          const answeredAt = performance.now();
          emit({ type: 'POLLED', startedAt, answeredAt });
          if (messages.length > 0) {
            lastId = messages[messages.length - 1]!.id;
            emit({ type: 'MESSAGES', messages, receivedAt: answeredAt });
          }
          emit({ type: 'OPENED' });
          if (path === '/api/poll/short') await sleep(pollIntervalMs, signal);
        } catch (error) {
          if (signal.aborted) break;
          emit({ type: 'RECONNECTING', reason: (error as Error).message });
          await sleep(1000, signal);
        }
      }
    })();
    return () => controller.abort();
  };
}

export const shortPollingClient = pollingClient('/api/poll/short');
export const longPollingClient = pollingClient('/api/poll/long');

/** A real EventSource: it reconnects by itself and resumes with Last-Event-ID. */
export const sseClient: FeedClient = ({ tag, tickerUpdates = false }, emit) => {
  emit({ type: 'CONNECTING' });
  emit({ type: 'REQUEST' });
  const source = new EventSource(`/api/sse/ticker?${query({ updates: tickerUpdates ? undefined : 0, race: tag })}`);
  source.addEventListener('notice', (event) => {
    emit({ type: 'OPENED', id: (JSON.parse(event.data as string) as SseNotice).stream });
  });
  source.addEventListener('update', (event) => {
    emit({ type: 'TICK', update: JSON.parse(event.data as string) as TickerUpdate });
  });
  source.addEventListener('message', (event) => {
    emit({ type: 'MESSAGES', messages: [JSON.parse(event.data as string) as FeedMessage], receivedAt: performance.now() });
  });
  source.onerror = () => {
    if (source.readyState === EventSource.CONNECTING) {
      emit({ type: 'RECONNECTING', reason: 'the stream ended; EventSource reconnects with Last-Event-ID' });
      emit({ type: 'REQUEST' });
    } else {
      emit({ type: 'CLOSED', reason: 'EventSource gave up' });
    }
  };
  return () => source.close();
};

/** A plain WebSocket: when it closes, it stays closed. */
export const webSocketClient: FeedClient = ({ after, tag }, emit) => {
  emit({ type: 'CONNECTING' });
  emit({ type: 'REQUEST' });
  const socket = new WebSocket(webSocketUrl(`/ws/feed?${query({ after, race: tag })}`));
  let closedByUs = false;
  socket.onmessage = (event) => {
    const message = JSON.parse(event.data as string) as WsFeedServerMessage;
    if (message.type === 'hello') emit({ type: 'OPENED', id: message.connectionId });
    else emit({ type: 'MESSAGES', messages: [message.message], receivedAt: performance.now() });
  };
  socket.onclose = (event) => {
    if (!closedByUs) emit({ type: 'CLOSED', code: event.code, reason: event.reason || 'no reason given' });
  };
  return () => {
    closedByUs = true;
    socket.close(1000, 'client done');
  };
};

type FeedSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Socket.IO: polling first, then the WebSocket upgrade; reconnects by itself and resubscribes from the last id. */
export const socketIoClient: FeedClient = ({ after, tag }, emit) => {
  let lastId = after;
  emit({ type: 'CONNECTING' });
  const socket: FeedSocket = io({ forceNew: true, query: tag ? { race: tag } : {}, reconnectionDelayMax: 2000 });
  const countRequests = () => {
    const engine = socket.io.engine;
    emit({ type: 'REQUEST' });
    // Each long-poll GET and each POST of queued packets is one HTTP request; the upgrade is one more.
    engine.transport.on('poll', () => emit({ type: 'REQUEST' }));
    engine.transport.on('drain', () => emit({ type: 'REQUEST' }));
    engine.on('upgrading', () => emit({ type: 'REQUEST' }));
  };
  socket.io.on('open', countRequests);
  const receive = (messages: FeedMessage[]) => {
    const fresh = messages.filter((message) => message.id > lastId);
    if (fresh.length === 0) return;
    lastId = fresh[fresh.length - 1]!.id;
    emit({ type: 'MESSAGES', messages: fresh, receivedAt: performance.now() });
  };
  socket.on('connect', () => {
    emit({ type: 'OPENED', id: socket.id });
    void socket.emitWithAck('feed:subscribe', lastId).then(({ messages }) => receive(messages));
  });
  socket.on('feed:message', (message) => receive([message]));
  socket.on('disconnect', (reason) => {
    if (socket.active) emit({ type: 'RECONNECTING', reason });
    else if (reason !== 'io client disconnect') emit({ type: 'CLOSED', reason });
  });
  return () => {
    socket.io.off('open', countRequests);
    socket.disconnect();
  };
};

export const feedClients: Record<TransportKind, FeedClient> = {
  'short-polling': shortPollingClient,
  'long-polling': longPollingClient,
  sse: sseClient,
  websocket: webSocketClient,
  'socket.io': socketIoClient,
};
