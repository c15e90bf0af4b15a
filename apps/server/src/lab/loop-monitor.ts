// Measures the server's own event loop: worst timer delay and utilisation per 100 ms window,
// kept in a bounded history and handed to listeners (the lab pushes each sample to every page).

import { monitorEventLoopDelay, performance, type EventLoopUtilization } from 'node:perf_hooks';
import type { LoopSample } from '@loopwire/protocol';

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

  const takeSample = () => {
    const elu = performance.eventLoopUtilization(lastElu);
    lastElu = performance.eventLoopUtilization();
    const sample: LoopSample = {
      at: Date.now(),
      lagMaxMs: histogram.count > 0 ? round(lagMs(histogram.max)) : 0,
      lagP50Ms: histogram.count > 0 ? round(lagMs(histogram.percentile(50))) : 0,
      elu: Math.round(elu.utilization * 1000) / 1000,
    };
    histogram.reset();
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
      histogram.disable();
      listeners.clear();
    },
  };
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
