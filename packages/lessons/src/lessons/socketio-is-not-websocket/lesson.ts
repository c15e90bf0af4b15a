import { defineLesson } from '../../define.ts';
import content from './content.md?raw';

export default defineLesson(
  {
    id: 'socketio-is-not-websocket',
    title: 'Socket.IO is not WebSocket',
    question: 'Why can’t a plain WebSocket client talk to a Socket.IO server?',
    summary: 'Engine.IO packets, polling first then the upgrade probe, and the two failures shown live.',
    minutes: 15,
    status: 'ready',
    goals: [
      'Name the two layers of Socket.IO (Engine.IO and Socket.IO) and decode packets like `0{…}`, `2`, `42[…]` and `431[…]`.',
      'Describe how a Socket.IO session starts on long polling and upgrades with `2probe` / `3probe` / `5`.',
      'Show live why a plain WebSocket client and a Socket.IO server (and the reverse) do not understand each other.',
      'Say what Socket.IO adds on top (reconnection, acks, fallback, and server-side rooms) and what it costs.',
    ],
    predict: {
      prompt:
        'A plain browser WebSocket connects to ws://…/socket.io/?EIO=4&transport=websocket on a Socket.IO server. What happens?',
      choices: [
        { id: 'refused', label: 'The handshake is refused: Socket.IO servers reject plain WebSockets' },
        { id: 'works', label: 'It works like any WebSocket: send text, get text back' },
        { id: 'packets', label: 'The handshake succeeds, then the client receives Engine.IO packets it does not understand' },
        { id: 'upgrade', label: 'The server downgrades the connection to long polling' },
      ],
      answer: 'packets',
      observe: {
        widget: 'ProtocolMismatch',
        instructions: 'Press **Connect** under "Plain WebSocket → /socket.io/", read the first message, then **Send “hello”**.',
      },
      explain: `The WebSocket handshake is the same for everyone, so it succeeds with \`101\`. From then on the
server speaks Engine.IO: the first frame is the open packet \`0{"sid":…,"pingInterval":25000,…}\`, and
every 25 s a ping \`2\` that a plain client never answers with \`3\`. A frame that is not an Engine.IO
packet ("hello") makes the server close the connection. Same frames
([RFC 6455 §5](https://www.rfc-editor.org/rfc/rfc6455#section-5)), different protocol inside them.`,
      answeredBy: ["the handshake succeeds: it is a real WebSocket"],
    },
    recap: [
      'Socket.IO is a protocol of its own, in two layers: Engine.IO (transport, session, heartbeats, upgrade) and Socket.IO (namespaces, events, acks). Rooms are not in the protocol: they live only in the server library.',
      'Engine.IO types: 0 open, 1 close, 2 ping, 3 pong, 4 message, 5 upgrade, 6 noop; `42[…]` is a Socket.IO event inside an Engine.IO message.',
      'A session starts on long polling and upgrades to WebSocket after a `2probe`/`3probe` exchange; if WebSocket fails, it stays on polling.',
      'A plain WebSocket client cannot talk to a Socket.IO server, nor a Socket.IO client to a plain WebSocket server: both ends need the Socket.IO library.',
    ],
    challenges: [
      {
        id: 'read-ping-interval',
        title: 'Read the open packet',
        prompt:
          'Connect the plain WebSocket to /socket.io/ in the widget above and type the **pingInterval** (in ms) the server announced in its open packet.',
        hint: 'The first message starts with 0 followed by JSON.',
        check: { kind: 'live', check: 'engineio-ping-interval' },
      },
      {
        id: 'decode-packet',
        title: 'Decode a packet',
        prompt: 'A Socket.IO WebSocket frame carries `421["chat:message","hi"]`. What is it?',
        hint: 'First digit: Engine.IO type. Second digit: Socket.IO type. Then an optional ack id.',
        check: {
          kind: 'quiz',
          choices: [
            { id: 'ack-event', label: 'An event "chat:message" with argument "hi", asking for acknowledgement 1' },
            { id: 'ping', label: 'A ping with payload 21' },
            { id: 'room', label: 'A message to room 421' },
            { id: 'ack-reply', label: 'The acknowledgement of message 21' },
          ],
          answer: 'ack-event',
        },
      },
      {
        id: 'first-transport',
        title: 'Which transport first?',
        prompt: 'With default options, which transport does a Socket.IO client use for its very first request?',
        hint: 'Look at the order of steps in "Polling first, then the upgrade probe".',
        check: {
          kind: 'quiz',
          choices: [
            { id: 'websocket', label: 'WebSocket' },
            { id: 'polling', label: 'HTTP long polling' },
            { id: 'sse', label: 'Server-Sent Events' },
            { id: 'webtransport', label: 'WebTransport' },
          ],
          answer: 'polling',
        },
      },
    ],
    references: [
      { label: 'Socket.IO docs: What Socket.IO is not', href: 'https://socket.io/docs/v4/#what-socketio-is-not' },
      { label: 'Engine.IO protocol (v4)', href: 'https://socket.io/docs/v4/engine-io-protocol/' },
      { label: 'Socket.IO protocol (v5)', href: 'https://socket.io/docs/v4/socket-io-protocol/' },
      { label: 'Socket.IO docs: How it works (upgrade mechanism)', href: 'https://socket.io/docs/v4/how-it-works/' },
      { label: 'RFC 6455 §5: Data framing', href: 'https://www.rfc-editor.org/rfc/rfc6455#section-5' },
    ],
  },
  content,
);
