// Socket.IO rooms and acknowledgements, live: two people in this page, each with their own Socket.IO
// connection (its lifecycle drawn by the connection machine), chatting in rooms they choose.

import { useEffect, useId, useRef, useState } from 'react';
import { useActorRef, useSelector } from '@xstate/react';
import { io, type Socket } from 'socket.io-client';
import type { ChatAck, FeedChatMessage, ClientToServerEvents, ServerToClientEvents } from '@loopwire/contract';
import { connectionMachine, phaseOf } from '../../lib/live/connection.machine.ts';
import './transports.css';

type ChatSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const suggestedRooms = ['lobby', 'trading', 'iot-devices'];
const keptLines = 12;

type Line = { kind: 'heard'; message: FeedChatMessage } | { kind: 'ack'; text: string; ack: ChatAck };

function Participant({ name, initialRoom }: { name: string; initialRoom: string }) {
  // The name travels in the handshake's auth payload; the server stamps it on each message it relays.
  const [socket] = useState<ChatSocket>(() => io({ autoConnect: false, forceNew: true, auth: { name } }));
  const connection = useActorRef(connectionMachine, { input: { socket } });
  const phase = useSelector(connection, (snapshot) => phaseOf(snapshot.value));
  const [room, setRoom] = useState(initialRoom);
  const [roomDraft, setRoomDraft] = useState(initialRoom);
  const [joinError, setJoinError] = useState<string | null>(null);
  const roomRef = useRef(room);
  const [members, setMembers] = useState<number | null>(null);
  const [text, setText] = useState('');
  const [lines, setLines] = useState<Line[]>([]);
  const id = useId();

  useEffect(() => {
    const hear = (message: FeedChatMessage) => setLines((previous) => [...previous, { kind: 'heard' as const, message }].slice(-keptLines));
    const count = (presence: { room: string; members: number }) => {
      if (presence.room === roomRef.current) setMembers(presence.members);
    };
    socket.on('chat:message', hear);
    socket.on('chat:presence', count);
    return () => {
      socket.off('chat:message', hear);
      socket.off('chat:presence', count);
    };
  }, [socket]);

  useEffect(() => {
    roomRef.current = room;
  }, [room]);

  // Join (again) whenever the room changes or the connection (re)opens: rooms live on the server, per socket.
  useEffect(() => {
    if (phase !== 'open') return;
    // A callback, not emitWithAck: a promise would settle a microtask late, after a `chat:presence`
    // decoded from the same polling payload, and an old count would overwrite the new one.
    socket.emit('chat:join', room, (joined) => {
      setMembers('members' in joined ? joined.members : null);
      setJoinError('error' in joined ? joined.error : null);
    });
  }, [phase, room, socket]);

  async function send() {
    const sent = text.trim();
    if (!sent) return;
    setText('');
    const ack = await socket.timeout(5000).emitWithAck('chat:message', sent).catch(() => ({ ok: false as const, error: 'no acknowledgement within 5 s' }));
    setLines((previous) => [...previous, { kind: 'ack' as const, text: sent, ack }].slice(-keptLines));
  }

  return (
    <section className="push-card" aria-label={`${name}’s chat`} data-testid={`chat-${name.toLowerCase()}`} data-phase={phase}>
      <h3>
        {name} <span className="badge__transport">{phase === 'open' ? `connected, ${members ?? '…'} in #${room}` : phase}</span>
      </h3>
      <form
        className="field"
        onSubmit={(event) => {
          event.preventDefault();
          const next = roomDraft.trim().toLowerCase();
          if (next) setRoom(next);
        }}
      >
        <label htmlFor={`${id}-room`}>Room</label>
        <input
          id={`${id}-room`}
          className="input"
          list={`${id}-rooms`}
          value={roomDraft}
          maxLength={32}
          pattern="[a-z0-9\-]{1,32}"
          onChange={(event) => setRoomDraft(event.target.value)}
        />
        <datalist id={`${id}-rooms`}>
          {suggestedRooms.map((option) => (
            <option key={option} value={option} />
          ))}
        </datalist>
        <button type="submit" className="button" disabled={phase !== 'open' || roomDraft.trim().toLowerCase() === room}>
          Join
        </button>
      </form>
      {joinError ? <p className="result result--fail">{joinError}</p> : null}
      <form
        className="field"
        onSubmit={(event) => {
          event.preventDefault();
          void send();
        }}
      >
        <label htmlFor={`${id}-text`} className="visually-hidden">
          Message from {name}
        </label>
        <input id={`${id}-text`} className="input" value={text} maxLength={200} placeholder="Say something" onChange={(event) => setText(event.target.value)} />
        <button type="submit" className="button" disabled={phase !== 'open' || text.trim() === ''}>
          Send
        </button>
      </form>
      <ol className="push-card__log" aria-label={`What ${name} saw`} aria-live="polite">
        {lines.map((line, index) =>
          line.kind === 'heard' ? (
            <li key={index}>
              #{line.message.room} {line.message.from === socket.id ? 'you' : (line.message.name ?? `socket ${line.message.from.slice(0, 6)}`)}: {line.message.text}
            </li>
          ) : (
            <li key={index} data-testid="chat-ack">
              ack for “{line.text}”: {line.ack.ok ? `delivered to ${line.ack.delivered}` : line.ack.error}
            </li>
          ),
        )}
      </ol>
    </section>
  );
}

/** `?room=` in the page URL picks the starting room, so two tabs (or two tests) can meet or stay apart. */
function startingRoom(): string {
  const asked = new URLSearchParams(location.search).get('room') ?? '';
  return /^[a-z0-9-]{1,32}$/.test(asked) ? asked : 'lobby';
}

export default function ChatRoom() {
  const [initialRoom] = useState(startingRoom);
  return (
    <figure className="widget" aria-label="Socket.IO chat rooms" data-testid="chat-room">
      <div className="widget__bar">
        <strong className="widget__title">Rooms and acknowledgements (Socket.IO)</strong>
      </div>
      <div className="push-grid">
        <Participant name="Alice" initialRoom={initialRoom} />
        <Participant name="Bob" initialRoom={initialRoom} />
      </div>
      <figcaption className="widget__caption">
        Two real Socket.IO connections from this page. <code>chat:join</code> puts a socket in a room on the server;{' '}
        <code>chat:message</code> is broadcast to that room only, and the server acknowledges each message with how many
        sockets it reached. Move Bob to another room and send again; open a second tab to join from there.
      </figcaption>
    </figure>
  );
}
