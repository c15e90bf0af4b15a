// The type of the one Socket.IO server, with Loopwire's event maps: what every room that pushes
// events to pages (loop samples, captures, jobs, the feed) is handed.

import type { Server } from 'socket.io';
import type { ClientToServerEvents, InterServerEvents, ServerToClientEvents, SocketData } from '@loopwire/contract';

export type LoopwireIo = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
