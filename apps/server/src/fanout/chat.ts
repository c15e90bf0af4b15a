// Namespace /chat: rooms and per-client data. Each client picks a name (auth.name) and a room;
// the server keeps name, room, joinedAt and a message count in socket.data, sends each message to
// the sender's room only, and rate-limits each client with a token bucket.

import type { Namespace } from 'socket.io';
import type { ChatClientToServerEvents, ChatMember, ChatServerToClientEvents } from '@loopwire/contract';
import { createTokenBucket } from '../core/token-bucket.js';

export const chatRooms = ['lobby', 'warehouse', 'drivers'] as const;
const maxTextLength = 500;
const namePattern = /^[\p{L}\p{N} _.-]{1,24}$/u;

interface ChatData {
  connectedAt: number;
  name: string;
  room: string;
  joinedAt: number;
  sent: number;
}

type ChatNamespace = Namespace<ChatClientToServerEvents, ChatServerToClientEvents, Record<string, never>, ChatData>;

class ChatAuthError extends Error {
  readonly data = { code: 'bad_name', message: 'auth.name must be 1 to 24 letters, digits, spaces, dots, dashes or underscores.' };
}

export function registerChat(namespace: ChatNamespace, rateLimit: number): void {
  let nextMessageId = 1;

  const roster = async (room: string) => {
    const sockets = await namespace.in(room).fetchSockets();
    const members: ChatMember[] = sockets.map((socket) => ({
      id: socket.id,
      name: socket.data.name,
      room: socket.data.room,
      joinedAt: socket.data.joinedAt,
      sent: socket.data.sent,
    }));
    namespace.to(room).emit('chat:roster', { room, members });
  };

  namespace.use((socket, next) => {
    const name = (socket.handshake.auth as { name?: unknown }).name;
    if (typeof name !== 'string' || !namePattern.test(name)) return next(new ChatAuthError('bad name'));
    socket.data = { connectedAt: Date.now(), name, room: 'lobby', joinedAt: Date.now(), sent: 0 };
    next();
  });

  namespace.on('connection', (socket) => {
    void socket.join('lobby');
    void roster('lobby');
    const bucket = createTokenBucket(rateLimit, Math.min(rateLimit, 10));

    socket.on('chat:join', (request, ack) => {
      if (typeof ack !== 'function') return;
      const room = (request as { room?: unknown } | null)?.room;
      if (typeof room !== 'string' || !(chatRooms as readonly string[]).includes(room)) {
        ack({ ok: false, error: `room must be one of ${chatRooms.join(', ')}` });
        return;
      }
      const previous = socket.data.room;
      if (previous !== room) {
        void socket.leave(previous);
        void socket.join(room);
        socket.data.room = room;
        socket.data.joinedAt = Date.now();
        void roster(previous);
      }
      void roster(room);
      ack({ ok: true, room });
    });

    socket.on('chat:send', (text, ack) => {
      if (typeof ack !== 'function') return;
      if (typeof text !== 'string' || text.trim() === '' || text.length > maxTextLength) {
        ack({ ok: false, error: `a message is 1 to ${maxTextLength} characters of text` });
        return;
      }
      if (!bucket.take()) {
        socket.emit('chat:throttled', { limitPerSecond: rateLimit });
        ack({ ok: false, error: `slow down: at most ${rateLimit} messages per second` });
        return;
      }
      socket.data.sent += 1;
      namespace.to(socket.data.room).emit('chat:message', {
        id: nextMessageId++,
        room: socket.data.room,
        from: socket.data.name,
        text,
        at: Date.now(),
      });
      ack({ ok: true });
      void roster(socket.data.room);
    });

    socket.once('disconnect', () => void roster(socket.data.room));
  });
}
