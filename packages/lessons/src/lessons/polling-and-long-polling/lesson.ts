import { defineLesson } from '../../define.ts';
import content from './content.md?raw';

export default defineLesson(
  {
    id: 'polling-and-long-polling',
    title: 'Polling and long polling',
    question: 'How do you get news from a server that cannot call you? And does WebSocket really save bandwidth?',
    summary: 'Requests per message, bytes per message, latency: short polling, long polling and the rest, measured.',
    minutes: 15,
    status: 'ready',
    goals: [
      'Explain why a plain HTTP server cannot push, and how polling works around it with an `after=<id>` resume point.',
      'Tell short polling (answer at once) from long polling (hold until news, 204 on timeout).',
      'Read requests, bytes and latency per transport from a live race, and say where the bytes go.',
      'Answer "does WebSocket change bandwidth?" with numbers: same content, far smaller envelope.',
    ],
    predict: {
      prompt:
        'The race posts 20 small messages, 100 ms apart, to five clients at once. Which client will need the MOST HTTP requests to receive all 20?',
      choices: [
        { id: 'short', label: 'Short polling (asks again 250 ms after each answer)' },
        { id: 'long', label: 'Long polling' },
        { id: 'sse', label: 'Server-Sent Events' },
        { id: 'ws', label: 'WebSocket' },
      ],
      answer: 'long',
      observe: {
        widget: 'TransportRace',
        instructions: 'Press **Start the race** with 20 messages and a 100 ms gap. Compare the **HTTP requests** column.',
      },
      explain: `Long polling needs about one request per message: each answer carries the one new message, and the
client asks again. Short polling asks on a timer, so with messages arriving faster than it polls it
collects several per answer and needs *fewer* requests, but each message waits up to a poll interval
(compare the p50 latency). Slow the messages down (a gap of 1000 ms) and the order flips: short polling
keeps asking four times a second for nothing, long polling asks once per message. SSE and WebSocket need
one request for the whole race: the handshake.`,
      answeredBy: ["collects several messages per answer"],
    },
    recap: [
      'HTTP is request/response: the client always asks first. Polling asks repeatedly; `after=<id>` makes sure nothing is missed between polls.',
      'Short polling answers at once (often with nothing); long polling holds the request until there is news or 25 s pass (204).',
      'Every HTTP request re-sends its headers: about 800 bytes of envelope per poll here, even when the answer is empty.',
      'A WebSocket frame adds 2–14 bytes; an SSE event a few header lines. Content costs the same everywhere; the envelope and the empty polls do not.',
    ],
    challenges: [
      {
        id: 'post-and-release',
        title: 'Wake the waiting requests',
        prompt:
          'Send the three long polls in the demo above, then post one message to the feed (the demo’s button, or `curl -X POST -H "content-type: application/json" -d \'{"text":"hi"}\' {origin}/api/poll/messages`). Type the **id** the server gave your message.',
        hint: 'The server answers the POST with 201 and {"message": {"id": …}}; the released long polls show it too.',
        check: { kind: 'live', check: 'posted-feed-message' },
      },
      {
        id: 'timeout-status',
        title: 'Nothing happened',
        prompt: 'A long poll is held for 25 seconds and no message arrives. What does the server answer?',
        hint: 'There is no content to send, and that is not an error.',
        check: {
          kind: 'quiz',
          choices: [
            { id: '200-empty', label: '200 with an empty list' },
            { id: '204', label: '204 No Content' },
            { id: '408', label: '408 Request Timeout' },
            { id: 'nothing', label: 'Nothing: the connection is dropped' },
          ],
          answer: '204',
        },
      },
      {
        id: 'where-bytes-go',
        title: 'Where the bytes go',
        prompt: 'Polling uses about ten times more bytes per small message than a WebSocket here. Where do most of them go?',
        hint: 'Compare the size of the message with the size of everything around it.',
        check: {
          kind: 'quiz',
          choices: [
            { id: 'content', label: 'The message content is encoded larger over HTTP' },
            { id: 'headers', label: 'HTTP request and response headers, sent again with every poll' },
            { id: 'tcp', label: 'A new TCP handshake for every poll' },
            { id: 'masking', label: 'WebSocket compresses every message' },
          ],
          answer: 'headers',
        },
      },
    ],
    references: [
      { label: 'RFC 9110 §15.3.5: 204 No Content', href: 'https://www.rfc-editor.org/rfc/rfc9110#section-15.3.5' },
      { label: 'RFC 6202: Known issues and best practices for long polling and streaming', href: 'https://www.rfc-editor.org/rfc/rfc6202' },
      { label: 'RFC 6455 §5.2: Base framing protocol (frame header size)', href: 'https://www.rfc-editor.org/rfc/rfc6455#section-5.2' },
      { label: 'RFC 9112 §9.3: Persistent connections (keep-alive)', href: 'https://www.rfc-editor.org/rfc/rfc9112#section-9.3' },
    ],
  },
  content,
);
