// Typed Socket.IO event maps shared by the server and socket.io-client.
// Event names read `feature:verb` (socket.io convention, see shared/STYLE.md).

import type { BroadcastResult, ChatMember, ChatMessage, DeviceCommand } from './fanout.js';

/** Sent once to every socket right after it connects. */
export interface ServerHello {
  /** The server's process id: a reload of the server shows a new one. */
  pid: number;
  /** The transport in use when the hello was sent: `polling` or `websocket`. */
  transport: string;
  /** Server clock, ms since the epoch. */
  at: number;
}

export interface ServerToClientEvents extends FanoutServerToClientEvents {
  'server:hello': (hello: ServerHello) => void;
}

export interface ClientToServerEvents {
  /** Echo with an acknowledgement: the server calls `ack` with what it received. */
  'echo:send': (payload: unknown, ack: (echo: { payload: unknown; at: number }) => void) => void;
}

export type InterServerEvents = Record<string, never>;

/** Per-socket data the server keeps (`socket.data`). */
export interface SocketData {
  connectedAt: number;
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
