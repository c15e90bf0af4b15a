import { defineLesson } from '../../define.ts';
import content from './content.md?raw';

export default defineLesson(
  {
    id: 'blocking-the-line',
    title: 'Blocking the line',
    question: 'What happens to every other client when one handler takes a while?',
    summary: 'One slow handler stalls every client; partitioning; the libuv threadpool.',
    minutes: 15,
    status: 'ready',
    goals: [
      'See one blocking job stall every client of the server, including your other tab.',
      'Tell blocking (the thread is busy) from waiting (the OS or another process is busy).',
      'Keep the loop responsive by partitioning work with setImmediate.',
      'Use the libuv threadpool, and see it queue when more jobs arrive than it has threads.',
    ],
    predict: {
      prompt:
        'A 2-second blocking job starts on the server. One millisecond later, another tab asks `GET /api/health`, which normally answers in about a millisecond. When does that tab get its answer?',
      choices: [
        { id: 'at-once', label: 'At once: health checks are tiny' },
        { id: 'after-job', label: 'When the job ends, about 2 seconds later' },
        { id: 'never', label: 'Never: the request times out' },
        { id: 'other-thread', label: 'At once, because Node starts another thread for it' },
      ],
      answer: 'after-job',
      observe: {
        widget: 'LoopLab',
        instructions:
          'Open this lesson in a second tab. In one, run a **blocking** job of 2000 ms; watch the heartbeat strip of the other.',
      },
      explain: `The health request arrives in the kernel at once, but its callback can only run when the
main thread returns to the loop, after the job. Node does not start a thread per request: the same
thread that is busy hashing is the one that would answer. That is why the other tab's heartbeat shows
a gap as long as the job, and why the [Node guide](https://nodejs.org/en/learn/asynchronous-work/dont-block-the-event-loop)
asks that the work for each client at any moment stay small.`,
      answeredBy: ["climbs to about the length of the job", "The heartbeat strip of the *other* tab stops"],
    },
    recap: [
      'While one callback runs, no other JavaScript runs: a blocking job stalls every client, every timer and every heartbeat.',
      'Waiting is not blocking: a database query, an idle socket or a timer costs the loop nothing while it waits.',
      'Partitioning (slices of a few ms with setImmediate between) keeps the loop responsive at the cost of main-thread time.',
      'fs, dns.lookup, pbkdf2/scrypt and zlib run on the libuv threadpool: 4 threads by default (UV_THREADPOOL_SIZE); more jobs queue.',
      'Network I/O does not use the threadpool: the kernel watches sockets for the loop.',
    ],
    challenges: [
      {
        id: 'stall-500',
        title: 'Stall the server',
        prompt:
          'Make the server’s event loop lag by **more than 500 ms** with a blocking job, then type the worst lag the lab reported for it (in ms). The server checks its own record of recent jobs.',
        hint: 'Choose blocking, set a duration above 500 ms, and read “worst loop lag during it”.',
        check: { kind: 'live', check: 'lag-over-500' },
      },
      {
        id: 'queue-the-pool',
        title: 'Queue behind the threadpool',
        prompt:
          'Get **4 async jobs queued** behind the libuv threadpool, then type how many threads the pool ran at once. The server checks that async jobs really waited for a thread.',
        hint: 'The threadpool timeline can start eight async jobs at once.',
        check: { kind: 'live', check: 'four-async-jobs-queued' },
      },
      {
        id: 'which-blocks',
        title: 'Which one blocks?',
        prompt: 'Which of these, done in a request handler, blocks the event loop?',
        hint: 'Look for the one where the main thread itself does the work or waits for it.',
        check: {
          kind: 'quiz',
          choices: [
            { id: 'await-db', label: 'await db.query(...) on a slow database' },
            { id: 'read-sync', label: 'fs.readFileSync of a 200 MB file' },
            { id: 'idle-sockets', label: 'Keeping 10,000 idle WebSocket connections open' },
            { id: 'timer', label: 'setTimeout(fn, 5000)' },
          ],
          answer: 'read-sync',
        },
      },
    ],
    references: [
      { label: 'Node.js: Don’t Block the Event Loop (or the Worker Pool)', href: 'https://nodejs.org/en/learn/asynchronous-work/dont-block-the-event-loop' },
      {
        label: 'Node.js API: perf_hooks.monitorEventLoopDelay()',
        href: 'https://nodejs.org/api/perf_hooks.html#perf_hooksmonitoreventloopdelayoptions',
      },
      {
        label: 'Node.js API: performance.eventLoopUtilization()',
        href: 'https://nodejs.org/api/perf_hooks.html#performanceeventlooputilizationutilization1-utilization2',
      },
      { label: 'Node.js API: UV_THREADPOOL_SIZE', href: 'https://nodejs.org/api/cli.html#uv_threadpool_sizesize' },
      { label: 'libuv: thread pool work scheduling', href: 'https://docs.libuv.org/en/v1.x/threadpool.html' },
      { label: 'RFC 6585 §4: 429 Too Many Requests', href: 'https://www.rfc-editor.org/rfc/rfc6585#section-4' },
    ],
  },
  content,
);
