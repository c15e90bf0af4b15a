// "Single-threaded does not mean single process", shown live: the server's process, its threads right
// now grouped by what they are for (each lit by the CPU it used in the last second), and the child
// processes it started. Refreshes every second; the buttons start lab jobs so the threads light up.

import { useEffect, useRef, useState } from 'react';
import type { ChildRole, JobMode, ProcessThread, ProcessView as View, ThreadRole } from '@loopwire/contract';
import { fetchProcessView, runLabBatch } from './api.ts';
import { WidgetError } from '../../lib/ui/WidgetError.tsx';
import { busyShare, type Busy } from './process-busy.ts';
import './process-view.css';

const refreshMs = 1000;
/** Long enough for a few readings to catch the threads at work. */
const jobMs = 2000;

const groups: { role: ThreadRole; title: string; about: string }[] = [
  { role: 'main', title: 'Main thread', about: 'runs every callback of your JavaScript: the event loop. This is the “single thread”.' },
  {
    role: 'libuv',
    title: 'libuv threadpool',
    about: 'fs, dns.lookup, crypto.pbkdf2, zlib: C++ work handed off by the main thread. Found by asking each to read /proc/thread-self.',
  },
  { role: 'worker', title: 'worker_threads', about: 'the lab’s worker pool: each thread has its own event loop and runs the worker job’s JavaScript.' },
  { role: 'helper', title: 'Node and V8 helpers', about: 'started by Node itself: V8’s background compiling and garbage collection, and Node’s own housekeeping.' },
];

const childLabels: Record<ChildRole, string> = {
  'device-simulator': 'device simulator (the fan-out lesson’s devices)',
  'lab-cluster-primary': 'lab cluster primary (Beyond one server)',
  'lab-cluster-worker': 'lab cluster worker',
  redis: 'Redis server (the lab cluster’s adapter)',
  other: 'another child process',
};

const stateWords: Record<string, string> = { R: 'running', S: 'sleeping', D: 'waiting on the disk' };

function ThreadChip({ thread, busy }: { thread: ProcessThread; busy: number | null }) {
  const percent = busy === null ? null : Math.round(busy * 100);
  const running = thread.state === 'R';
  return (
    <li className={`process-thread${running ? ' is-running' : ''}`} data-testid="process-thread" data-role={thread.role} data-state={thread.state}>
      <span className="mono">{thread.tid}</span>
      <span className="process-thread__bar" aria-hidden="true">
        <span style={{ width: `${Math.min(100, percent ?? 0)}%` }} />
      </span>
      <span className="process-thread__cpu">{percent === null ? '…' : `${percent} % CPU`}</span>
      <span className="process-thread__state">{stateWords[thread.state] ?? thread.state}</span>
    </li>
  );
}

export default function ProcessView() {
  const [view, setView] = useState<View | null>(null);
  const [busy, setBusy] = useState<Busy>(new Map());
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState<JobMode | null>(null);
  const previous = useRef<View | null>(null);

  useEffect(() => {
    let current = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const refresh = async () => {
      try {
        const next = await fetchProcessView();
        if (!current) return;
        setBusy(busyShare(previous.current, next));
        previous.current = next;
        setView(next);
        setError(null);
      } catch (caught) {
        if (current) setError((caught as Error).message);
      }
      if (current) timer = setTimeout(() => void refresh(), refreshMs);
    };
    void refresh();
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, []);

  async function run(mode: JobMode, count: number) {
    setRunning(mode);
    try {
      await runLabBatch(mode, jobMs, count);
    } catch (caught) {
      setError((caught as Error).message);
    } finally {
      setRunning(null);
    }
  }

  return (
    <figure className="widget process-view" aria-label="Server process view" data-testid="process-view">
      <div className="widget__bar">
        <strong className="widget__title">The server process, right now</strong>
        <div className="widget__actions">
          <button type="button" className="button" disabled={running !== null || view?.available === false} onClick={() => void run('async', 4)}>
            {running === 'async' ? 'Running…' : `Run 4 async jobs (${jobMs / 1000} s)`}
          </button>
          <button type="button" className="button" disabled={running !== null || view?.available === false} onClick={() => void run('worker', 2)}>
            {running === 'worker' ? 'Running…' : `Run 2 worker jobs (${jobMs / 1000} s)`}
          </button>
        </div>
      </div>
      <WidgetError>{error}</WidgetError>
      {view === null ? <p className="widget__empty">Reading the server process…</p> : null}
      {view && !view.available ? (
        <p className="process-view__unavailable" data-testid="process-unavailable">
          Process {view.pid}: {view.reason}
        </p>
      ) : null}
      {view?.available ? (
        <>
          <p className="process-view__summary" data-testid="process-summary">
            One process, <strong>pid {view.pid}</strong>, with <strong>{view.threads.length} threads</strong> right now, and{' '}
            {view.children.length === 0 ? 'no child processes' : `${view.children.length} child process${view.children.length === 1 ? '' : 'es'}`}.
          </p>
          <div className="process-view__groups">
            {groups.map(({ role, title, about }) => {
              const threads = view.threads.filter((thread) => thread.role === role);
              return (
                <section key={role} className="process-group" aria-label={title} data-testid={`process-group-${role}`}>
                  <h3>
                    {title} <span className="process-group__count">{threads.length}</span>
                  </h3>
                  <p>{about}</p>
                  <ul className="process-group__threads">
                    {threads.map((thread) => (
                      <ThreadChip key={thread.tid} thread={thread} busy={busy.get(thread.tid) ?? null} />
                    ))}
                  </ul>
                </section>
              );
            })}
          </div>
          <h3>Child processes</h3>
          {view.children.length === 0 ? (
            <p className="widget__empty" data-testid="process-children-none">
              None right now. Start the device simulator (Fan-in and fan-out) or the lab cluster (Beyond one server): each is a
              separate process, with its own memory and its own threads, and appears here.
            </p>
          ) : (
            <ul className="process-children" data-testid="process-children">
              {view.children.map((child) => (
                <li key={child.pid} data-role={child.role}>
                  <span className="mono">pid {child.pid}</span> {childLabels[child.role]}, {child.threads} threads
                  {child.ppid !== view.pid ? `, started by ${child.ppid}` : ''} — <code>{child.command}</code>
                </li>
              ))}
            </ul>
          )}
        </>
      ) : null}
      <figcaption className="widget__caption">
        Read every second from Linux’s <code>/proc</code>: <code>/proc/self/task</code> lists the threads, each thread’s{' '}
        <code>stat</code> its CPU time (the bar is the share of one core it used since the last reading; on a busy machine many more threads than these share the cores), and every
        process’s parent id finds the children. On Node 20 every thread is named “node”, so the server proves each role: the
        main thread’s id is the pid, pool threads answered an async read of <code>/proc/thread-self</code>, worker threads
        announced their own id.
      </figcaption>
    </figure>
  );
}
