import { defineLesson } from '../../define.ts';
import content from './content.md?raw';

export default defineLesson(
  {
    id: 'beyond-one-server',
    title: 'Beyond one server',
    question: 'What changes when one server is not enough?',
    summary: 'A real cluster on your machine: why a second process breaks broadcast and polling sessions; sticky sessions and adapters.',
    minutes: 18,
    status: 'ready',
    goals: [
      'Explain why a broadcast on one server misses the clients of another, and see it happen.',
      'Explain why Socket.IO’s long-polling sessions need sticky sessions, and when they do not.',
      'Tell what a Socket.IO adapter (cluster, Redis) forwards, and what it does not.',
      'See a blocking job stall only the clients of its own worker: the noisy neighbour.',
    ],
    predict: {
      prompt:
        'Two worker processes, the default in-memory adapter, six clients handed out in turn (three per worker). Client 1 broadcasts with `io.emit`. How many of the six clients receive it?',
      choices: [
        { id: 'six', label: 'All six' },
        { id: 'three', label: 'Three: the clients on client 1’s worker' },
        { id: 'one', label: 'Only client 1' },
        { id: 'none', label: 'None: the broadcast fails' },
      ],
      answer: 'three',
      answeredBy: ['only the three on client 1'],
      observe: {
        widget: 'ScaleLab',
        instructions: 'Start 2 workers, sticky, in-memory adapter; press “Broadcast from client 1” and count the cards that are not red.',
      },
      explain:
        'Each worker is its own process with its own memory: `io.emit` walks the sockets of the worker it runs on. The three clients on the other worker are connected and healthy, they just are not in that memory. The cluster or Redis adapter forwards the broadcast to the other workers.',
    },
    recap: [
      'One process holds all its connections in memory, so broadcast is a loop. A second process has its own memory.',
      'Long polling is a series of requests; without sticky sessions they reach servers that do not know the session (Socket.IO answers 400 “Session ID unknown”).',
      'A WebSocket stays on the server it reached, so WebSocket-only clients need no sticky sessions. They still need broadcasts shared.',
      'Socket.IO adapters (cluster, Redis) forward broadcasts between servers; each server delivers to its own clients. While Redis is down, broadcasts do not cross.',
      'Each worker has its own event loop: a blocking job stalls the clients of its worker, not the others. More processes contain a blocking job; they do not remove it.',
    ],
    challenges: [
      {
        id: 'which-worker',
        title: 'Which process served you?',
        prompt: 'Start the cluster in the lab. Type the pid of a worker process that one of your clients landed on.',
        hint: 'Each client card shows “worker pid”.',
        check: { kind: 'live', check: 'scale-worker-pid' },
      },
      {
        id: 'round-robin',
        title: 'Round robin, no stickiness',
        prompt:
          'Run experiment 2: two workers, round-robin without stickiness, polling first. With what HTTP status did a worker refuse one of your clients’ requests?',
        hint: 'Read the cluster’s captures: the refused request is drawn in red, its status line shown byte for byte.',
        check: { kind: 'live', check: 'scale-session-unknown-status' },
      },
      {
        id: 'who-hears-it',
        title: 'Who heard it?',
        prompt: 'Broadcast from client 1 with the in-memory adapter on two workers. How many of your clients received your latest broadcast?',
        hint: 'The clients on the other worker are drawn in red. The workers’ own taps are what the check reads.',
        check: { kind: 'live', check: 'scale-broadcast-receivers' },
      },
      {
        id: 'noisy-neighbour',
        title: 'Who waited?',
        prompt: 'Run experiment 6: block one worker of two for 1.5 s while your six clients ping. How many of your clients stalled?',
        hint: 'The table marks each client stalled or answered, with the pid of its worker.',
        check: { kind: 'live', check: 'scale-noisy-neighbour-stalled' },
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
