// Event-loop lag of the live server over the last 30 s (worst delay per 100 ms window) and how busy
// the loop was, drawn with uPlot, which is loaded only when a chart is on screen.

import { useEffect, useRef, useState } from 'react';
import type uPlot from 'uplot';
import type { LoopSample } from '@loopwire/protocol';
import './loop-lab.css';

const spanSeconds = 30;

function cssColor(name: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || '#888';
}

function toData(samples: readonly LoopSample[]): uPlot.AlignedData {
  return [samples.map((sample) => sample.at / 1000), samples.map((sample) => sample.lagMaxMs), samples.map((sample) => sample.elu * 100)];
}

/** Each sample is the worst delay of the 100 ms window that *ends* at its time, so the level is drawn
 *  back to the previous sample: a stall shows as a block, not as a ramp. */
function options(width: number, UPlot: typeof uPlot): uPlot.Options {
  const windowSteps = UPlot.paths.stepped!({ align: -1 });
  const muted = cssColor('--text-muted');
  const grid = cssColor('--border');
  const axis = { stroke: muted, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 } };
  return {
    width,
    height: 220,
    cursor: { drag: { x: false, y: false } },
    scales: {
      x: { time: true },
      ms: { range: (_u, _min, max) => [0, Math.max(50, Math.ceil((max ?? 0) / 50) * 50)] },
      pct: { range: [0, 100] },
    },
    series: [
      {},
      { label: 'lag (ms)', scale: 'ms', stroke: cssColor('--server'), width: 2, paths: windowSteps, fill: `${cssColor('--server')}22`, value: (_u, v) => (v == null ? '—' : `${v.toFixed(1)} ms`) },
      { label: 'loop busy (%)', scale: 'pct', stroke: cssColor('--accent'), width: 1.5, paths: windowSteps, value: (_u, v) => (v == null ? '—' : `${v.toFixed(0)}%`) },
    ],
    axes: [
      { ...axis },
      { ...axis, scale: 'ms', label: 'lag, ms', labelSize: 18, size: 50 },
      { ...axis, scale: 'pct', side: 1, label: 'busy, %', labelSize: 18, size: 44, grid: { show: false } },
    ],
  };
}

export function LagChart({ samples }: { samples: readonly LoopSample[] }) {
  const host = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const [theme, setTheme] = useState(() => document.documentElement.dataset.theme ?? '');
  const latestSamples = useRef(samples);
  useEffect(() => {
    latestSamples.current = samples;
  }, [samples]);

  useEffect(() => {
    const observer = new MutationObserver(() => setTheme(document.documentElement.dataset.theme ?? ''));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    return () => observer.disconnect();
  }, []);

  // Create the chart (again when the theme changes: uPlot draws on a canvas with resolved colours).
  useEffect(() => {
    let cancelled = false;
    let resize: ResizeObserver | null = null;
    void Promise.all([import('uplot'), import('uplot/dist/uPlot.min.css')]).then(([{ default: UPlot }]) => {
      if (cancelled || !host.current) return;
      const element = host.current;
      plot.current = new UPlot(options(element.clientWidth || 600, UPlot), toData(latestSamples.current), element);
      resize = new ResizeObserver(() => plot.current?.setSize({ width: element.clientWidth, height: 220 }));
      resize.observe(element);
    });
    return () => {
      cancelled = true;
      resize?.disconnect();
      plot.current?.destroy();
      plot.current = null;
    };
  }, [theme]);

  useEffect(() => {
    const chart = plot.current;
    if (!chart) return;
    const last = samples[samples.length - 1]?.at ?? Date.now();
    chart.batch(() => {
      chart.setData(toData(samples), false);
      chart.setScale('x', { min: last / 1000 - spanSeconds, max: last / 1000 });
    });
  }, [samples]);

  const worst = samples.reduce((max, sample) => Math.max(max, sample.lagMaxMs), 0);
  return (
    <div>
      <div ref={host} className="lag-chart" role="img" aria-label={`Event-loop lag over the last 30 seconds; worst ${worst.toFixed(0)} ms`} />
      <p className="widget__caption" data-testid="lag-worst">
        Worst lag in the last 30 s: <strong className="mono">{worst.toFixed(1)} ms</strong>
      </p>
    </div>
  );
}
