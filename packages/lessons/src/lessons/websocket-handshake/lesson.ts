import { defineLesson } from '../../define.ts';
import content from './content.md?raw';

export default defineLesson(
  {
    id: 'websocket-handshake',
    title: 'The WebSocket handshake',
    question: 'How is a WebSocket connection made? Is it an endpoint, an IP address, a new port?',
    summary: 'Upgrade, Key → Accept, subprotocols, Origin, and the ways it fails.',
    minutes: 15,
    status: 'ready',
    goals: [
      'Read a real handshake your browser made: the Upgrade request and the 101 answer, byte for byte.',
      'Work out Sec-WebSocket-Accept from Sec-WebSocket-Key yourself (SHA-1 + a fixed GUID, base64).',
      'Explain how a subprotocol is chosen, and why the server checks Origin.',
      'Make the server refuse a handshake (426, 400, 403) and read the refusal.',
    ],
    predict: {
      prompt:
        'You press a button and this page opens `new WebSocket("ws://…/ws")`. What is the very first thing the server receives on the new TCP connection?',
      choices: [
        { id: 'http-get', label: 'An HTTP GET request with an Upgrade: websocket header' },
        { id: 'ws-frame', label: 'A binary WebSocket frame saying "hello"' },
        { id: 'tls', label: 'A special WebSocket packet on port 80, outside HTTP' },
        { id: 'nothing', label: 'Nothing: the server speaks first and offers a WebSocket' },
      ],
      answer: 'http-get',
      observe: {
        widget: 'HandshakeInspector',
        instructions:
          'Press **Open a WebSocket**. Read the request head the server captured: its first line, then the `Upgrade`, `Connection` and `Sec-WebSocket-*` headers. Then read the `101` answer.',
      },
      explain: `Every WebSocket starts as an ordinary HTTP/1.1 request: \`GET /ws HTTP/1.1\` with
\`Upgrade: websocket\` and \`Connection: Upgrade\` ([RFC 6455 §4.1](https://www.rfc-editor.org/rfc/rfc6455#section-4.1)).
The **client** speaks first, as in every HTTP exchange. Only after the server answers
\`101 Switching Protocols\` does the same TCP connection carry frames — and from then on either side
may send whenever it likes.`,
      answeredBy: ["a plain HTTP request line"],
    },
    recap: [
      'A WebSocket is made by an HTTP/1.1 GET with `Upgrade: websocket`; the server agrees with `101 Switching Protocols` on the same TCP connection and port.',
      'Sec-WebSocket-Accept = base64(SHA-1(Sec-WebSocket-Key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11")): proof the server understood this handshake, not a security feature.',
      'The client offers subprotocols in order; the server picks one it supports or none.',
      'A browser sends Origin on every WebSocket handshake; the server must check it, or any website could open a WebSocket to it with your cookies (those SameSite lets through).',
      'Refusals are ordinary HTTP answers: 426 (no upgrade or wrong version), 400 (bad key), 403 (foreign origin).',
    ],
    challenges: [
      {
        id: 'your-own-key',
        title: 'Find your own key',
        prompt:
          'Open a WebSocket with the inspector above and copy **your browser’s own** `Sec-WebSocket-Key` from the captured request head. Paste it here: the server checks that it really received that key from you.',
        hint: 'It is the 24-character value ending in `==` in the request head (not the Accept in the answer).',
        check: { kind: 'live', check: 'own-websocket-key' },
      },
      {
        id: 'make-it-426',
        title: 'Make the server answer 426',
        prompt:
          'Make the server answer **426 Upgrade Required** to a request of yours on `/ws`. Any way a learner can do it counts: an ordinary request to `/ws` from your browser, or the failure demos. Then type the status code of the answer you got, and press Check: the server looks for that refusal in your captures.',
        hint: 'What happens if you simply open http://…/ws in a new tab, without any Upgrade header?',
        check: { kind: 'live', check: 'server-answered-426' },
      },
      {
        id: 'which-port',
        title: 'Which port after the upgrade?',
        prompt: 'A page at `https://example.com` opens `wss://example.com/chat`. Which server port does the WebSocket use once the handshake is over?',
        hint: 'Does the connection change after the 101?',
        check: {
          kind: 'quiz',
          choices: [
            { id: '443', label: '443, the same TCP connection the handshake used' },
            { id: '80', label: '80, because WebSocket is not HTTPS' },
            { id: 'new', label: 'A new port the server names in the 101 answer' },
            { id: '8080', label: '8080, the WebSocket port' },
          ],
          answer: '443',
        },
      },
    ],
    references: [
      { label: 'RFC 6455 §1.3: Opening handshake', href: 'https://www.rfc-editor.org/rfc/rfc6455#section-1.3' },
      { label: 'RFC 6455 §4.1: Client requirements', href: 'https://www.rfc-editor.org/rfc/rfc6455#section-4.1' },
      { label: 'RFC 6455 §4.2.2: Sending the server’s opening handshake', href: 'https://www.rfc-editor.org/rfc/rfc6455#section-4.2.2' },
      { label: 'RFC 6455 §10.2: Origin considerations', href: 'https://www.rfc-editor.org/rfc/rfc6455#section-10.2' },
      { label: 'RFC 9110 §7.8: Upgrade', href: 'https://www.rfc-editor.org/rfc/rfc9110#section-7.8' },
      { label: 'RFC 9110 §15.5.22: 426 Upgrade Required', href: 'https://www.rfc-editor.org/rfc/rfc9110#section-15.5.22' },
    ],
  },
  content,
);
