// The phases of Node's event loop (timers → pending → poll → check → close, microtasks after every
// callback), lit from what the live server reports: heartbeat ticks (timers), job requests (poll),
// partitioned slices (check), the libuv threadpool and worker threads, and stalls.

import { useId } from 'react';
import { heartbeatGaps } from './heartbeat.ts';
import { useLabJobs, useLoopSamples, useNow, useTickArrivals, type TrackedJob } from './useLabFeed.ts';
import './loop-lab.css';

type PhaseId = 'timers' | 'pending' | 'poll' | 'check' | 'close';

const phases: { id: PhaseId; label: string; note: string; x: number; y: number }[] = [
  { id: 'timers', label: 'timers', note: 'setTimeout, setInterval', x: 110, y: 14 },
  { id: 'pending', label: 'pending callbacks', note: 'deferred system errors', x: 212, y: 92 },
  { id: 'poll', label: 'poll', note: 'I/O callbacks', x: 180, y: 212 },
  { id: 'check', label: 'check', note: 'setImmediate', x: 40, y: 212 },
  { id: 'close', label: 'close callbacks', note: "'close' events", x: 8, y: 92 },
];
const boxWidth = 130;
const boxHeight = 48;

const flashMs = 250;

function running(jobs: readonly TrackedJob[], mode: TrackedJob['mode']): TrackedJob[] {
  return jobs.filter((job) => job.mode === mode && job.result === null);
}

export default function PhaseDiagram() {
  const id = useId();
  const ticks = useTickArrivals(2000);
  const jobs = useLabJobs();
  const samples = useLoopSamples();
  const now = useNow(100);
  const latest = samples[samples.length - 1];

  const stall = heartbeatGaps(ticks, now).find((gap) => gap.ongoing);
  const blocking = running(jobs, 'blocking');
  const stuck = stall !== undefined && blocking.length > 0;
  const lastTick = ticks[ticks.length - 1];
  const lastJobEvent = Math.max(0, ...jobs.map((job) => job.result?.finishedAt ?? job.startedAt));
  const asyncJobs = running(jobs, 'async');
  const workerJobs = running(jobs, 'worker');

  const lit: Record<PhaseId, boolean> = {
    timers: !stuck && lastTick !== undefined && now - lastTick.arrivedAt < flashMs,
    pending: false,
    poll: stuck || now - lastJobEvent < flashMs * 2 || asyncJobs.length + workerJobs.length > 0,
    check: running(jobs, 'partitioned').length > 0,
    close: false,
  };
  const queued = asyncJobs.filter((job) => job.lane === null).length;
  const state = stuck
    ? `Stuck: job #${blocking[0]!.id} holds the main thread, no phase can run.`
    : `Loop turning. Lag ${latest ? latest.lagMaxMs.toFixed(1) : '—'} ms, busy ${latest ? Math.round(latest.elu * 100) : '—'}%.`;

  return (
    <figure className="widget phases" aria-label="Event-loop phase diagram">
      <div className="widget__bar">
        <strong className="widget__title">The event loop, live</strong>
        <span className="mono" data-testid="phase-state">
          {state}
        </span>
      </div>
      {/* Drawn at full size (readable labels); on a narrow screen it scrolls inside this box. */}
      <div className="diagram-scroll" tabIndex={0} role="region" aria-label="Phase diagram">
        <svg className="phases__svg" viewBox="0 0 480 300" role="img" aria-labelledby={`${id}-title ${id}-desc`}>
          <title id={`${id}-title`}>Phases of the Node.js event loop</title>
          <desc id={`${id}-desc`}>
            One turn of the loop visits timers, pending callbacks, poll, check and close callbacks in that order. After every single
            callback, Node empties the nextTick queue and then the promise microtask queue. Beside the loop: the libuv threadpool and
            the worker threads, which run work off the main thread.
          </desc>
          <defs>
            <marker id={`${id}-arrow`} viewBox="0 0 10 10" refX="8" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
              <path className="phases__arrowhead" d="M0,0 L10,5 L0,10 z" />
            </marker>
          </defs>
          {/* Clockwise, nearly a full turn; the arrowhead (lower left, between check and close) shows the direction. */}
          <path className="phases__ring" d="M 55.5 175.8 A 128 100 0 1 1 66.7 193.3" markerEnd={`url(#${id}-arrow)`} />
          <g className={`phases__centre${stuck ? ' is-stuck' : lit.poll || lit.check || lit.timers ? ' is-lit' : ''}`}>
            <circle cx="175" cy="140" r="52" />
            <text x="175" y="128" textAnchor="middle">
              {stuck ? 'your JS' : 'microtasks'}
            </text>
            <text className="phase__note" x="175" y="146" textAnchor="middle">
              {stuck ? 'still running…' : 'nextTick, then'}
            </text>
            <text className="phase__note" x="175" y="160" textAnchor="middle">
              {stuck ? '' : 'promises, after'}
            </text>
            <text className="phase__note" x="175" y="174" textAnchor="middle">
              {stuck ? '' : 'every callback'}
            </text>
          </g>
          {phases.map((phase) => (
            <g
              key={phase.id}
              className={`phase${stuck && phase.id === 'poll' ? ' is-stuck' : lit[phase.id] ? ' is-lit' : ''}`}
              data-testid={`phase-${phase.id}`}
              data-lit={lit[phase.id] ? 'true' : 'false'}
            >
              <rect x={phase.x} y={phase.y} width={boxWidth} height={boxHeight} rx={8} />
              <text x={phase.x + boxWidth / 2} y={phase.y + 21} textAnchor="middle">
                {phase.label}
              </text>
              <text className="phase__note" x={phase.x + boxWidth / 2} y={phase.y + 37} textAnchor="middle">
                {stuck && phase.id === 'poll' ? 'one handler, still running' : phase.note}
              </text>
            </g>
          ))}
          <g className={`phase-side${asyncJobs.length > 0 ? ' is-lit' : ''}`} data-testid="phase-threadpool">
            <rect x="352" y="60" width="120" height="62" rx={8} />
            <text x="412" y="84" textAnchor="middle">
              libuv threadpool
            </text>
            <text className="phase__note" x="412" y="102" textAnchor="middle">
              {asyncJobs.length === 0 ? 'idle (fs, dns, crypto)' : `${asyncJobs.length - queued} running, ${queued} queued`}
            </text>
          </g>
          <g className={`phase-side${workerJobs.length > 0 ? ' is-lit' : ''}`} data-testid="phase-workers">
            <rect x="352" y="160" width="120" height="62" rx={8} />
            <text x="412" y="184" textAnchor="middle">
              worker threads
            </text>
            <text className="phase__note" x="412" y="202" textAnchor="middle">
              {workerJobs.length === 0 ? 'idle (own event loops)' : `${workerJobs.length} job${workerJobs.length === 1 ? '' : 's'} in flight`}
            </text>
          </g>
        </svg>
      </div>
      <figcaption className="widget__caption">
        Lit from the live server: ticks come from a timer, job requests arrive in poll, partitioned slices resume from
        setImmediate in check. A blocking job freezes the whole ring.
      </figcaption>
    </figure>
  );
}
