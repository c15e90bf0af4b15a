// /labs/transports: the five transports side by side — the race, long polling held open, the raw SSE
// stream, server push and server close, and Socket.IO vs plain WebSocket.

import { Suspense } from 'react';
import { Link } from 'react-router';
import { widgets } from '../../widgets/registry.ts';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';

const { TransportRace, LongPollDemo, SseStream, ServerPush, ProtocolMismatch, FeedChatRoom } = widgets;

export default function TransportsLab() {
  useDocumentTitle('Transports side by side · Loopwire');
  return (
    <div className="lab">
      <p className="eyebrow">Lab</p>
      <h1>Transports side by side</h1>
      <p className="hero__lead">
        One message feed, five ways to get it into this page: short polling, long polling, Server-Sent Events, a plain
        WebSocket and Socket.IO. Everything below is measured on your machine, against the live server.
      </p>
      <Suspense fallback={<p className="loading">Loading the lab…</p>}>
        <section aria-labelledby="race-heading">
          <h2 id="race-heading">The race</h2>
          <p>
            Post the same messages once; watch five clients receive them. Read it with{' '}
            <Link to="/lessons/polling-and-long-polling">Polling and long polling</Link>.
          </p>
          <TransportRace />
        </section>
        <section aria-labelledby="long-heading">
          <h2 id="long-heading">Long polling: held, then released together</h2>
          <LongPollDemo />
        </section>
        <section aria-labelledby="sse-heading">
          <h2 id="sse-heading">The raw event stream</h2>
          <p>
            See <Link to="/lessons/server-sent-events">Server-Sent Events</Link>.
          </p>
          <SseStream />
        </section>
        <section aria-labelledby="push-heading">
          <h2 id="push-heading">The server speaks first, and hangs up</h2>
          <ServerPush />
        </section>
        <section aria-labelledby="mismatch-heading">
          <h2 id="mismatch-heading">Socket.IO is not WebSocket</h2>
          <p>
            See <Link to="/lessons/socketio-is-not-websocket">Socket.IO is not WebSocket</Link>.
          </p>
          <ProtocolMismatch />
        </section>
        <section aria-labelledby="chat-heading">
          <h2 id="chat-heading">A chat room: rooms and acknowledgements</h2>
          <FeedChatRoom />
        </section>
      </Suspense>
    </div>
  );
}
