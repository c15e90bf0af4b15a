import { defineLesson } from '../../define.ts';
import content from './content.md?raw';

export default defineLesson(
  {
    id: 'event-loop',
    title: 'The event loop',
    question: 'Node is single-threaded: how does one thread serve every client?',
    summary: 'Phases, microtasks and nextTick, ordered on the real server.',
    minutes: 15,
    status: 'ready',
    goals: [
      'Say precisely what "single-threaded" means in Node: one thread runs your JavaScript, one callback at a time.',
      'Name the phases of one turn of the loop, and where request handlers, timers and immediates run.',
      'Predict the order of nextTick, promise, setTimeout(0) and setImmediate callbacks, and check it on the live server.',
      'Tell who waits for network, disk and database: the OS, the libuv threadpool, and another process.',
    ],
    predict: {
      prompt:
        'Inside a request handler the server runs: `Promise.resolve().then(() => log("promise"))`, then `process.nextTick(() => log("nextTick"))`, then `log("sync")`. In what order are the three lines logged?',
      choices: [
        { id: 'sync-tick-promise', label: 'sync, nextTick, promise' },
        { id: 'sync-promise-tick', label: 'sync, promise, nextTick' },
        { id: 'written', label: 'promise, nextTick, sync (as written)' },
        { id: 'tick-sync-promise', label: 'nextTick, sync, promise' },
      ],
      answer: 'sync-tick-promise',
      observe: {
        widget: 'OrderPredictor',
        instructions:
          'Choose **process.nextTick vs a promise**, put the callbacks in the order you predicted, and press **Run on the server**.',
      },
      explain: `Nothing interrupts a running function, so \`sync\` is logged first even though it was written
last. When the handler returns, Node empties the nextTick queue, then V8's promise queue: "The
\`process.nextTick()\` queue is always processed before the microtask queue within each turn of the
Node.js event loop" ([Node docs](https://nodejs.org/api/globals.html#queuemicrotaskcallback)).`,
      answeredBy: ["always processed before the microtask queue"],
    },
    recap: [
      'One thread runs all your JavaScript, one callback at a time, each to its end. The "single-file line" is a line of callbacks, not of clients.',
      'Each turn of the loop visits timers, pending callbacks, poll (I/O, where request handlers run), check (setImmediate) and close callbacks.',
      'After every callback Node empties the nextTick queue, then the promise microtask queue, and repeats until both are empty.',
      'Inside an I/O callback setImmediate always beats setTimeout(0); from the main module the order is not fixed.',
      'The OS waits on sockets without threads; the libuv threadpool does file system, dns.lookup and some crypto; a database is another process.',
    ],
    challenges: [
      {
        id: 'which-phase-immediate',
        title: 'Where does setImmediate run?',
        prompt: 'In which phase of the loop do `setImmediate` callbacks run?',
        hint: 'It is the phase right after the one where I/O callbacks run.',
        check: {
          kind: 'quiz',
          choices: [
            { id: 'timers', label: 'timers' },
            { id: 'poll', label: 'poll' },
            { id: 'check', label: 'check' },
            { id: 'close', label: 'close callbacks' },
          ],
          answer: 'check',
        },
      },
      {
        id: 'last-nested-microtask',
        title: 'The last one out',
        prompt:
          'Run the experiment **Microtasks queued by microtasks** on the server and type the label of the callback that ran **last**. The check runs the experiment again on the server and compares.',
        hint: 'A nextTick queued inside a promise callback has to wait until the promise queue is empty.',
        check: { kind: 'live', check: 'last-of-nested-microtasks' },
      },
      {
        id: 'inside-io',
        title: 'Inside an I/O callback',
        prompt:
          'Inside the callback of `fs.readFile`, you call `setTimeout(a, 0)` and then `setImmediate(b)`. Which runs first?',
        hint: 'Which phase comes right after poll?',
        check: {
          kind: 'quiz',
          choices: [
            { id: 'a', label: 'a (the timeout), always' },
            { id: 'b', label: 'b (the immediate), always' },
            { id: 'either', label: 'Either, it depends on the machine' },
          ],
          answer: 'b',
        },
      },
    ],
    references: [
      {
        label: 'Node.js: The event loop, timers, and process.nextTick()',
        href: 'https://nodejs.org/en/learn/asynchronous-work/event-loop-timers-and-nexttick',
      },
      { label: 'Node.js API: queueMicrotask()', href: 'https://nodejs.org/api/globals.html#queuemicrotaskcallback' },
      {
        label: 'Node.js API: process.nextTick() and queueMicrotask()',
        href: 'https://nodejs.org/api/process.html#when-to-use-queuemicrotask-vs-processnexttick',
      },
      { label: 'libuv: design overview (the I/O loop)', href: 'https://docs.libuv.org/en/v1.x/design.html' },
      { label: 'libuv: thread pool work scheduling', href: 'https://docs.libuv.org/en/v1.x/threadpool.html' },
    ],
  },
  content,
);
