// How a live widget tells the predict step around it that it really ran, and what this run showed,
// so "Explain what I saw" opens only after the experiment and explains this run, not a script.

import { createContext, useCallback, useContext, useEffect } from 'react';

export interface Observation {
  /** The prediction choice this run bore out, when the widget can tell (ids from the lesson). */
  outcome?: string;
  /** One or two sentences of what this run showed, with its own numbers. */
  summary?: string;
}

export const ObservedContext = createContext<((observation: Observation) => void) | null>(null);

/** Call the returned function once the widget has a result; outside a predict step it does nothing. */
export function useReportObserved(): (observation?: Observation) => void {
  const report = useContext(ObservedContext);
  return useCallback((observation: Observation = {}) => report?.(observation), [report]);
}

/** Reports `observation` whenever it changes to a new non-null value (compared by content, so a
 *  widget may build it inline on every render). */
export function useReportObservedWhen(observation: Observation | null): void {
  const report = useReportObserved();
  const key = observation ? JSON.stringify(observation) : null;
  useEffect(() => {
    if (key !== null) report(JSON.parse(key) as Observation);
  }, [key, report]);
}
