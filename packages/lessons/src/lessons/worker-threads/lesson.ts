import { defineLesson } from '../../define.ts';
import content from './content.md?raw';

export default defineLesson(
  {
    id: 'worker-threads',
    title: 'Offloading to worker_threads',
    question: 'Single-threaded does not mean single process: where does heavy work go?',
    summary: 'The same job off the main thread; the cost of a worker; pools.',
    minutes: 15,
    status: 'ready',
    goals: [
      'Tell a thread from a process, and count the threads a single Node process really has.',
      'Run a CPU job on a worker thread and see the main loop stay free.',
      'Say what a worker costs to start and to talk to, and why servers keep a pool.',
      'Choose between awaiting, the libuv threadpool, partitioning, worker threads and another process.',
    ],
    predict: {
      prompt:
        'The same 2-second hashing job that froze every tab as a blocking job now runs on a worker thread. What does the heartbeat strip of your other tab show while it runs?',
      choices: [
        { id: 'same-gap', label: 'The same 2-second gap: it is the same work' },
        { id: 'no-gap', label: 'No gap: the ticks keep coming' },
        { id: 'short-gap', label: 'A short gap while the worker starts, then nothing' },
        { id: 'disconnect', label: 'The tab disconnects until the job is done' },
      ],
      answer: 'no-gap',
      observe: {
        widget: 'LoopLab',
        instructions: 'Choose **worker**, 2000 ms, and press **Run job**. Then run the same as **blocking** and compare the heartbeat.',
      },
      explain: `The hashing now runs on another thread with its own event loop; the main thread only posts a
message and later receives the answer, so its timers keep firing and every tab keeps getting ticks.
There is no start-up gap either: this server's workers are started once, in a pool, when the server
starts ([Node docs: worker_threads](https://nodejs.org/api/worker_threads.html)).`,
      answeredBy: ["the heartbeat keeps coming"],
    },
    recap: [
      'A process has its own memory; threads inside it share that memory. One Node process already runs several threads; one of them runs your JavaScript.',
      'Worker threads are JavaScript threads in the same process, each with its own isolate and event loop, talking by messages.',
      'Workers cost tens of milliseconds and megabytes to start: keep a pool sized to the cores, and let its queue absorb bursts.',
      'Awaiting I/O needs no thread; fs, DNS and some crypto use the libuv threadpool; CPU-heavy JavaScript belongs on workers; isolation calls for processes.',
    ],
    challenges: [
      {
        id: 'calm-worker',
        title: 'Two seconds of work, no lag',
        prompt:
          'Run a **worker** job of at least 2000 ms and type the worst loop lag the lab reported for it (in ms). The server checks its own record: while the job ran, the loop’s lag must have stayed far below the job’s length (under 500 ms; a blocking job of the same length lags it by about 2000 ms).',
        hint: 'Choose worker, set the slider to 2000 ms or more, and read “worst loop lag during it”.',
        check: { kind: 'live', check: 'worker-keeps-loop-free' },
      },
      {
        id: 'count-processes',
        title: 'Count the processes',
        prompt: 'You run `node server.js`, which starts a pool of 4 worker threads and uses the libuv threadpool. How many operating-system processes is that?',
        hint: 'Threads live inside a process.',
        check: {
          kind: 'quiz',
          choices: [
            { id: 'one', label: '1' },
            { id: 'five', label: '5 (main + 4 workers)' },
            { id: 'nine', label: '9 (main + 4 workers + 4 threadpool threads)' },
          ],
          answer: 'one',
        },
      },
      {
        id: 'not-on-pool',
        title: 'Not on any pool',
        prompt: 'Which of these does **not** use the libuv threadpool?',
        hint: 'One of them is watched by the kernel instead.',
        check: {
          kind: 'quiz',
          choices: [
            { id: 'readfile', label: 'fs.readFile' },
            { id: 'pbkdf2', label: 'crypto.pbkdf2' },
            { id: 'lookup', label: 'dns.lookup' },
            { id: 'socket', label: 'Reading a request from a TCP socket' },
          ],
          answer: 'socket',
        },
      },
    ],
    references: [
      { label: 'Node.js API: worker_threads', href: 'https://nodejs.org/api/worker_threads.html' },
      { label: 'Node.js API: os.availableParallelism()', href: 'https://nodejs.org/api/os.html#osavailableparallelism' },
      { label: 'Node.js: Don’t Block the Event Loop (or the Worker Pool)', href: 'https://nodejs.org/en/learn/asynchronous-work/dont-block-the-event-loop' },
      { label: 'libuv: thread pool work scheduling', href: 'https://docs.libuv.org/en/v1.x/threadpool.html' },
      { label: 'piscina: the worker pool this server uses', href: 'https://github.com/piscinajs/piscina' },
    ],
  },
  content,
);
