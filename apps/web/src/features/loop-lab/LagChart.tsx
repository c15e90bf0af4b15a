// The live server's event loop over the last 30 s, as two panels on one time axis: lag (the worst
// delay of each 100 ms window) and how busy the loop was. Current values are written out, times
// are relative ("−10 s"), and the drawing can be paused (WCAG 2.2.2); under reduced motion it
// redraws once a second instead of ten times. When the server is unreachable the panels say the
// values are stale, and since when.

import { useEffect, useState, type ReactNode } from 'react';
import type { LoopSample } from '@loopwire/contract';
import './loop-lab.css';

const spanMs = 30_000;
const windowMs = 100;
const ticks = [-30, -20, -10, 0];

function usePrefersReducedMotion(): boolean {
  const query = '(prefers-reduced-motion: reduce)';
  const [reduced, setReduced] = useState(() => matchMedia(query).matches);
  useEffect(() => {
    const media = matchMedia(query);
    const onChange = () => setReduced(media.matches);
    media.addEventListener('change', onChange);
    return () => media.removeEventListener('change', onChange);
  }, []);
  return reduced;
}

/** The samples to draw: all of them, at most once per `everyMs`, or frozen while paused. */
function useDrawnSamples(samples: readonly LoopSample[], paused: boolean, everyMs: number): readonly LoopSample[] {
  const [drawn, setDrawn] = useState(samples);
  const [drawnAt, setDrawnAt] = useState(0);
  useEffect(() => {
    if (paused) return;
    const wait = Math.max(0, drawnAt + everyMs - Date.now());
    const timer = window.setTimeout(() => {
      setDrawn(samples);
      setDrawnAt(Date.now());
    }, wait);
    return () => window.clearTimeout(timer);
  }, [samples, paused, everyMs, drawnAt]);
  return drawn;
}

/** A stepped area: each sample's level reaches back to the previous sample, so a stall (no samples
 *  while the loop was blocked, then one with the whole delay) shows as a block, not as a ramp. */
function steppedArea(samples: readonly LoopSample[], end: number, value: (sample: LoopSample) => number, max: number): string {
  const x = (at: number) => (Math.max(0, ((at - (end - spanMs)) / spanMs) * 300)).toFixed(1);
  const y = (v: number) => (100 - (Math.min(v, max) / max) * 100).toFixed(1);
  const first = samples.findIndex((sample) => sample.at > end - spanMs);
  if (first < 0) return '';
  const visible = samples.slice(first);
  const startOf = (index: number) => samples[first + index - 1]?.at ?? visible[index]!.at - windowMs;
  let path = `M${x(startOf(0))},100`;
  visible.forEach((sample, index) => {
    path += `L${x(startOf(index))},${y(value(sample))}L${x(sample.at)},${y(value(sample))}`;
  });
  return `${path}L${x(visible[visible.length - 1]!.at)},100Z`;
}

function Panel({
  title,
  summary,
  path,
  max,
  unit,
  className,
  testId,
}: {
  title: string;
  summary: ReactNode;
  path: string;
  max: number;
  unit: string;
  className: string;
  testId: string;
}) {
  return (
    <div className={`lag-panel ${className}`}>
      <p className="lag-panel__title">
        <strong>{title}</strong> <span className="lag-panel__summary" data-testid={testId}>{summary}</span>
      </p>
      <div className="lag-panel__plot">
        <span className="lag-panel__max" aria-hidden="true">
          {max} {unit}
        </span>
        <span className="lag-panel__zero" aria-hidden="true">
          0
        </span>
        <svg viewBox="0 0 300 100" preserveAspectRatio="none" aria-hidden="true" focusable="false">
          <line x1="0" x2="300" y1="50" y2="50" className="lag-panel__grid" vectorEffect="non-scaling-stroke" />
          <path d={path} vectorEffect="non-scaling-stroke" />
        </svg>
      </div>
    </div>
  );
}

function clock(at: number): string {
  return new Date(at).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
}

/** Why the drawn values are no longer live, if they are not. */
export type Staleness = 'unreachable' | 'disconnected' | null;

const staleReasons = { unreachable: 'the server is unreachable', disconnected: 'this page is disconnected from the server' };

export function LagChart({ samples, stale }: { samples: readonly LoopSample[]; stale: Staleness }) {
  const reducedMotion = usePrefersReducedMotion();
  const [paused, setPaused] = useState(false);
  const drawn = useDrawnSamples(samples, paused, reducedMotion ? 1000 : windowMs);
  const latest = drawn[drawn.length - 1];
  const end = latest?.at ?? 0;
  const recent = drawn.filter((sample) => sample.at > end - spanMs);
  const worst = recent.reduce((max, sample) => Math.max(max, sample.lagMaxMs), 0);
  const lagMax = Math.max(50, Math.ceil(worst / 50) * 50);
  const busyAverage = recent.length ? (recent.reduce((sum, sample) => sum + sample.elu, 0) / recent.length) * 100 : 0;

  return (
    <div className={`lag-chart${stale ? ' is-stale' : ''}`} data-testid="lag-chart" data-stale={stale !== null}>
      <div className="lag-chart__bar">
        {stale ? (
          <p className="lag-chart__stale" role="status" data-testid="lag-stale">
            Stale: {staleReasons[stale]}{latest ? `; these are its last values, from ${clock(latest.at)}` : ''}.
          </p>
        ) : (
          <p className="lag-chart__note">{paused ? 'Paused: new samples are kept, not drawn.' : reducedMotion ? 'Redrawn once a second (reduced motion).' : 'Live, ten samples a second.'}</p>
        )}
        <button type="button" className="button" aria-pressed={paused} onClick={() => setPaused(!paused)}>
          {paused ? 'Resume chart' : 'Pause chart'}
        </button>
      </div>
      <Panel
        title="Event-loop lag"
        summary={
          latest ? (
            <>
              now <span className="mono">{latest.lagMaxMs.toFixed(1)} ms</span>, worst in 30 s <span className="mono">{worst.toFixed(1)} ms</span>
            </>
          ) : (
            'waiting for the first sample…'
          )
        }
        path={steppedArea(drawn, end, (sample) => sample.lagMaxMs, lagMax)}
        max={lagMax}
        unit="ms"
        className="lag-panel--lag"
        testId="lag-now"
      />
      <Panel
        title="Loop busy"
        summary={
          latest ? (
            <>
              now <span className="mono">{(latest.elu * 100).toFixed(0)} %</span>, 30 s average <span className="mono">{busyAverage.toFixed(0)} %</span>
            </>
          ) : (
            ''
          )
        }
        path={steppedArea(drawn, end, (sample) => sample.elu * 100, 100)}
        max={100}
        unit="%"
        className="lag-panel--busy"
        testId="busy-now"
      />
      <div className="lag-chart__axis" aria-hidden="true">
        {ticks.map((tick) => (
          <span key={tick}>{tick === 0 ? 'now' : `−${-tick} s`}</span>
        ))}
      </div>
      <p className="widget__caption" data-testid="lag-worst">
        Worst lag in the last 30 s: <strong className="mono">{worst.toFixed(1)} ms</strong>
      </p>
    </div>
  );
}
