// One feed client's XState machine drawn live: its states in a row, the current one lit.

import { drawnStates, type DrawnState } from './feedClient.machine.ts';
import './transports.css';

/** Every state is drawn, so exactly one chip is always lit: `idle` before a run, `stopped` after the page ended it. */
export function LifecycleStrip({ state, label }: { state: DrawnState; label: string }) {
  return (
    <ol className="lifecycle" aria-label={`${label} client state: ${state}`} data-state={state}>
      {drawnStates.map((name) => (
        <li key={name} className={`lifecycle__state lifecycle__state--${name}${name === state ? ' is-current' : ''}`}>
          {name}
        </li>
      ))}
    </ol>
  );
}
