// The curriculum, in order. The id of each lesson is its URL: /lessons/<id>.

import type { Lesson } from './types.ts';
import { plannedLesson } from './planned.ts';
import endpointsAndLayers from './lessons/endpoints-and-layers/lesson.ts';
import httpRequestResponse from './lessons/http-request-response/lesson.ts';
import pollingAndLongPolling from './lessons/polling-and-long-polling/lesson.ts';
import serverSentEvents from './lessons/server-sent-events/lesson.ts';
import websocketHandshake from './lessons/websocket-handshake/lesson.ts';
import framesAndMessages from './lessons/frames-and-messages/lesson.ts';
import socketioIsNotWebsocket from './lessons/socketio-is-not-websocket/lesson.ts';
import eventLoop from './lessons/event-loop/lesson.ts';
import blockingTheLine from './lessons/blocking-the-line/lesson.ts';
import workerThreads from './lessons/worker-threads/lesson.ts';
import whoIsOnTheOtherEnd from './lessons/who-is-on-the-other-end/lesson.ts';
import fanInFanOut from './lessons/fan-in-fan-out/lesson.ts';

export const lessons: readonly Lesson[] = [
  endpointsAndLayers,
  httpRequestResponse,
  pollingAndLongPolling,
  serverSentEvents,
  websocketHandshake,
  framesAndMessages,
  socketioIsNotWebsocket,
  eventLoop,
  blockingTheLine,
  workerThreads,
  whoIsOnTheOtherEnd,
  fanInFanOut,
  plannedLesson({
    id: 'beyond-one-server',
    title: 'Beyond one server',
    question: 'What changes when one server is not enough?',
    summary: 'Sticky sessions and adapters: what comes next.',
  }),
];
