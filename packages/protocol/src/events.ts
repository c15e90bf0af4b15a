// Typed Socket.IO event maps shared by the server and socket.io-client.
// Event names read `feature:verb` (socket.io convention, see shared/STYLE.md).

import type { LabJobResult, LabJobRunning, LabJobStarted, LoopSample, LoopTick } from './lab.js';

/** Sent once to every socket right after it connects. */
export interface ServerHello {
  /** The server's process id: a reload of the server shows a new one. */
  pid: number;
  /** The transport in use when the hello was sent: `polling` or `websocket`. */
  transport: string;
  /** Server clock, ms since the epoch. */
  at: number;
}

export interface ServerToClientEvents {
  'server:hello': (hello: ServerHello) => void;
  /** Event-loop lab: one 100 ms window of loop lag and utilisation. */
  'loop:sample': (sample: LoopSample) => void;
  /** Event-loop lab: a heartbeat every 100 ms; gaps between ticks are stalls this page felt. */
  'loop:tick': (tick: LoopTick) => void;
  'lab:job-started': (job: LabJobStarted) => void;
  /** A job that waited for a thread (libuv pool or worker pool) got one. */
  'lab:job-running': (job: LabJobRunning) => void;
  'lab:job-finished': (job: LabJobResult) => void;
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
