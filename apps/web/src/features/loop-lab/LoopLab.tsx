// The event-loop lab: choose a mode and a duration, run a real job on the live server, and watch
// its loop lag, its phases and its heartbeat while it runs. The run is the labRun machine.

import { useId } from 'react';
import { useRadioGroupName } from '../../lib/useRadioGroupName.ts';
import { useMachine } from '@xstate/react';
import { fromPromise } from 'xstate';
import { jobDurationLimits, jobModes, type JobMode } from '@loopwire/contract';
import { labRunMachine } from './labRun.machine.ts';
import { workDone } from './job-work.ts';
import { runLabJob } from './api.ts';
import { useLoopSamples } from './useLabFeed.ts';
import { LagChart, type Staleness } from './LagChart.tsx';
import HeartbeatStrip from './HeartbeatStrip.tsx';
import PhaseDiagram from './PhaseDiagram.tsx';
import { WidgetError } from '../../lib/ui/WidgetError.tsx';
import { useLivePhase } from '../../lib/live/LiveConnection.tsx';
import { useReportObservedWhen } from '../../lib/observed.ts';
import './loop-lab.css';

const liveLabRunMachine = labRunMachine.provide({
  actors: { runJob: fromPromise(({ input }: { input: { mode: JobMode; durationMs: number } }) => runLabJob(input.mode, input.durationMs)) },
});

const modeHints: Record<JobMode, string> = {
  blocking: 'hash on the main thread, no pauses',
  partitioned: 'the same work in 8 ms slices, setImmediate between',
  async: 'crypto.pbkdf2 on the libuv threadpool',
  worker: 'the same hashing on a worker thread',
};

/**
 * The chart with the samples it draws: they arrive ten times a second, and kept here they redraw the
 * chart only, not the controls and the diagrams around it.
 */
function LiveLagChart({ stale }: { stale: Staleness }) {
  const samples = useLoopSamples();
  return <LagChart samples={samples} stale={stale} />;
}

export default function LoopLab() {
  const id = useId();
  const modeGroup = useRadioGroupName('lab-mode');
  const [snapshot, send] = useMachine(liveLabRunMachine);
  const { mode, durationMs, result, error } = snapshot.context;
  const running = snapshot.matches('running');
  const phase = useLivePhase();
  const stale = phase === 'reconnecting' ? 'unreachable' : phase === 'closed' ? 'disconnected' : null;
  useReportObservedWhen(
    result
      ? { summary: `your ${result.mode} job of ${result.durationMs} ms took ${result.elapsedMs} ms, and the loop's worst lag during it was ${result.maxLoopLagMs.toFixed(1)} ms.` }
      : null,
  );

  return (
    <div className="loop-lab" data-testid="loop-lab">
      <figure className="widget" aria-label="Loop lab controls">
        <div className="widget__bar">
          <strong className="widget__title">Run a job on the live server</strong>
          <span className="badge" data-testid="lab-run-state" data-state={String(snapshot.value)}>
            {running ? `running ${mode}…` : snapshot.matches('showingResult') ? 'done' : snapshot.matches('failed') ? 'failed' : 'ready'}
          </span>
        </div>
        <div className="lab-controls">
          <fieldset className="lab-modes">
            <legend>Mode</legend>
            {jobModes.map((candidate) => (
              <label key={candidate} className="lab-mode" title={modeHints[candidate]}>
                <input
                  type="radio"
                  name={modeGroup}
                  value={candidate}
                  checked={mode === candidate}
                  disabled={running}
                  onChange={() => send({ type: 'SET_MODE', mode: candidate })}
                />
                {candidate}
              </label>
            ))}
          </fieldset>
          <p className="widget__caption">{modeHints[mode]}</p>
          <div className="lab-duration">
            <label htmlFor={`${id}-duration`}>Duration</label>
            <input
              id={`${id}-duration`}
              type="range"
              min={100}
              max={jobDurationLimits.maxMs}
              step={100}
              value={durationMs}
              disabled={running}
              aria-valuetext={`${durationMs} ms`}
              onChange={(event) => send({ type: 'SET_DURATION', durationMs: Number(event.target.value) })}
            />
            <output htmlFor={`${id}-duration`} className="mono" data-testid="lab-duration-value">
              {durationMs} ms
            </output>
          </div>
          <div className="lab-run-row">
            {/* aria-disabled, not disabled: the pressed button keeps focus while the job runs. */}
            <button type="button" className="button button--primary" aria-disabled={running} onClick={() => running || send({ type: 'RUN' })}>
              {running ? 'Running…' : 'Run job'}
            </button>
            <WidgetError>{error}</WidgetError>
          </div>
          {result ? (
            <dl className="lab-result" data-testid="lab-result" aria-live="polite">
              <div>
                <dt>job</dt>
                <dd>
                  #{result.id} {result.mode}
                </dd>
              </div>
              <div>
                <dt>work done</dt>
                <dd data-testid="lab-result-work">{workDone(result)}</dd>
              </div>
              <div>
                <dt>elapsed</dt>
                <dd>{result.elapsedMs} ms</dd>
              </div>
              <div>
                <dt>worst loop lag during it</dt>
                <dd data-testid="lab-result-lag">{result.maxLoopLagMs.toFixed(1)} ms</dd>
              </div>
              <div>
                <dt>ran on</dt>
                <dd>
                  {result.lane.kind === 'main' ? 'main thread' : result.lane.kind === 'libuv' ? `libuv thread ${result.lane.index + 1}` : `worker #${result.lane.index}`}
                </dd>
              </div>
            </dl>
          ) : null}
        </div>
        <LiveLagChart stale={stale} />
      </figure>
      <HeartbeatStrip />
      <PhaseDiagram />
    </div>
  );
}
