// Live lab data from the page's Socket.IO connection: loop samples, heartbeat gaps and jobs, each in
// a bounded buffer so a tab left open for hours stays the same size.

import { useCallback, useEffect, useState } from 'react';
import type { LabJobResult, LabJobRunning, LabJobStarted, LoopSample, LoopTick } from '@loopwire/contract';
import { useServerEvent } from '../../lib/live/LiveConnection.tsx';
import { fetchLoop, fetchRecentJobs } from './api.ts';

/** 30 s of 100 ms windows. */
const samplesKept = 300;

export function useLoopSamples(): LoopSample[] {
  const [samples, setSamples] = useState<LoopSample[]>([]);
  useEffect(() => {
    let current = true;
    fetchLoop()
      .then(({ samples: history }) => {
        if (current) setSamples((live) => [...history.filter((old) => old.at < (live[0]?.at ?? Infinity)), ...live].slice(-samplesKept));
      })
      .catch(() => {
        // The live feed still fills the chart; the history is only a head start.
      });
    return () => {
      current = false;
    };
  }, []);
  const onSample = useCallback((sample: LoopSample) => {
    setSamples((previous) => [...previous, sample].slice(-samplesKept));
  }, []);
  useServerEvent('loop:sample', onSample);
  return samples;
}

export interface TickArrival {
  seq: number;
  sentAt: number;
  /** This page's clock when the tick arrived. */
  arrivedAt: number;
}

/** Heartbeat ticks as this page received them, the last `windowMs` of them. */
export function useTickArrivals(windowMs = 10_000): TickArrival[] {
  const [ticks, setTicks] = useState<TickArrival[]>([]);
  const onTick = useCallback(
    (tick: LoopTick) => {
      const arrivedAt = Date.now();
      setTicks((previous) => [...previous.filter((old) => old.arrivedAt > arrivedAt - windowMs), { ...tick, arrivedAt }]);
    },
    [windowMs],
  );
  useServerEvent('loop:tick', onTick);
  return ticks;
}

export interface TrackedJob {
  id: number;
  mode: LabJobStarted['mode'];
  durationMs: number;
  startedAt: number;
  lane: LabJobStarted['lane'];
  runStartedAt: number | null;
  result: LabJobResult | null;
}

const jobsKept = 40;

/** Every job any page started, as the server announces it: started → running → finished. */
export function useLabJobs(): TrackedJob[] {
  const [jobs, setJobs] = useState<TrackedJob[]>([]);
  // Jobs that finished before this page opened, so a fresh tab shows the last experiment too.
  useEffect(() => {
    let current = true;
    fetchRecentJobs()
      .then(({ jobs: finished }) => {
        if (!current) return;
        setJobs((live) => {
          const known = new Set(live.map((job) => job.id));
          const earlier = finished
            .filter((result) => !known.has(result.id))
            .map((result): TrackedJob => ({ ...result, result }));
          return [...earlier, ...live].sort((a, b) => a.id - b.id).slice(-jobsKept);
        });
      })
      .catch(() => {
        // Live events still fill the list; the history is only a head start.
      });
    return () => {
      current = false;
    };
  }, []);
  const onStarted = useCallback((job: LabJobStarted) => {
    const tracked: TrackedJob = { ...job, runStartedAt: job.lane ? job.startedAt : null, result: null };
    setJobs((previous) => [...previous, tracked].slice(-jobsKept));
  }, []);
  const onRunning = useCallback((running: LabJobRunning) => {
    setJobs((previous) =>
      previous.map((job) => (job.id === running.id ? { ...job, lane: running.lane, runStartedAt: running.runStartedAt } : job)),
    );
  }, []);
  const onFinished = useCallback((result: LabJobResult) => {
    setJobs((previous) =>
      previous.map((job) =>
        job.id === result.id ? { ...job, lane: result.lane, runStartedAt: result.runStartedAt, result } : job,
      ),
    );
  }, []);
  useServerEvent('lab:job-started', onStarted);
  useServerEvent('lab:job-running', onRunning);
  useServerEvent('lab:job-finished', onFinished);
  return jobs;
}

/** This page's clock, refreshed every `everyMs`, so gaps can grow while no tick arrives. */
export function useNow(everyMs = 100): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
