// A chat with rooms, shown as two clients side by side so you can watch a message reach its room
// and nobody else. The server keeps each client's name, room, join time and message count in socket.data.

import { useMachine } from '@xstate/react';
import { useEffect, useMemo, useState } from 'react';
import { io } from 'socket.io-client';
import type { ChatMember, ChatMessage } from '@loopwire/contract';
import { ioSessionMachine } from '../../lib/live/ioSession.machine.ts';
import '../../design/lab-panels.css';

const rooms = ['lobby', 'warehouse', 'drivers'];
const connectChat = (auth: Record<string, unknown>) => io('/chat', { auth, forceNew: true, reconnection: false, transports: ['websocket'] });

function ChatClient({ label, defaultName }: { label: string; defaultName: string }) {
  const input = useMemo(() => ({ connect: connectChat }), []);
  const [state, send] = useMachine(ioSessionMachine, { input });
  const [name, setName] = useState(defaultName);
  const [room, setRoom] = useState('lobby');
  const [text, setText] = useState('');
  const [messages, setMessages] = useState<ChatMessage[]>([]);
  const [members, setMembers] = useState<ChatMember[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const socket = state.context.socket;
  const open = state.matches({ session: 'open' });
  const ids = { name: `${label}-name`, room: `${label}-room`, text: `${label}-text` };

  useEffect(() => {
    if (!socket) return;
    const onMessage = (message: ChatMessage) => setMessages((previous) => [...previous, message].slice(-50));
    const onRoster = (roster: { room: string; members: ChatMember[] }) => setMembers(roster.members);
    socket.on('chat:message', onMessage);
    socket.on('chat:roster', onRoster);
    return () => {
      socket.off('chat:message', onMessage);
      socket.off('chat:roster', onRoster);
    };
  }, [socket]);

  async function join(next: string) {
    setRoom(next);
    if (!socket) return;
    const reply = (await socket.emitWithAck('chat:join', { room: next })) as { ok: boolean; error?: string };
    setNotice(reply.ok ? null : (reply.error ?? 'could not join'));
    setMessages([]);
  }

  async function say() {
    if (!socket || !text.trim()) return;
    const reply = (await socket.emitWithAck('chat:send', text)) as { ok: boolean; error?: string };
    setNotice(reply.ok ? null : (reply.error ?? 'not sent'));
    if (reply.ok) setText('');
  }

  return (
    <section className="lab-panel" aria-label={`Chat client ${label}`}>
      <h3>Client {label}</h3>
      {!open ? (
        <div className="lab-row">
          <label htmlFor={ids.name}>Name</label>
          <input id={ids.name} className="input" value={name} maxLength={24} onChange={(event) => setName(event.target.value)} />
          <button
            type="button"
            className="button button--primary"
            onClick={() => {
              setRoom('lobby');
              setMessages([]);
              send({ type: 'CONNECT', auth: { name } });
            }}
          >
            Join chat
          </button>
        </div>
      ) : (
        <>
          <div className="lab-row">
            <label htmlFor={ids.room}>Room</label>
            <select id={ids.room} className="input" value={room} onChange={(event) => void join(event.target.value)}>
              {rooms.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
            <button type="button" className="button" onClick={() => send({ type: 'DISCONNECT' })}>
              Leave
            </button>
          </div>
          <ul className="lab-log" aria-live="polite" aria-label={`Messages in ${room}`}>
            {messages.length === 0 ? <li className="widget__empty">No messages in {room} yet.</li> : null}
            {messages.map((message) => (
              <li key={message.id}>
                <strong>{message.from}</strong>: {message.text}
              </li>
            ))}
          </ul>
          <form
            className="lab-row"
            onSubmit={(event) => {
              event.preventDefault();
              void say();
            }}
          >
            <label htmlFor={ids.text}>Message</label>
            <input id={ids.text} className="input" value={text} maxLength={500} onChange={(event) => setText(event.target.value)} />
            <button type="submit" className="button">
              Send
            </button>
          </form>
          <table className="table">
            <caption className="widget__caption">socket.data of everyone in {room}</caption>
            <thead>
              <tr>
                <th scope="col">name</th>
                <th scope="col">joined</th>
                <th scope="col">sent</th>
              </tr>
            </thead>
            <tbody>
              {members.map((member) => (
                <tr key={member.id}>
                  <td>{member.name}</td>
                  <td>{new Date(member.joinedAt).toLocaleTimeString()}</td>
                  <td>{member.sent}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {state.matches('refused') ? <p className="widget__error">{state.context.error?.message}</p> : null}
      {notice ? <p className="widget__error">{notice}</p> : null}
    </section>
  );
}

export default function ChatRoom() {
  return (
    <figure className="widget" aria-label="Chat rooms">
      <div className="widget__bar">
        <strong className="widget__title">Chat rooms</strong>
      </div>
      <div className="lab-grid">
        <ChatClient label="A" defaultName="Ada" />
        <ChatClient label="B" defaultName="Bob" />
      </div>
      <figcaption className="widget__caption">
        Two real Socket.IO connections on namespace <code>/chat</code>. Put them in different rooms and a message
        reaches only its own room: the server sends to <code>io.of('/chat').to(room)</code>, not to everyone.
      </figcaption>
    </figure>
  );
}
