import { defineLesson } from '../../define.ts';
import content from './content.md?raw';

export default defineLesson(
  {
    id: 'frames-and-messages',
    title: 'Frames and messages',
    question: 'Does WebSocket save bandwidth? What actually travels after the handshake?',
    summary: 'FIN, opcode, mask and length; ping/pong; close codes; bytes measured.',
    minutes: 15,
    status: 'ready',
    goals: [
      'Decode a WebSocket frame header field by field: FIN, RSV, opcode, MASK, payload length, masking key.',
      'Explain why browser frames are masked and server frames are not.',
      'Tell messages from frames (fragmentation), and data frames from control frames (ping, pong, close).',
      'Measure the bytes a small message costs over WebSocket and over HTTP, and say when the difference matters.',
    ],
    predict: {
      prompt: 'Your page sends the 5-character text “Hello” over an open WebSocket. How many bytes does that take on the wire, frame header included?',
      choices: [
        { id: 'eleven', label: 'About 11 bytes' },
        { id: 'five', label: 'Exactly 5 bytes: just the text' },
        { id: 'hundreds', label: 'A few hundred bytes, like an HTTP request' },
        { id: 'kilobyte', label: 'At least a kilobyte, TCP packets are padded' },
      ],
      answer: 'eleven',
      observe: {
        widget: 'HandshakeInspector',
        instructions:
          'Press **Open a WebSocket**, then **Send** the message `Hello`. In the frame table, read the “on the wire” column of your frame (browser →) and of the echo (← server). Choose the frame number to see its bytes.',
      },
      explain: `Your frame is 2 bytes of header (FIN + opcode, MASK + length), 4 bytes of masking key, and
the 5 payload bytes: **11 bytes**. The server's echo has no mask, so it is **7 bytes**
([RFC 6455 §5.2](https://www.rfc-editor.org/rfc/rfc6455#section-5.2)). The same message as an HTTP
request would carry a whole request head — often 400 to 800 bytes from a browser, with cookies —
and a response head of 150 or more. (TCP and IP add their own ~40 bytes per packet to both; they
are the same for every protocol here.)`,
      answeredBy: ["**11 bytes** from the browser"],
    },
    recap: [
      'After the 101, the connection carries frames: a 2–14 byte header, then the payload.',
      'Frames from the browser are always masked with a fresh 4-byte key; frames from the server never are.',
      'A message can span several frames (FIN = 0 until the last, continuation opcode 0x0).',
      'Ping, pong and close are control frames, at most 125 bytes; a clean close is one close frame each way, with a code such as 1000.',
      'WebSocket saves the per-message headers, not the content: for small, frequent messages that is most of the bytes; for large payloads it hardly matters.',
    ],
    challenges: [
      {
        id: 'bytes-of-hi',
        title: 'Weigh a message',
        prompt:
          'Send the text `hi` over a WebSocket with the inspector, then read **your** frame (browser →) in the frame table. How many bytes did it take on the wire, header included? The server checks your answer against the frame it captured.',
        hint: 'Header (2) + masking key (4) + payload. The “on the wire” column adds them up.',
        check: { kind: 'live', check: 'bytes-of-hi-frame' },
      },
      {
        id: 'fragmented-message',
        title: 'One message, several frames',
        prompt:
          'In the inspector, open a WebSocket and press **Ask the server for a fragmented message**. Your page receives one message; how many frames carried it? The server checks your answer against the frames it sent you, FIN = 0 and opcode 0x0 included.',
        hint: 'Count from the frame with FIN = 0 and opcode 0x1 (text) to the continuation frame (opcode 0x0) with FIN = 1.',
        check: { kind: 'live', check: 'fragmented-message-frames' },
      },
      {
        id: 'private-close',
        title: 'Close with a code of your own',
        prompt:
          'Close a WebSocket with a **private-use** close code (4000–4999) — the inspector lets you choose 4000 — and type the code you used. The server checks that it received your close frame with that code.',
        hint: 'Codes 4000–4999 are for applications to agree on between themselves (RFC 6455 §7.4.2).',
        check: { kind: 'live', check: 'private-close-code' },
      },
      {
        id: 'why-mask',
        title: 'Why mask?',
        prompt: 'Why must browsers mask every frame they send?',
        hint: 'It is about boxes in the middle of the network, not about secrecy: the key travels in the clear.',
        check: {
          kind: 'quiz',
          choices: [
            { id: 'proxies', label: 'So a page cannot make its bytes look like other protocols to caches and proxies on the path' },
            { id: 'secret', label: 'To encrypt the message' },
            { id: 'compress', label: 'To compress text' },
            { id: 'checksum', label: 'To detect transmission errors' },
          ],
          answer: 'proxies',
        },
      },
    ],
    references: [
      { label: 'RFC 6455 §5.2: Base framing protocol', href: 'https://www.rfc-editor.org/rfc/rfc6455#section-5.2' },
      { label: 'RFC 6455 §5.3: Client-to-server masking', href: 'https://www.rfc-editor.org/rfc/rfc6455#section-5.3' },
      { label: 'RFC 6455 §5.4: Fragmentation', href: 'https://www.rfc-editor.org/rfc/rfc6455#section-5.4' },
      { label: 'RFC 6455 §5.5: Control frames', href: 'https://www.rfc-editor.org/rfc/rfc6455#section-5.5' },
      { label: 'RFC 6455 §7.4: Status codes', href: 'https://www.rfc-editor.org/rfc/rfc6455#section-7.4' },
      { label: 'RFC 6455 §10.3: Attacks on infrastructure (masking)', href: 'https://www.rfc-editor.org/rfc/rfc6455#section-10.3' },
      { label: 'RFC 9112 §2: HTTP/1.1 message format', href: 'https://www.rfc-editor.org/rfc/rfc9112#section-2' },
    ],
  },
  content,
);
