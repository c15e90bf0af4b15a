import { defineLesson } from '../../define.ts';
import content from './content.md?raw';

export default defineLesson(
  {
    id: 'who-is-on-the-other-end',
    title: 'Who is on the other end?',
    question: 'The server is aware of the client: how aware, and is that safe?',
    summary: 'The 4-tuple, cookies, Origin checks against hijacking, tokens and limits.',
    minutes: 20,
    status: 'ready',
    goals: [
      'List what a server knows about each connection: 4-tuple, handshake headers, cookie, auth payload, per-socket data, rooms.',
      'Explain why WebSockets escape the same-origin policy, and stop Cross-Site WebSocket Hijacking with an Origin allowlist.',
      'Authenticate a Socket.IO connection with a token and a raw WebSocket with a short-lived single-use ticket.',
      'Protect the server with size, rate and connection limits, and read their close codes (1009, 1008) and statuses (429).',
    ],
    predict: {
      prompt:
        'You are logged in to this server (you have its cookie). A page on another port of the same machine runs `new WebSocket("ws://<this server>/ws")`. What happens?',
      choices: [
        { id: 'sop', label: 'The browser blocks it: the same-origin policy forbids cross-origin WebSockets' },
        { id: 'server-decides', label: 'The browser sends it with your cookie and an Origin header; only the server can refuse it' },
        { id: 'no-cookie', label: 'The browser sends it, but without your cookie' },
        { id: 'preflight', label: 'A CORS preflight (OPTIONS) fails, so the handshake is never sent' },
      ],
      answer: 'server-decides',
      observe: {
        widget: 'CswshDemo',
        instructions:
          'Press **Run the foreign page**. Compare `/ws` and `/socket.io/` (Origin checked) with `/ws/cswsh-demo` (no check), and read what the foreign page got.',
      },
      explain: `WebSockets are not covered by the same-origin policy and there is no CORS preflight for them.
The browser sends the handshake with your cookies (the foreign page is on the *same site*: the port
does not count) and an \`Origin\` header the page cannot forge. The server decides: \`/ws\` and
Socket.IO compare \`Origin\` with their allowlist and answer **403**; the demo endpoint does not, so the
foreign page reads your "private" feed. That is Cross-Site WebSocket Hijacking
([RFC 6455 §10.2](https://www.rfc-editor.org/rfc/rfc6455#section-10.2)).`,
      answeredBy: ["WebSockets have no such rule"],
    },
    recap: [
      'For each open connection the server holds the 4-tuple, the handshake headers (Origin, Cookie…), the Socket.IO auth payload, socket.data, the connect time and its rooms — and nothing beyond what arrived on the socket.',
      'Browsers let any page open a WebSocket to any server and send your cookies with it; they add an Origin header the page cannot forge. Checking Origin against an allowlist is the server’s job.',
      'Socket.IO’s cors option does not stop a WebSocket upgrade: check Origin on every handshake (allowRequest, or your own upgrade router).',
      'Origin is not identity: use expiring credentials. Socket.IO carries a token in its auth payload; a raw WebSocket uses a single-use ticket fetched over HTTP, never a long-lived secret in the URL.',
      'Limit what a client can make the server do: message size (close 1009), rate per connection (close 1008 or a throttle event), connections per browser (429).',
    ],
    challenges: [
      {
        id: 'which-header',
        title: 'Which header?',
        prompt: 'Which request header lets a server refuse WebSocket handshakes started by pages from other origins?',
        hint: 'The browser sets it, and no script can change it.',
        check: {
          kind: 'quiz',
          choices: [
            { id: 'host', label: 'Host' },
            { id: 'origin', label: 'Origin' },
            { id: 'cookie', label: 'Cookie' },
            { id: 'key', label: 'Sec-WebSocket-Key' },
          ],
          answer: 'origin',
        },
      },
      {
        id: 'reused-ticket',
        title: 'A ticket used twice',
        prompt:
          'In the token widget, fetch a ticket, open `/ws/private` with it, then reuse the same ticket. Your browser only reports a failed connection. Which HTTP **status** did the server answer the second handshake with? The check repeats the experiment on the server and compares.',
        hint: 'Press **Ask the server why** after the refusal.',
        check: { kind: 'live', check: 'reused-ticket-status' },
      },
      {
        id: 'flood-close-code',
        title: 'Over the rate',
        prompt:
          'Open `/ws/limited` in the limits widget and send 200 messages at once. Which **close code** did the server end the connection with? The check floods a connection of its own and compares.',
        hint: 'RFC 6455 §7.4.1 calls it Policy Violation.',
        check: { kind: 'live', check: 'rate-limit-close-code' },
      },
    ],
    references: [
      { label: 'RFC 6455 §10: Security Considerations', href: 'https://www.rfc-editor.org/rfc/rfc6455#section-10' },
      { label: 'RFC 6455 §10.2: Origin Considerations', href: 'https://www.rfc-editor.org/rfc/rfc6455#section-10.2' },
      { label: 'RFC 6455 §10.5: WebSocket Client Authentication', href: 'https://www.rfc-editor.org/rfc/rfc6455#section-10.5' },
      { label: 'RFC 6455 §7.4.1: Defined Status Codes', href: 'https://www.rfc-editor.org/rfc/rfc6455#section-7.4.1' },
      { label: 'OWASP WebSocket Security Cheat Sheet', href: 'https://cheatsheetseries.owasp.org/cheatsheets/WebSocket_Security_Cheat_Sheet.html' },
      {
        label: 'OWASP Web Security Testing Guide: Testing WebSockets',
        href: 'https://owasp.org/www-project-web-security-testing-guide/latest/4-Web_Application_Security_Testing/11-Client-side_Testing/10-Testing_WebSockets',
      },
      { label: 'Christian Schneider: Cross-Site WebSocket Hijacking (2013)', href: 'https://christian-schneider.net/CrossSiteWebSocketHijacking.html' },
      { label: 'Socket.IO: middlewares and the auth payload', href: 'https://socket.io/docs/v4/middlewares/' },
    ],
  },
  content,
);
