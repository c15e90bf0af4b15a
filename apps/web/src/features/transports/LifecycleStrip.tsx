// One feed client's XState machine drawn live: its states in a row, the current one lit.

import { drawnStates, type DrawnState } from './feedClient.machine.ts';
import './transports.css';

const shown: readonly DrawnState[] = drawnStates.filter((state) => state !== 'idle' && state !== 'stopped');

export function LifecycleStrip({ state, label }: { state: DrawnState; label: string }) {
  return (
    <ol className="lifecycle" aria-label={`${label} client state: ${state}`} data-state={state}>
      {shown.map((name) => (
        <li key={name} className={`lifecycle__state lifecycle__state--${name}${name === state ? ' is-current' : ''}`}>
          {name}
        </li>
      ))}
    </ol>
  );
}
