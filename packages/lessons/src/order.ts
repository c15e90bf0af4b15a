// The curriculum, in order. The id of each lesson is its URL: /lessons/<id>.

import type { Lesson } from './types.ts';
import { plannedLesson } from './planned.ts';
import endpointsAndLayers from './lessons/endpoints-and-layers/lesson.ts';
import httpRequestResponse from './lessons/http-request-response/lesson.ts';
import websocketHandshake from './lessons/websocket-handshake/lesson.ts';
import framesAndMessages from './lessons/frames-and-messages/lesson.ts';

export const lessons: readonly Lesson[] = [
  endpointsAndLayers,
  httpRequestResponse,
  plannedLesson({
    id: 'polling-and-long-polling',
    title: 'Polling and long polling',
    question: 'How do you get news from a server that cannot call you?',
    summary: 'Requests per message, bytes per message, latency.',
  }),
  plannedLesson({
    id: 'server-sent-events',
    title: 'Server-Sent Events',
    question: 'Is streaming the same as WebSocket?',
    summary: 'text/event-stream, named events, resuming with Last-Event-ID.',
  }),
  websocketHandshake,
  framesAndMessages,
  plannedLesson({
    id: 'socketio-is-not-websocket',
    title: 'Socket.IO is not WebSocket',
    question: 'Why can’t a plain WebSocket client talk to a Socket.IO server?',
    summary: 'Engine.IO packets, polling first, the upgrade probe.',
  }),
  plannedLesson({
    id: 'event-loop',
    title: 'The event loop',
    question: 'How does a single thread serve everyone?',
    summary: 'Phases, microtasks and nextTick, ordered on the real server.',
  }),
  plannedLesson({
    id: 'blocking-the-line',
    title: 'Blocking the line',
    question: 'What happens when one handler blocks?',
    summary: 'One slow handler stalls every client; partitioning; the libuv threadpool.',
  }),
  plannedLesson({
    id: 'worker-threads',
    title: 'Offloading to worker_threads',
    question: 'Single-threaded means one process?',
    summary: 'The same job off the main thread; the cost of a worker; pools.',
  }),
  plannedLesson({
    id: 'who-is-on-the-other-end',
    title: 'Who is on the other end?',
    question: 'How aware is the server of a client, and is that safe?',
    summary: 'The 4-tuple, cookies, Origin checks against hijacking, tokens and limits.',
  }),
  plannedLesson({
    id: 'fan-in-fan-out',
    title: 'Fan-in and fan-out',
    question: 'What happens when a million clients must be notified?',
    summary: 'Chat rooms, tickers, IoT devices; broadcast latency measured; rate limits.',
  }),
  plannedLesson({
    id: 'beyond-one-server',
    title: 'Beyond one server',
    question: 'What changes when one server is not enough?',
    summary: 'Sticky sessions and adapters: what comes next.',
  }),
];
