// Typed Socket.IO event maps shared by the server and socket.io-client.
// Event names read `feature:verb`, the Socket.IO convention.

import type { LabJobResult, LabJobRunning, LabJobStarted, LoopSample, LoopTick } from './lab.js';
import type { FeedMessage } from './feed.js';
import type { BroadcastResult, ChatMember, ChatMessage, DeviceCommand } from './fanout.js';

/** A chat message in one room of the main namespace (the transports lab). */
export interface FeedChatMessage {
  room: string;
  /** The sender's Socket.IO id. */
  from: string;
  /** The name the sender gave in its handshake's `auth.name`, or null. */
  name: string | null;
  text: string;
  at: number;
}

/** What the server acknowledges a chat message with: delivered to the room, or refused and why. */
export type ChatAck = { ok: true; at: number; delivered: number } | { ok: false; error: string };

/** Sent once to every socket right after it connects. */
export interface ServerHello {
  /** The server's process id: a reload of the server shows a new one. */
  pid: number;
  /** The transport in use when the hello was sent: `polling` or `websocket`. */
  transport: string;
  /** With WORKERS > 1: which of the worker processes serves this browser (index from 0); else null. */
  worker: { index: number; count: number } | null;
  /** Server clock, ms since the epoch. */
  at: number;
}

export interface ServerToClientEvents extends FanoutServerToClientEvents {
  'server:hello': (hello: ServerHello) => void;
  /** The scale lab's cluster or Redis changed (started, worker replaced, Redis down…): read GET /api/scale. */
  'scale:changed': () => void;
  /** Event-loop lab: one 100 ms window of loop lag and utilisation. */
  'loop:sample': (sample: LoopSample) => void;
  /** Event-loop lab: a heartbeat every 100 ms; gaps between ticks are stalls this page felt. */
  'loop:tick': (tick: LoopTick) => void;
  'lab:job-started': (job: LabJobStarted) => void;
  /** A job that waited for a thread (libuv pool or worker pool) got one. */
  'lab:job-running': (job: LabJobRunning) => void;
  'lab:job-finished': (job: LabJobResult) => void;
  /** A feed message, to sockets that sent `feed:subscribe` (room `feed`). */
  'feed:message': (message: FeedMessage) => void;
  /** A chat message to every socket in the room (the sender included). */
  'chat:message': (message: FeedChatMessage) => void;
  /** How many sockets are in a chat room, sent to the room whenever someone joins or leaves. */
  'chat:presence': (presence: { room: string; members: number }) => void;
}

export interface ClientToServerEvents {
  /** Echo with an acknowledgement: the server calls `ack` with what it received. */
  'echo:send': (payload: unknown, ack: (echo: { payload: unknown; at: number }) => void) => void;
  /** Joins the `feed` room; the ack carries the messages after `after` (a resume point) and the newest id. */
  'feed:subscribe': (after: number, ack: (backlog: { messages: FeedMessage[]; lastId: number }) => void) => void;
  /** Joins a chat room (leaving the previous one); the ack says which room and how many are in it. */
  'chat:join': (room: string, ack: (joined: { room: string; members: number } | { error: string }) => void) => void;
  /** Sends to the room joined last; the server acknowledges with how many sockets it reached. */
  'chat:message': (text: string, ack: (ack: ChatAck) => void) => void;
}

export type InterServerEvents = Record<string, never>;

/** Per-socket data the server keeps (`socket.data`). */
export interface SocketData {
  connectedAt: number;
  /** The chat room this socket joined last (`chat:join`). */
  chatRoom?: string;
}

// --- Security and fan-out labs (namespaces `/secure`, `/devices`, `/chat`, and pushes on `/`) ---

/** Pushed on the main namespace by the fan-out lab. */
export interface FanoutServerToClientEvents {
  /** A broadcast's acks are all in (or its deadline passed). */
  'fanout:broadcast-done': (result: BroadcastResult) => void;
  /** A device joined or left; the page refetches the fleet. */
  'fanout:fleet-changed': (change: { count: number }) => void;
}

/** Namespace `/devices`: what the server sends to a device. */
export interface DeviceServerToClientEvents {
  'device:command': (command: DeviceCommand, ack: (reply: unknown) => void) => void;
  /** Reports over the device's rate limit were dropped. */
  'device:throttled': (notice: { dropped: number; limitPerSecond: number }) => void;
  /** Sent once on connecting: the secret that proves this id is yours while you are connected. */
  'device:registered': (registration: { deviceId: string; secret: string }) => void;
}

/** Namespace `/devices`: what a device sends (fan-in). */
export interface DeviceClientToServerEvents {
  'device:report': (reading: { seq: number; value: number }) => void;
}

/** Namespace `/secure` (token required in `auth.token`). */
export interface SecureServerToClientEvents {
  'secure:throttled': (notice: { limitPerSecond: number }) => void;
}

export interface SecureClientToServerEvents {
  'secure:whoami': (ack: (identity: { user: string; expiresAt: number; socketId: string }) => void) => void;
  'secure:send': (text: string, ack: (reply: { ok: boolean; accepted: number }) => void) => void;
}

/** Namespace `/chat`: rooms and per-client data. */
export interface ChatServerToClientEvents {
  'chat:message': (message: ChatMessage) => void;
  'chat:roster': (roster: { room: string; members: ChatMember[] }) => void;
  'chat:throttled': (notice: { limitPerSecond: number }) => void;
}

export interface ChatClientToServerEvents {
  'chat:join': (request: { room: string }, ack: (reply: { ok: true; room: string } | { ok: false; error: string }) => void) => void;
  'chat:send': (text: string, ack: (reply: { ok: true } | { ok: false; error: string }) => void) => void;
}
