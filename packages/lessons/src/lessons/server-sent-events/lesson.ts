import { defineLesson } from '../../define.ts';
import content from './content.md?raw';

export default defineLesson(
  {
    id: 'server-sent-events',
    title: 'Server-Sent Events',
    question: 'Is streaming the same as WebSocket?',
    summary: 'text/event-stream, named events, reconnecting with Last-Event-ID; HTTP streaming is not WebSocket.',
    minutes: 12,
    status: 'ready',
    goals: [
      'Read a raw `text/event-stream`: `data:`, `event:`, `id:`, `retry:` and comment lines, events ended by a blank line.',
      'Explain how EventSource reconnects and resumes with `Last-Event-ID`, without loss or duplicates.',
      'Say why SSE is one-way, and when that is exactly what you want.',
      'Tell HTTP streaming from WebSocket on the wire: a 200 that never ends vs a 101 and frames.',
    ],
    predict: {
      prompt:
        'You are reading the SSE stream. The server drops the connection, and two messages are posted while it is down. What happens when the client reconnects?',
      choices: [
        { id: 'lost', label: 'The two messages are lost: the client only sees what arrives after it reconnects' },
        { id: 'replayed', label: 'The client sends the last id it saw, and the server replays exactly the two it missed' },
        { id: 'all', label: 'The server sends the whole history again, and the page removes duplicates' },
        { id: 'never', label: 'Nothing: an SSE client does not reconnect by itself' },
      ],
      answer: 'replayed',
      observe: {
        widget: 'SseStream',
        instructions:
          'Press **Open the stream**, wait for a message line with an `id:`, then press **Drop connection** and read what the reconnecting request carries.',
      },
      explain: `When the stream ends, the client waits the \`retry:\` delay and sends the GET again with
\`Last-Event-ID\` set to the last \`id:\` it received
([HTML Living Standard §9.2.3](https://html.spec.whatwg.org/multipage/server-sent-events.html#sse-processing-model)).
This server keeps a bounded history of the feed, so it can replay everything after that id: the
\`notice\` says \`"replaying":2\` and exactly those two messages follow. The resume point only works
because the server numbers its events; a stream without \`id:\` lines cannot be resumed.`,
      answeredBy: ["replays every feed message after 42"],
    },
    recap: [
      'SSE is one HTTP response that never ends: `Content-Type: text/event-stream`, events made of `field: value` lines and a blank line.',
      '`event:` names an event for `addEventListener`; `id:` is the resume point; `retry:` the reconnection delay; `:` lines are comments (heartbeats).',
      'EventSource reconnects by itself and sends `Last-Event-ID`; a server that numbers its events can replay exactly what was missed.',
      'SSE is server → client only. A WebSocket is a different protocol after a `101`: frames, both directions, no built-in resume.',
    ],
    challenges: [
      {
        id: 'read-retry',
        title: 'How long will it wait?',
        prompt:
          'How many milliseconds does this server tell EventSource to wait before reconnecting? Read it from the raw stream and type the number.',
        hint: 'It is the very first line the server writes.',
        check: { kind: 'live', check: 'sse-retry-delay' },
      },
      {
        id: 'talk-back',
        title: 'Talking back',
        prompt: 'A page has an open SSE stream and wants to send a chat message to the server. How does it do that?',
        hint: 'What can a client write on the stream after its GET?',
        check: {
          kind: 'quiz',
          choices: [
            { id: 'write-stream', label: 'It writes the message on the event stream' },
            { id: 'separate-request', label: 'It makes a separate HTTP request, e.g. a POST' },
            { id: 'event-name', label: 'It sends an event named "message" back' },
            { id: 'cannot', label: 'It cannot: the server must poll the page' },
          ],
          answer: 'separate-request',
        },
      },
      {
        id: 'which-status',
        title: 'Which status code?',
        prompt: 'Which status line starts a working SSE stream?',
        hint: 'SSE never leaves HTTP.',
        check: {
          kind: 'quiz',
          choices: [
            { id: '101', label: 'HTTP/1.1 101 Switching Protocols' },
            { id: '200', label: 'HTTP/1.1 200 OK' },
            { id: '204', label: 'HTTP/1.1 204 No Content' },
            { id: '206', label: 'HTTP/1.1 206 Partial Content' },
          ],
          answer: '200',
        },
      },
    ],
    references: [
      { label: 'HTML Living Standard §9.2: Server-sent events', href: 'https://html.spec.whatwg.org/multipage/server-sent-events.html' },
      {
        label: 'HTML Living Standard: Parsing an event stream',
        href: 'https://html.spec.whatwg.org/multipage/server-sent-events.html#parsing-an-event-stream',
      },
      { label: 'RFC 6455 §1.7: Relationship to TCP and HTTP', href: 'https://www.rfc-editor.org/rfc/rfc6455#section-1.7' },
      { label: 'RFC 6202 §3: HTTP streaming', href: 'https://www.rfc-editor.org/rfc/rfc6202#section-3' },
    ],
  },
  content,
);
