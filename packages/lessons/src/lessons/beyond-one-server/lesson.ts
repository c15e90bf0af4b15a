import { defineLesson } from '../../define.ts';
import content from './content.md?raw';

export default defineLesson(
  {
    id: 'beyond-one-server',
    title: 'Beyond one server',
    question: 'What changes when one server is not enough?',
    summary: 'Why a second server breaks broadcast and polling sessions; sticky sessions and adapters.',
    minutes: 6,
    status: 'reading',
    goals: [
      'Explain why a broadcast on one server misses the clients of another.',
      'Explain why Socket.IO’s long-polling sessions need sticky sessions, and when they do not.',
      'Tell what a Socket.IO adapter (cluster, Redis) forwards, and what it does not.',
    ],
    predict: null,
    recap: [
      'One process holds all its connections in memory, so broadcast is a loop. A second server has its own memory.',
      'Long polling is a series of requests; without sticky sessions they reach servers that do not know the session (Socket.IO answers 400 “Session ID unknown”).',
      'A WebSocket stays on the server it reached, so WebSocket-only clients need no sticky sessions. They still need broadcasts shared.',
      'Socket.IO adapters (cluster, Redis) forward broadcasts between servers; each server delivers to its own clients.',
    ],
    challenges: [
      {
        id: 'who-hears-it',
        title: 'Who hears it?',
        prompt:
          'Client 1 is connected to server A, client 2 to server B. Both run Socket.IO with the default adapter. Server A calls `io.emit("news")`. Who receives it?',
        hint: 'The default adapter walks one process’s memory.',
        check: {
          kind: 'quiz',
          choices: [
            { id: 'both', label: 'Both clients' },
            { id: 'client-1', label: 'Client 1 only' },
            { id: 'client-2', label: 'Client 2 only' },
            { id: 'error', label: 'Nobody: server A throws an error' },
          ],
          answer: 'client-1',
        },
      },
      {
        id: 'round-robin',
        title: 'Round robin, no stickiness',
        prompt:
          'Two Socket.IO servers sit behind a round-robin load balancer without sticky sessions. Clients use the default transports. What do they most likely see?',
        hint: 'Which transport does a Socket.IO session start with, and where does its session id live?',
        check: {
          kind: 'quiz',
          choices: [
            { id: 'fine', label: 'Nothing: it works as with one server' },
            { id: 'session-unknown', label: 'Requests rejected with 400 “Session ID unknown”, then reconnections' },
            { id: 'port', label: 'The second server answers on a different port' },
            { id: 'slower', label: 'Everything works, only a little slower' },
          ],
          answer: 'session-unknown',
        },
      },
      {
        id: 'no-sticky-needed',
        title: 'What removes the need for stickiness?',
        prompt: 'Which change lets Socket.IO clients work without sticky sessions (broadcasts aside)?',
        hint: 'Stickiness matters for protocols made of several separate requests.',
        check: {
          kind: 'quiz',
          choices: [
            { id: 'redis', label: 'Adding the Redis adapter' },
            { id: 'websocket-only', label: 'Creating clients with transports: ["websocket"]' },
            { id: 'more-servers', label: 'Adding a third server' },
            { id: 'https', label: 'Serving over HTTPS' },
          ],
          answer: 'websocket-only',
        },
      },
    ],
    references: [
      { label: 'Socket.IO: Using multiple nodes (sticky sessions)', href: 'https://socket.io/docs/v4/using-multiple-nodes/' },
      { label: 'Socket.IO: Adapter', href: 'https://socket.io/docs/v4/adapter/' },
      { label: 'Socket.IO: Redis adapter', href: 'https://socket.io/docs/v4/redis-adapter/' },
      { label: 'Socket.IO: Cluster adapter', href: 'https://socket.io/docs/v4/cluster-adapter/' },
      { label: 'Node.js API: Cluster', href: 'https://nodejs.org/api/cluster.html' },
    ],
  },
  content,
);
