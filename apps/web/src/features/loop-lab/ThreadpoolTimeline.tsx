// Jobs as bars on the threads that ran them: the main thread, the libuv threadpool's threads and
// the worker threads, with dashed lines for time spent waiting. Start 8 async jobs and 4 must wait.

import { useEffect, useId, useState } from 'react';
import type { JobMode, LabLoopResponse } from '@loopwire/contract';
import { fetchLoop, runLabBatch } from './api.ts';
import { useLabJobs, useNow, type TrackedJob } from './useLabFeed.ts';
import { WidgetError } from '../../lib/ui/WidgetError.tsx';
import './loop-lab.css';

const shownForMs = 20_000;
const batchDurationMs = 1000;
const width = 720;
const labelWidth = 118;
const rowHeight = 26;

interface Lane {
  key: string;
  label: string;
}

function laneKey(job: TrackedJob): string | null {
  if (!job.lane) return null;
  return `${job.lane.kind}:${job.lane.index}`;
}

export default function ThreadpoolTimeline() {
  const id = useId();
  const jobs = useLabJobs();
  const now = useNow(100);
  const [pool, setPool] = useState<Pick<LabLoopResponse, 'threadpoolSize' | 'workerThreads'> | null>(null);
  const [busy, setBusy] = useState<JobMode | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    fetchLoop()
      .then((loop) => current && setPool(loop))
      .catch((caught: Error) => current && setError(caught.message));
    return () => {
      current = false;
    };
  }, []);

  async function runBatch(mode: JobMode) {
    setBusy(mode);
    setError(null);
    try {
      await runLabBatch(mode, batchDurationMs, 8);
    } catch (caught) {
      setError((caught as Error).message);
    } finally {
      setBusy(null);
    }
  }

  const shown = jobs.filter((job) => (job.result?.finishedAt ?? now) > now - shownForMs);
  const workerIds = [...new Set(shown.filter((job) => job.lane?.kind === 'worker').map((job) => job.lane!.index))].sort((a, b) => a - b);
  const workerRows = Math.max(pool?.workerThreads ?? 2, workerIds.length);
  const lanes: Lane[] = [
    { key: 'main:0', label: 'main thread' },
    ...Array.from({ length: pool?.threadpoolSize ?? 4 }, (_, index) => ({ key: `libuv:${index}`, label: `libuv thread ${index + 1}` })),
    ...Array.from({ length: workerRows }, (_, row) => ({
      key: workerIds[row] === undefined ? `worker-slot:${row}` : `worker:${workerIds[row]}`,
      label: workerIds[row] === undefined ? `worker thread` : `worker #${workerIds[row]}`,
    })),
    { key: 'waiting', label: 'waiting' },
  ];
  const row = new Map(lanes.map((lane, index) => [lane.key, index]));
  const from = Math.min(now - 5000, ...shown.map((job) => job.startedAt));
  const to = Math.max(now, ...shown.map((job) => job.result?.finishedAt ?? now));
  const x = (time: number) => labelWidth + ((time - from) / Math.max(1, to - from)) * (width - labelWidth - 8);
  const height = lanes.length * rowHeight + 22;
  const waiting = shown.filter((job) => job.result === null && job.runStartedAt === null).length;

  return (
    <figure className="widget timeline" aria-label="Threadpool timeline">
      <div className="widget__bar">
        <strong className="widget__title">Who ran what: threads over time</strong>
        <div className="widget__actions">
          <button type="button" className="button" disabled={busy !== null} onClick={() => void runBatch('async')}>
            Run 8 async jobs
          </button>
          <button type="button" className="button" disabled={busy !== null} onClick={() => void runBatch('worker')}>
            Run 8 worker jobs
          </button>
        </div>
      </div>
      <WidgetError>{error}</WidgetError>
      <svg
        className="timeline__svg"
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        data-testid="threadpool-timeline"
      >
        <title id={`${id}-title`}>Jobs on the main thread, the libuv threadpool and worker threads</title>
        <desc id={`${id}-desc`}>{`${shown.length} jobs in the last 20 seconds; ${waiting} waiting for a thread now.`}</desc>
        {lanes.map((lane, index) => (
          <g key={lane.key}>
            <rect className="timeline__lane" x={labelWidth} y={index * rowHeight + 3} width={width - labelWidth - 8} height={rowHeight - 6} rx={3} />
            <text className="timeline__lane-label" x={0} y={index * rowHeight + rowHeight / 2 + 4}>
              {lane.label}
            </text>
          </g>
        ))}
        {shown.map((job) => {
          const waitRow = row.get('waiting')!;
          const end = job.result?.finishedAt ?? now;
          const waitedUntil = job.runStartedAt ?? now;
          const key = laneKey(job);
          const laneRow = key === null ? undefined : row.get(key);
          return (
            <g key={job.id} data-testid="timeline-job" data-mode={job.mode} data-lane={key ?? 'waiting'} data-waited={waitedUntil - job.startedAt > 50 ? 'true' : 'false'}>
              {waitedUntil - job.startedAt > 50 ? (
                <line className="timeline__wait" x1={x(job.startedAt)} x2={x(waitedUntil)} y1={waitRow * rowHeight + rowHeight / 2} y2={waitRow * rowHeight + rowHeight / 2} />
              ) : null}
              {laneRow !== undefined && job.runStartedAt !== null ? (
                <>
                  <rect
                    className={`timeline__bar--${job.mode}`}
                    x={x(job.runStartedAt)}
                    y={laneRow * rowHeight + 5}
                    width={Math.max(2, x(end) - x(job.runStartedAt))}
                    height={rowHeight - 10}
                    rx={3}
                    opacity={job.result ? 1 : 0.75}
                  />
                  {x(end) - x(job.runStartedAt) > 28 ? (
                    <text className="timeline__bar-label" x={x(job.runStartedAt) + 4} y={laneRow * rowHeight + rowHeight / 2 + 4}>
                      #{job.id}
                    </text>
                  ) : null}
                </>
              ) : null}
            </g>
          );
        })}
        <text className="timeline__axis" x={labelWidth} y={height - 4}>
          {`${((to - from) / 1000).toFixed(1)} s shown`}
        </text>
      </svg>
      <ul className="timeline__legend">
        {(['blocking', 'partitioned', 'async', 'worker'] as const).map((mode) => (
          <li key={mode}>
            <span className={`timeline__swatch timeline__swatch--${mode}`} aria-hidden="true" />
            {mode}
          </li>
        ))}
        <li>- - - waiting for a thread</li>
      </ul>
      <figcaption className="widget__caption">
        Lanes come from the server: worker lanes are the real <code>threadId</code> each worker reported; libuv does not say which
        of its threads took a job, so those lanes follow its first-in, first-out queue.
      </figcaption>
    </figure>
  );
}
