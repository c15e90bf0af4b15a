import { defineLesson } from '../../define.ts';
import content from './content.md?raw';

export default defineLesson(
  {
    id: 'http-request-response',
    title: 'HTTP request/response',
    question: 'What exactly does my browser send, and why does the client always speak first?',
    summary: 'The exact bytes of a request and a response; keep-alive.',
    minutes: 12,
    status: 'ready',
    goals: [
      'Read a real HTTP/1.1 request and response head, byte for byte: start line, headers, blank line.',
      'Explain why, in HTTP, the client always initiates and the server only answers.',
      'Tell how the reader finds where a message ends (Content-Length, chunked).',
      'See keep-alive reuse one TCP connection for several exchanges — "connectionless" is not quite right.',
    ],
    predict: {
      prompt:
        'This server has news for you (say, a new chat message) while your page sits idle with no request pending. Using plain HTTP request/response, how can the server tell you?',
      choices: [
        { id: 'cannot', label: 'It cannot: it has to wait until the browser sends a request, then answer it' },
        { id: 'push', label: 'It sends an HTTP response to the browser’s IP address' },
        { id: 'keepalive', label: 'It writes a response on the kept-alive connection' },
        { id: 'port', label: 'It opens a connection to port 80 on your machine' },
      ],
      answer: 'cannot',
      observe: {
        widget: 'HttpExchange',
        instructions:
          'Press **Send the request** a few times. Look at the request head (what your browser sent first) and the response head (what the server answered). Is there ever a response without a request before it?',
      },
      explain: `HTTP is a request/response protocol: "a client sends an HTTP request to a server… a
server responds" ([RFC 9110 §3.3](https://www.rfc-editor.org/rfc/rfc9110#section-3.3)). A response
only exists as the answer to a request on the same connection. Even on a kept-alive connection
the server may not write anything until the next request arrives, and your browser does not
listen for incoming connections at all. That is why polling, long polling, Server-Sent Events and
WebSocket exist: they are the ways around this rule, and the next lessons take them one at a time.`,
      answeredBy: ["a response nobody asked for does not exist", "the client speaking first"],
    },
    recap: [
      'An HTTP/1.1 message is a start line, header lines, each ending in CRLF, then an empty line, then an optional body.',
      'The client always initiates: every response answers a request that came first on that connection.',
      'The end of a body is known from Content-Length or from chunked transfer coding — that is how one connection can carry many messages.',
      'Keep-alive reuses one TCP connection for many exchanges; each exchange still stands alone (HTTP is stateless, cookies carry memory).',
    ],
    challenges: [
      {
        id: 'count-the-head',
        title: 'Count the bytes of your request head',
        prompt:
          'Send a `GET /api/health` request with the widget above, and read how many bytes your browser’s request head took (the capture shows it, or count the lines yourself: every line ends in 2 bytes, CR LF). Type the number for your **newest** `/api/health` request.',
        hint: 'The heading above the request head says “(N bytes)”. It includes the final empty line.',
        check: { kind: 'live', check: 'request-head-size' },
      },
      {
        id: 'who-starts',
        title: 'Who starts?',
        prompt: 'In HTTP/1.1 without any extension, which side sends the first byte of every exchange?',
        hint: 'Look at the order in the sequence of any capture.',
        check: {
          kind: 'quiz',
          choices: [
            { id: 'client', label: 'The client, always' },
            { id: 'server', label: 'The server, when it has news' },
            { id: 'either', label: 'Either side, after keep-alive is set up' },
          ],
          answer: 'client',
        },
      },
      {
        id: 'where-it-ends',
        title: 'Where does the body end?',
        prompt: 'A kept-alive connection carries two responses back to back. How does the browser know where the first response body ends?',
        hint: 'Look for a header that counts.',
        check: {
          kind: 'quiz',
          choices: [
            { id: 'length', label: 'Content-Length (or the chunked coding’s zero-size last chunk)' },
            { id: 'close', label: 'The server closes the connection after each body' },
            { id: 'blank', label: 'An empty line after the body' },
            { id: 'timeout', label: 'A short pause in the data' },
          ],
          answer: 'length',
        },
      },
    ],
    references: [
      { label: 'RFC 9112 §2: HTTP/1.1 message format', href: 'https://www.rfc-editor.org/rfc/rfc9112#section-2' },
      { label: 'RFC 9112 §6: Message body length', href: 'https://www.rfc-editor.org/rfc/rfc9112#section-6' },
      { label: 'RFC 9112 §9.3: Persistence (keep-alive)', href: 'https://www.rfc-editor.org/rfc/rfc9112#section-9.3' },
      { label: 'RFC 9110 §3.3: Connections, clients and servers', href: 'https://www.rfc-editor.org/rfc/rfc9110#section-3.3' },
      { label: 'RFC 9110 §3.2 and §3.4: Resources, statelessness', href: 'https://www.rfc-editor.org/rfc/rfc9110#section-3' },
    ],
  },
  content,
);
