// The page's one Socket.IO connection to the live server. It does not connect by itself: the
// connection machine (LiveConnection) connects it while the app is mounted and disconnects on unmount.

import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '@loopwire/contract';

export type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

// The build's prerender has no page address to connect to: there the socket gets one it never dials.
export const liveSocket: LiveSocket =
  typeof location === 'undefined' ? io('http://prerender.invalid', { autoConnect: false }) : io({ autoConnect: false });
