// The server process as Linux sees it, for "single-threaded does not mean single process": its
// threads right now (from /proc/self/task) named by what they are for, and the processes it started.
// Node 20 leaves every thread's kernel name "node", so each role is proven, not guessed:
// the main thread's id is the pid; a libuv pool thread is one that ran an async readlink of
// /proc/thread-self (the call runs on the pool, and that link names the calling thread); a worker
// thread announces its own id when it starts (cpu-worker.ts). Every other thread is Node's or V8's.

import { readdirSync, readFileSync } from 'node:fs';
import { readlink } from 'node:fs/promises';
import { basename } from 'node:path';
import type { ChildProcessInfo, ChildRole, ProcessThread, ProcessView } from '@loopwire/contract';

/** /proc reports CPU time in USER_HZ ticks, 100 per second on every Linux architecture Node runs on. */
const msPerTick = 10;
const maxCommandLength = 200;
/** Async readlinks per discovery round: enough that every idle pool thread takes some. */
const readlinksPerThread = 8;
const discoveryRounds = 10;

export interface ProcessViewSource {
  view(): Promise<ProcessView>;
  /** A worker thread's own kernel thread id, as it announced it. */
  addWorkerThread(tid: number): void;
}

interface Stat {
  comm: string;
  state: string;
  ppid: number;
  cpuMs: number;
  threads: number;
}

/** Parses /proc/<id>/stat; the name sits in parentheses and may itself contain spaces or ")". */
function parseStat(text: string): Stat {
  const close = text.lastIndexOf(')');
  const fields = text.slice(close + 2).split(' ');
  return {
    comm: text.slice(text.indexOf('(') + 1, close),
    state: fields[0] ?? '?',
    ppid: Number(fields[1]),
    cpuMs: (Number(fields[11]) + Number(fields[12])) * msPerTick,
    threads: Number(fields[17]),
  };
}

// /proc is read synchronously on purpose: its files are made in memory on the spot, and async fs
// calls run on the libuv threadpool, which the lab's async jobs may fill: the view would then wait
// for the very jobs it is meant to show.

/** Reads a /proc file of a thread or process that may end at any moment: null once it has gone. */
function readGone(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

/** The id of the thread that resolved /proc/thread-self ("<pid>/task/<tid>"). */
async function threadSelf(): Promise<number> {
  return Number((await readlink('/proc/thread-self')).split('/').at(-1));
}

function readThreads(pid: number, libuv: ReadonlySet<number>, workers: ReadonlySet<number>): ProcessThread[] {
  const tids = readdirSync('/proc/self/task').map(Number).sort((a, b) => a - b);
  return tids.flatMap((tid): ProcessThread[] => {
    const text = readGone(`/proc/self/task/${tid}/stat`);
    if (text === null) return [];
    const { comm, state, cpuMs } = parseStat(text);
    const role = tid === pid ? 'main' : libuv.has(tid) ? 'libuv' : workers.has(tid) ? 'worker' : 'helper';
    return [{ tid, name: comm, role, state, cpuMs }];
  });
}

/** Shortens `/long/path/dist/fanout/simulator.js` to `…/fanout/simulator.js`; the program to its name. */
function commandOf(argv: string[]): string {
  const [program = '', ...args] = argv;
  const short = args.map((arg) => (arg.startsWith('/') ? `…/${arg.split('/').slice(-2).join('/')}` : arg));
  return [basename(program), ...short].join(' ').slice(0, maxCommandLength);
}

function roleOf(comm: string, argv: string[], parentRole: ChildRole | null): ChildRole {
  if (comm === 'redis-server') return 'redis';
  if (argv.some((arg) => arg.endsWith('fanout/simulator.js'))) return 'device-simulator';
  if (argv.some((arg) => arg.endsWith('lab-cluster/primary.js'))) {
    return parentRole === 'lab-cluster-primary' ? 'lab-cluster-worker' : 'lab-cluster-primary';
  }
  return 'other';
}

/** Every descendant of `pid`, parents before their children, found by each process's parent id. */
function readDescendants(pid: number): ChildProcessInfo[] {
  const ids = readdirSync('/proc').filter((name) => /^\d+$/.test(name)).map(Number).sort((a, b) => a - b);
  const stats = new Map<number, Stat>();
  for (const id of ids) {
    const text = readGone(`/proc/${id}/stat`);
    if (text !== null) stats.set(id, parseStat(text));
  }
  const found: ChildProcessInfo[] = [];
  const roles = new Map<number, ChildRole>();
  let parents = [pid];
  while (parents.length > 0) {
    const next: number[] = [];
    for (const [id, stat] of stats) {
      if (!parents.includes(stat.ppid)) continue;
      const cmdline = readGone(`/proc/${id}/cmdline`);
      if (cmdline === null) continue;
      const argv = cmdline.split('\0').filter(Boolean);
      const role = roleOf(stat.comm, argv, roles.get(stat.ppid) ?? null);
      roles.set(id, role);
      found.push({ pid: id, ppid: stat.ppid, role, command: commandOf(argv.length > 0 ? argv : [stat.comm]), threads: stat.threads });
      next.push(id);
    }
    parents = next;
  }
  return found;
}

export function createProcessView({
  threadpoolSize,
  platform = process.platform,
  pid = process.pid,
}: {
  threadpoolSize: number;
  platform?: NodeJS.Platform;
  pid?: number;
}): ProcessViewSource {
  const libuv = new Set<number>();
  const workers = new Set<number>();
  let discovering: Promise<void> | null = null;

  /** Runs rounds of async readlinks until every pool thread has answered at least once. */
  const discoverPoolThreads = () => {
    discovering ??= (async () => {
      for (let round = 0; round < discoveryRounds && libuv.size < threadpoolSize; round += 1) {
        const tids = await Promise.all(Array.from({ length: threadpoolSize * readlinksPerThread }, threadSelf));
        for (const tid of tids) if (tid !== pid) libuv.add(tid);
      }
    })()
      .catch(() => {})
      .finally(() => (discovering = null));
  };
  if (platform === 'linux') discoverPoolThreads();

  return {
    addWorkerThread(tid) {
      workers.add(tid);
    },
    async view() {
      if (platform !== 'linux') {
        return {
          available: false,
          pid,
          platform,
          reason: `Listing threads and child processes reads /proc, which only Linux has; this server runs on ${platform}.${platform === 'darwin' ? ` In a terminal, \`ps -M ${pid}\` lists the same threads.` : ''}`,
        };
      }
      // The pool may have been busy with async jobs at startup: keep asking until every thread answered.
      if (libuv.size < threadpoolSize) discoverPoolThreads();
      const threads = readThreads(pid, libuv, workers);
      const children = readDescendants(pid);
      for (const tid of workers) if (!threads.some((thread) => thread.tid === tid)) workers.delete(tid);
      return { available: true, pid, at: Date.now(), threads, children, threadpoolSize };
    },
  };
}
