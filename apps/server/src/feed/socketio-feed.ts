// The feed and a chat room over Socket.IO: `feed:subscribe` joins the `feed` room (ack = backlog),
// `chat:join` / `chat:message` use rooms and acknowledgements.

import type { ChatAck } from '@loopwire/contract';
import { maxFeedTextLength } from '@loopwire/contract';
import type { FeedDeps } from './hub.js';

const feedRoom = 'feed';
const roomName = /^[a-z0-9-]{1,32}$/;
const chatRoomKey = (room: string) => `chat:${room}`;

/** The display name a chat client sent in its handshake (`auth: {name}`): short printable text, or null. */
function chatNameOf(auth: Record<string, unknown>): string | null {
  const { name } = auth;
  return typeof name === 'string' && /^[\p{L}\p{N} _.-]{1,32}$/u.test(name) ? name : null;
}

export function registerSocketIoFeed({ io, feedHub, sessions }: FeedDeps<'io' | 'sessions'>): void {
  feedHub.feed.subscribe((message) => io.local.to(feedRoom).emit('feed:message', message));
  const membersOf = (room: string) => io.sockets.adapter.rooms.get(chatRoomKey(room))?.size ?? 0;
  const announce = (room: string) => io.to(chatRoomKey(room)).emit('chat:presence', { room, members: membersOf(room) });

  io.on('connection', (socket) => {
    // The server ends the *transport* (as a network drop would): the client sees "transport close" and
    // reconnects by itself. `socket.disconnect()` would say "io server disconnect" and the client would stay away.
    const forget = feedHub.connections.add('socket.io', socket.id, sessions.read(socket.handshake.headers), () => socket.conn.close());
    socket.on('disconnect', () => {
      forget();
      if (socket.data.chatRoom) announce(socket.data.chatRoom);
    });

    socket.on('feed:subscribe', (after, ack) => {
      void socket.join(feedRoom);
      const from = Number.isSafeInteger(after) && after >= 0 ? after : feedHub.feed.lastId();
      if (typeof ack === 'function') ack({ messages: feedHub.feed.since(from), lastId: feedHub.feed.lastId() });
    });

    socket.on('chat:join', (room, ack) => {
      if (typeof ack !== 'function') return;
      if (typeof room !== 'string' || !roomName.test(room)) {
        ack({ error: 'A room name is 1–32 characters: lowercase letters, digits and dashes.' });
        return;
      }
      const previous = socket.data.chatRoom;
      if (previous) void socket.leave(chatRoomKey(previous));
      socket.data.chatRoom = room;
      void socket.join(chatRoomKey(room));
      ack({ room, members: membersOf(room) });
      if (previous && previous !== room) announce(previous);
      announce(room);
    });

    socket.on('chat:message', (text, ack) => {
      const reply = (answer: ChatAck) => {
        if (typeof ack === 'function') ack(answer);
      };
      const room = socket.data.chatRoom;
      if (!room) return reply({ ok: false, error: 'Join a room first (chat:join).' });
      if (typeof text !== 'string' || text.trim() === '' || text.length > maxFeedTextLength) {
        return reply({ ok: false, error: `A chat message is 1–${maxFeedTextLength} characters of text.` });
      }
      const at = Date.now();
      io.to(chatRoomKey(room)).emit('chat:message', { room, from: socket.id, name: chatNameOf(socket.handshake.auth), text, at });
      reply({ ok: true, at, delivered: membersOf(room) });
    });
  });
}
