import { defineLesson } from '../../define.ts';
import content from './content.md?raw';

export default defineLesson(
  {
    id: 'fan-in-fan-out',
    title: 'Fan-in and fan-out',
    question: 'How do IoT devices register and get contacted? What happens when a million clients must be notified?',
    summary: 'Devices registering and being commanded, broadcast latency measured, rate limits, chat rooms.',
    minutes: 20,
    status: 'ready',
    goals: [
      'Describe how a device registers: it connects out with an id and capabilities, and the server keeps it on a list and in rooms.',
      'Command one device, a room or everyone, and confirm delivery with acknowledgements.',
      'Measure broadcast delivery latency as p50/p95/p99 and explain why it grows with the number of clients.',
      'Place rate limiting where it belongs (fan-in) and say what large fan-out needs instead.',
    ],
    predict: {
      prompt:
        'Four devices each send 200 reports in one second. Each device’s rate limit is a token bucket: a burst of 50, then 50 per second. About how many of the 800 reports does the server accept?',
      choices: [
        { id: 'all', label: 'All 800: the limiter only slows them down' },
        { id: 'four-hundred', label: 'About 400' },
        { id: 'two-hundred', label: 'About 200' },
        { id: 'fifty', label: 'About 50 in total' },
      ],
      answer: 'four-hundred',
      observe: {
        widget: 'BroadcastLab',
        instructions:
          'In the device fleet, start **4** devices. Then set **200** reports per device per second here and press **Flood for 1 s**.',
      },
      explain: `Each device has its own bucket. It starts full (50 tokens) and refills at 50 per second, so
during a one-second flood each device gets about 50 + 50 = 100 reports accepted, and 4 devices about
400. The rest are dropped before they cost the server more than a counter. The limit is per device,
so one noisy device cannot use up the others' share.`,
      answeredBy: ["4 × 100 = 400"],
    },
    recap: [
      'Devices connect out (NAT and firewalls block incoming connections) and register in the handshake’s auth payload; the server keeps them on a list and in rooms, and heartbeats remove the dead ones.',
      'The server contacts a device over the connection the device opened: one device by id, a room, or everyone; acknowledgements confirm delivery.',
      'A broadcast encodes once but writes to N sockets on one thread, so the last recipient waits longest; report p50 and p99, not the average.',
      'Rate limiting protects the server from fan-in. Large fan-out needs more servers sharing rooms through an adapter, sending less (coalesce, batch), and bounded per-client buffers.',
    ],
    challenges: [
      {
        id: 'who-dials',
        title: 'Who dials whom?',
        prompt: 'A delivery truck’s tracker sits behind a mobile carrier’s NAT. How does the server get a command to it?',
        hint: 'Which side can open a connection through the NAT?',
        check: {
          kind: 'quiz',
          choices: [
            { id: 'server-dials', label: 'The server opens a connection to the tracker’s IP address' },
            { id: 'device-dials', label: 'The tracker opens a connection to the server and keeps it open; the server pushes over it' },
            { id: 'sms', label: 'WebSocket cannot reach it; only SMS can' },
            { id: 'poll-only', label: 'The server must wait until the tracker polls with an HTTP request' },
          ],
          answer: 'device-dials',
        },
      },
      {
        id: 'count-the-acks',
        title: 'Count the acks',
        prompt:
          'Start a fleet, broadcast to all devices, and type how many acknowledgements your **latest** broadcast collected. The check reads that broadcast on the server.',
        hint: 'The first tile of the broadcast lab shows acks / recipients.',
        check: { kind: 'live', check: 'broadcast-ack-count' },
      },
      {
        id: 'where-rate-limit',
        title: 'Where does rate limiting help?',
        prompt: 'A server must notify a million subscribers of a price change. Which measure addresses that fan-out?',
        hint: 'A rate limit controls what clients send to the server.',
        check: {
          kind: 'quiz',
          choices: [
            { id: 'rate-limit', label: 'A per-client rate limit on incoming messages' },
            { id: 'spread', label: 'Spread the connections over several servers sharing rooms through an adapter, and coalesce updates' },
            { id: 'bigger-messages', label: 'Send larger messages less often to each client over HTTP' },
            { id: 'polling', label: 'Switch the subscribers to short polling' },
          ],
          answer: 'spread',
        },
      },
    ],
    references: [
      { label: 'Socket.IO: Broadcasting events', href: 'https://socket.io/docs/v4/broadcasting-events/' },
      { label: 'Socket.IO: Rooms', href: 'https://socket.io/docs/v4/rooms/' },
      { label: 'Socket.IO: Acknowledgements', href: 'https://socket.io/docs/v4/emitting-events/#acknowledgements' },
      { label: 'Socket.IO: Adapters (scaling to several servers)', href: 'https://socket.io/docs/v4/adapter/' },
      { label: 'RFC 6455 §10.4: Implementation-Specific Limits', href: 'https://www.rfc-editor.org/rfc/rfc6455#section-10.4' },
      { label: 'RFC 4787: NAT behavioral requirements (why devices dial out)', href: 'https://www.rfc-editor.org/rfc/rfc4787' },
    ],
  },
  content,
);
