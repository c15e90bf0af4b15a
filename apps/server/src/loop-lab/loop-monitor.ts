// Measures the server's own event loop: worst timer delay and utilisation per 100 ms window,
// kept in a bounded history and handed to listeners (the lab pushes each sample to every page).

import { monitorEventLoopDelay, performance, type EventLoopUtilization } from 'node:perf_hooks';
import type { LoopSample } from '@loopwire/contract';

export interface LoopMonitor {
  /** Oldest first; at most `historySize` samples. */
  history(): LoopSample[];
  onSample(listener: (sample: LoopSample) => void): () => void;
  stop(): void;
}

export interface LoopMonitorOptions {
  windowMs?: number;
  /** Timer resolution of monitorEventLoopDelay; every reading includes it, so it is subtracted. */
  resolutionMs?: number;
  historySize?: number;
}

const nsPerMs = 1e6;

export function createLoopMonitor({ windowMs = 100, resolutionMs = 10, historySize = 600 }: LoopMonitorOptions = {}): LoopMonitor {
  const histogram = monitorEventLoopDelay({ resolution: resolutionMs });
  histogram.enable();
  const samples: LoopSample[] = [];
  const listeners = new Set<(sample: LoopSample) => void>();
  let lastElu: EventLoopUtilization = performance.eventLoopUtilization();

  const lagMs = (nanoseconds: number) => Math.max(0, nanoseconds / nsPerMs - resolutionMs);

  // reset() also forgets the histogram's previous timer reading, so the interval that spans a
  // reset is never recorded: a stall that starts just after a window opens would be lost. A timer
  // at the same resolution, measuring its own lateness, covers exactly that interval.
  let probeDueAt = performance.now() + resolutionMs;
  let probeWorstMs = 0;
  const probe = setInterval(() => {
    const now = performance.now();
    probeWorstMs = Math.max(probeWorstMs, now - probeDueAt);
    probeDueAt = now + resolutionMs;
  }, resolutionMs);

  const takeSample = () => {
    const elu = performance.eventLoopUtilization(lastElu);
    lastElu = performance.eventLoopUtilization();
    const sample: LoopSample = {
      at: Date.now(),
      lagMaxMs: round(Math.max(histogram.count > 0 ? lagMs(histogram.max) : 0, probeWorstMs)),
      lagP50Ms: histogram.count > 0 ? round(lagMs(histogram.percentile(50))) : 0,
      elu: Math.round(elu.utilization * 1000) / 1000,
    };
    histogram.reset();
    probeWorstMs = 0;
    samples.push(sample);
    if (samples.length > historySize) samples.shift();
    for (const listener of listeners) listener(sample);
  };
  const timer = setInterval(takeSample, windowMs);

  return {
    history: () => [...samples],
    onSample(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stop() {
      clearInterval(timer);
      clearInterval(probe);
      histogram.disable();
      listeners.clear();
    },
  };
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
