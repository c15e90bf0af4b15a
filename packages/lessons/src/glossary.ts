// The glossary: every term the lessons lean on, defined once. Lesson Markdown links a term with
// `[text](/glossary#<id>)`; the content lint checks each such link resolves to an entry here.

import type { Markdown } from './types.ts';

export interface GlossaryEntry {
  /** Anchor on the glossary page: `/glossary#<id>`. */
  id: string;
  term: string;
  /** Other names a learner may search for. */
  aliases?: string[];
  /** One to three sentences. Markdown; links follow the lesson conventions. */
  definition: Markdown;
  /** Phrases that link to this entry wherever they first appear in a lesson section, without any
   *  Markdown (matched whole-word, any case; never inside code, links or headings). Only phrases
   *  that mean this term and nothing else: "port" would link every "port" in every lesson. */
  autolink?: string[];
  /** Where the term is taught: `/lessons/<id>` or `/lessons/<id>#<section>`. */
  lessons: string[];
  /** The spec or doc the definition rests on. */
  source?: { label: string; href: string };
}

const rfc6455 = (section: string, label: string) => ({
  label: `RFC 6455 §${section}: ${label}`,
  href: `https://www.rfc-editor.org/rfc/rfc6455#section-${section}`,
});

export const glossary: readonly GlossaryEntry[] = [
  {
    id: 'ip-address',
    term: 'IP address',
    definition:
      'The number that names a machine’s network interface, such as `127.0.0.1` (this machine) or `192.0.2.10`. IP delivers packets to an address, with no promise about order or delivery.',
    lessons: ['/lessons/endpoints-and-layers#layers'],
  },
  {
    id: 'port',
    term: 'Port',
    definition:
      'A 16-bit number (1–65535) that picks one conversation on a machine. A server listens on a known port (80, 443, 3000); the client side gets an [ephemeral port](/glossary#ephemeral-port).',
    lessons: ['/lessons/endpoints-and-layers#sockets'],
    source: { label: 'RFC 9293 §3.3: TCP connections and sockets', href: 'https://www.rfc-editor.org/rfc/rfc9293#section-3.3' },
  },
  {
    id: 'ephemeral-port',
    term: 'Ephemeral port',
    aliases: ['client port', 'source port'],
    autolink: ['ephemeral port', 'ephemeral ports'],
    definition:
      'The port the client’s operating system picks for each new outgoing connection. It is why two tabs on one machine can hold two connections to the same server port.',
    lessons: ['/lessons/endpoints-and-layers#sockets'],
  },
  {
    id: 'socket',
    term: 'Socket',
    definition:
      'One end of a connection: an [IP address](/glossary#ip-address) plus a [port](/glossary#port). In code, also the object a program reads and writes that end through.',
    lessons: ['/lessons/endpoints-and-layers#sockets'],
    source: { label: 'RFC 9293 §3.3: TCP connections and sockets', href: 'https://www.rfc-editor.org/rfc/rfc9293#section-3.3' },
  },
  {
    id: '4-tuple',
    term: '4-tuple',
    aliases: ['four-tuple', 'connection id'],
    autolink: ['4-tuple'],
    definition:
      'The four numbers that name one TCP connection: client IP, client port, server IP, server port. Thousands of connections share one listening port because their client halves differ.',
    lessons: ['/lessons/endpoints-and-layers#sockets', '/lessons/who-is-on-the-other-end'],
  },
  {
    id: 'endpoint',
    term: 'Endpoint',
    definition:
      'Two meanings. To a network engineer: an IP address plus a port, one end of a connection (a [socket](/glossary#socket)). To an API designer: a URL path the server answers, such as `GET /api/health`. Say which one you mean.',
    lessons: ['/lessons/endpoints-and-layers#endpoint'],
  },
  {
    id: 'tcp',
    term: 'TCP',
    aliases: ['Transmission Control Protocol'],
    definition:
      'The transport protocol that turns IP packets into a reliable, ordered stream of bytes between two sockets. HTTP/1.1 and WebSocket are both carried by it.',
    lessons: ['/lessons/endpoints-and-layers#layers'],
    source: { label: 'RFC 9293: Transmission Control Protocol', href: 'https://www.rfc-editor.org/rfc/rfc9293' },
  },
  {
    id: 'keep-alive',
    term: 'Keep-alive',
    aliases: ['persistent connection'],
    autolink: ['keep-alive'],
    definition:
      'HTTP/1.1 keeps a TCP connection open after a response so the next request can reuse it. One connection then carries several request/response pairs, one after another.',
    lessons: ['/lessons/http-request-response#keep-alive', '/lessons/endpoints-and-layers#sockets'],
    source: { label: 'RFC 9112 §9.3: Persistence', href: 'https://www.rfc-editor.org/rfc/rfc9112#section-9.3' },
  },
  {
    id: 'upgrade',
    term: 'Upgrade',
    definition:
      'An HTTP/1.1 header by which a client asks to switch the connection to another protocol. A server that agrees answers `101 Switching Protocols`, and from the next byte the connection speaks the new protocol.',
    lessons: ['/lessons/websocket-handshake#upgrade-request', '/lessons/endpoints-and-layers#layers'],
    source: { label: 'RFC 9110 §7.8: Upgrade', href: 'https://www.rfc-editor.org/rfc/rfc9110#section-7.8' },
  },
  {
    id: 'handshake',
    term: 'Handshake',
    aliases: ['opening handshake'],
    autolink: ['opening handshake', 'WebSocket handshake'],
    definition:
      'The exchange that opens a WebSocket: an HTTP `GET` with `Upgrade: websocket` and a `Sec-WebSocket-Key`, answered by `101` with a `Sec-WebSocket-Accept` derived from that key (SHA-1 of key + a fixed GUID, base64).',
    lessons: ['/lessons/websocket-handshake#accept', '/lessons/websocket-handshake#switching'],
    source: rfc6455('4', 'Opening handshake'),
  },
  {
    id: 'subprotocol',
    term: 'Subprotocol',
    aliases: ['Sec-WebSocket-Protocol'],
    autolink: ['subprotocol', 'subprotocols'],
    definition:
      'An application protocol spoken inside a WebSocket, negotiated in the handshake: the client offers a list in `Sec-WebSocket-Protocol`, the server picks at most one and names it in its answer.',
    lessons: ['/lessons/websocket-handshake#subprotocols'],
    source: rfc6455('1.9', 'Subprotocols using the WebSocket protocol'),
  },
  {
    id: 'frame',
    term: 'Frame',
    definition:
      'The unit WebSocket sends on the wire: a 2–14 byte header (FIN, RSV, [opcode](/glossary#opcode), MASK, payload length, masking key) followed by the payload. A message is one or more frames.',
    lessons: ['/lessons/frames-and-messages#frame', '/lessons/frames-and-messages#fragmentation'],
    source: rfc6455('5.2', 'Base framing protocol'),
  },
  {
    id: 'opcode',
    term: 'Opcode',
    autolink: ['opcode', 'opcodes'],
    definition:
      'Four bits in a frame header saying what the frame is: `0x1` text, `0x2` binary, `0x0` continuation, and the control frames `0x8` close, `0x9` ping, `0xA` pong.',
    lessons: ['/lessons/frames-and-messages#frame'],
    source: rfc6455('5.2', 'Base framing protocol'),
  },
  {
    id: 'masking',
    term: 'Masking',
    aliases: ['masking key'],
    autolink: ['masking key', 'masking'],
    definition:
      'Every frame from client to server is XORed with a fresh random 4-byte key carried in its header; server frames are not masked. It protects proxies from cache poisoning, not your data: the key travels with the frame.',
    lessons: ['/lessons/frames-and-messages#masking'],
    source: rfc6455('5.3', 'Client-to-server masking'),
  },
  {
    id: 'ping-pong',
    term: 'Ping and pong',
    autolink: ['ping/pong'],
    definition:
      'Control frames for keep-alive checks: either side may send a ping, and the other answers with a pong carrying the same payload. Browsers answer pings but cannot send them from JavaScript.',
    lessons: ['/lessons/frames-and-messages#control'],
    source: rfc6455('5.5.2', 'Ping'),
  },
  {
    id: 'close-code',
    term: 'Close code',
    autolink: ['close code', 'close codes'],
    definition:
      'A 2-byte status in a close frame saying why the connection ends: 1000 normal, 1001 going away, 1002 protocol error, 1007 invalid data, 1009 message too big, and more.',
    lessons: ['/lessons/frames-and-messages#control'],
    source: rfc6455('7.4.1', 'Defined status codes'),
  },
  {
    id: 'short-polling',
    term: 'Short polling',
    aliases: ['polling'],
    autolink: ['short polling'],
    definition:
      'The client asks "anything new?" on a timer and the server answers at once, usually with nothing. Simple and cacheable, but every check costs a full request and news waits up to one interval.',
    lessons: ['/lessons/polling-and-long-polling'],
  },
  {
    id: 'long-polling',
    term: 'Long polling',
    autolink: ['long polling', 'long-polling', 'long poll'],
    definition:
      'The client asks "anything new?" and the server holds the request open until there is news or a timeout passes; the client asks again at once. Server push built from ordinary HTTP requests.',
    lessons: ['/lessons/polling-and-long-polling'],
    source: { label: 'RFC 6202: Known issues and best practices for long polling', href: 'https://www.rfc-editor.org/rfc/rfc6202' },
  },
  {
    id: 'sse',
    term: 'Server-Sent Events (SSE)',
    aliases: ['EventSource', 'text/event-stream'],
    autolink: ['Server-Sent Events', 'EventSource'],
    definition:
      'One long HTTP response of type `text/event-stream` in which the server writes events as they happen; the browser’s `EventSource` reads them and reconnects with `Last-Event-ID`. One-way: the client cannot send on it.',
    lessons: ['/lessons/server-sent-events'],
    source: { label: 'HTML Living Standard §9.2: Server-sent events', href: 'https://html.spec.whatwg.org/multipage/server-sent-events.html' },
  },
  {
    id: 'engine-io',
    term: 'Engine.IO',
    autolink: ['Engine.IO'],
    definition:
      'The transport layer under Socket.IO: it opens a session over HTTP long polling, then tries to upgrade to WebSocket (`2probe`/`3probe`, `5`), and frames everything as its own packets (`0` open, `2` ping, `4` message…).',
    lessons: ['/lessons/socketio-is-not-websocket', '/lessons/websocket-handshake#socketio'],
    source: { label: 'Engine.IO protocol', href: 'https://socket.io/docs/v4/engine-io-protocol/' },
  },
  {
    id: 'socket-io',
    term: 'Socket.IO',
    definition:
      'A library and protocol on top of [Engine.IO](/glossary#engine-io): named events, acknowledgements and namespaces (rooms are a server-side feature of the library, not part of the protocol). Its packets (`40`, `42["event",…]`) travel inside Engine.IO, so a plain WebSocket client cannot talk to a Socket.IO server.',
    lessons: ['/lessons/socketio-is-not-websocket'],
    source: { label: 'Socket.IO protocol', href: 'https://socket.io/docs/v4/socket-io-protocol/' },
  },
  {
    id: 'origin',
    term: 'Origin',
    definition:
      'Scheme, host and port of the page that started a request (`http://127.0.0.1:3000`). Browsers send it on every WebSocket handshake; the server must check it, because the same-origin policy does not stop cross-site WebSockets.',
    lessons: ['/lessons/websocket-handshake#origin', '/lessons/who-is-on-the-other-end'],
    source: { label: 'RFC 6454: The Web Origin Concept', href: 'https://www.rfc-editor.org/rfc/rfc6454' },
  },
  {
    id: 'cswsh',
    term: 'Cross-Site WebSocket Hijacking (CSWSH)',
    aliases: ['CSWSH'],
    autolink: ['Cross-Site WebSocket Hijacking', 'CSWSH'],
    definition:
      'An attack in which a page on another site opens a WebSocket to your server from the victim’s browser, which sends the victim’s cookies along. Prevented by checking [Origin](/glossary#origin) and by tokens that a foreign page cannot read.',
    lessons: ['/lessons/who-is-on-the-other-end'],
    source: rfc6455('10.2', 'Origin considerations'),
  },
  {
    id: 'chunked-encoding',
    term: 'Chunked transfer encoding',
    aliases: ['Transfer-Encoding: chunked', 'HTTP streaming'],
    autolink: ['chunked transfer encoding', 'chunked encoding'],
    definition:
      'An HTTP/1.1 response body sent in pieces, each prefixed with its length, so the server can start answering before it knows the whole body. Streaming over HTTP, still one request and one response, server to client.',
    lessons: ['/lessons/server-sent-events'],
    source: { label: 'RFC 9112 §7.1: Chunked transfer coding', href: 'https://www.rfc-editor.org/rfc/rfc9112#section-7.1' },
  },
  {
    id: 'rate-limit',
    term: 'Rate limit',
    autolink: ['rate limit', 'rate limits', 'rate limiting'],
    definition:
      'A cap on how much one client may send in a period (messages per second, bytes per minute). Over it, an HTTP server answers `429 Too Many Requests`; a WebSocket server may drop messages or close the connection.',
    lessons: ['/lessons/who-is-on-the-other-end', '/lessons/fan-in-fan-out'],
    source: { label: 'RFC 6585 §4: 429 Too Many Requests', href: 'https://www.rfc-editor.org/rfc/rfc6585#section-4' },
  },
  {
    id: 'event-loop',
    term: 'Event loop',
    autolink: ['event loop'],
    definition:
      'The loop at the heart of Node.js: one thread that waits for events (I/O ready, a timer due) and runs their callbacks one at a time, each to completion. While a callback runs, nothing else on that thread does.',
    lessons: ['/lessons/event-loop'],
    source: { label: 'Node.js: The event loop, timers and process.nextTick()', href: 'https://nodejs.org/en/learn/asynchronous-work/event-loop-timers-and-nexttick' },
  },
  {
    id: 'event-loop-phase',
    term: 'Event loop phase',
    autolink: ['event loop phase', 'event loop phases'],
    definition:
      'Each turn of Node’s loop visits phases in order: timers (`setTimeout`), pending callbacks, poll (I/O), check (`setImmediate`), close callbacks. Which phase a callback belongs to decides when it runs.',
    lessons: ['/lessons/event-loop'],
    source: { label: 'Node.js: The event loop, timers and process.nextTick()', href: 'https://nodejs.org/en/learn/asynchronous-work/event-loop-timers-and-nexttick' },
  },
  {
    id: 'microtask',
    term: 'Microtask',
    autolink: ['microtask', 'microtasks'],
    definition:
      'A callback queued by a settled promise (or `queueMicrotask`). Node drains the microtask queue after each callback, before the loop moves on, right after the `process.nextTick` queue.',
    lessons: ['/lessons/event-loop'],
    source: { label: 'Node.js: Understanding process.nextTick()', href: 'https://nodejs.org/en/learn/asynchronous-work/understanding-processnexttick' },
  },
  {
    id: 'next-tick',
    term: 'process.nextTick',
    aliases: ['nextTick'],
    autolink: ['process.nextTick'],
    definition:
      'Queues a callback to run as soon as the current operation finishes, before promise [microtasks](/glossary#microtask) and before the loop continues. Recursive `nextTick` calls can starve I/O.',
    lessons: ['/lessons/event-loop'],
    source: { label: 'Node.js: Understanding process.nextTick()', href: 'https://nodejs.org/en/learn/asynchronous-work/understanding-processnexttick' },
  },
  {
    id: 'blocking',
    term: 'Blocking',
    definition:
      'Code that keeps the event loop’s thread busy (a long computation, a synchronous file read) so no other callback, and no other client, is served until it returns.',
    lessons: ['/lessons/blocking-the-line'],
    source: { label: 'Node.js: Don’t block the event loop', href: 'https://nodejs.org/en/learn/asynchronous-work/dont-block-the-event-loop' },
  },
  {
    id: 'threadpool',
    term: 'Threadpool (libuv)',
    aliases: ['libuv', 'UV_THREADPOOL_SIZE'],
    autolink: ['threadpool', 'thread pool'],
    definition:
      'Node’s hidden helper threads, 4 by default (`UV_THREADPOOL_SIZE`). File system calls, `dns.lookup`, `crypto.pbkdf2` and zlib run there (`dns.resolve*` does not: c-ares does its own I/O), so the loop stays free; a fifth job waits for a free thread.',
    lessons: ['/lessons/blocking-the-line'],
    source: { label: 'Node.js: Don’t block the event loop', href: 'https://nodejs.org/en/learn/asynchronous-work/dont-block-the-event-loop' },
  },
  {
    id: 'worker-thread',
    term: 'Worker thread',
    aliases: ['worker_threads'],
    autolink: ['worker thread', 'worker threads', 'worker_threads'],
    definition:
      'A second JavaScript thread with its own event loop and memory, started with `node:worker_threads`; it talks to the main thread by messages. Use it for CPU work your own code does; keep workers in a pool, since each costs a start-up.',
    lessons: ['/lessons/worker-threads'],
    source: { label: 'Node.js API: Worker threads', href: 'https://nodejs.org/api/worker_threads.html' },
  },
  {
    id: 'fan-out',
    term: 'Fan-in and fan-out',
    aliases: ['fan-in', 'broadcast'],
    autolink: ['fan-out', 'fan-in'],
    definition:
      'Fan-in: many clients sending to one server. Fan-out: one event sent by the server to many clients, such as a price tick to every subscriber. Fan-out cost grows with the number of receivers.',
    lessons: ['/lessons/fan-in-fan-out'],
  },
  {
    id: 'sticky-session',
    term: 'Sticky session',
    aliases: ['session affinity'],
    autolink: ['sticky session', 'sticky sessions'],
    definition:
      'A load balancer rule that sends every request of one client to the same server. Needed by any protocol that keeps state on one server between requests, such as Engine.IO’s long-polling session.',
    lessons: ['/lessons/beyond-one-server#sticky-sessions'],
    source: { label: 'Socket.IO: Using multiple nodes', href: 'https://socket.io/docs/v4/using-multiple-nodes/' },
  },
  {
    id: 'adapter',
    term: 'Adapter (Socket.IO)',
    definition:
      'The part of a Socket.IO server that delivers broadcasts to rooms. The default one only knows this process’s sockets; the cluster and Redis adapters forward each broadcast to the other servers too.',
    lessons: ['/lessons/beyond-one-server#adapters'],
    source: { label: 'Socket.IO: Adapter', href: 'https://socket.io/docs/v4/adapter/' },
  },
];

export function glossaryEntry(id: string): GlossaryEntry | undefined {
  return glossary.find((entry) => entry.id === id);
}
