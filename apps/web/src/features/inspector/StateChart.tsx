// A connection machine's states in a row with the current one lit: the XState lifecycle, drawn live.

export function StateChart({ states, current, label }: { states: readonly string[]; current: string; label: string }) {
  return (
    <ol className="state-chart" aria-label={`${label}: ${current}`} data-testid="machine-state" data-state={current}>
      {states.map((state) => (
        <li key={state} className={state === current ? 'is-current' : undefined} aria-current={state === current ? 'step' : undefined}>
          {state}
        </li>
      ))}
    </ol>
  );
}
