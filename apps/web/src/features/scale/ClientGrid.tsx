// The six clients: the worker each landed on, its transport, its state machine's state, and whether
// it received the latest broadcast (red when it did not).

import type { ClientSnapshot, Receipts } from './useLabClients.ts';

function stateName(snapshot: ClientSnapshot): string {
  if (snapshot.matches({ running: 'open' })) return 'open';
  if (snapshot.matches({ running: 'reconnecting' })) return 'reconnecting';
  if (snapshot.matches({ running: 'connecting' })) return 'connecting';
  return 'closed';
}

export function ClientGrid({ snapshots, receipts, latest }: { snapshots: ClientSnapshot[]; receipts: Receipts; latest: string | null }) {
  const got = latest ? receipts.get(latest) : undefined;
  return (
    <ol className="scale-clients" aria-label="The lab's six clients">
      {snapshots.map((snapshot, index) => {
        const { pid, transport, failures, lastProblem, pids } = snapshot.context;
        const state = stateName(snapshot);
        const latency = got?.get(index);
        const missed = latest !== null && latency === undefined;
        return (
          <li key={index} className={`scale-client scale-client--${state}${missed ? ' scale-client--missed' : ''}`} data-testid={`scale-client-${index + 1}`}>
            <strong>Client {index + 1}</strong>
            <span className="scale-client__state" data-testid="client-state">
              {state}
            </span>
            <dl>
              <dt>worker pid</dt>
              <dd data-testid="client-pid">{pid ?? '—'}</dd>
              <dt>transport</dt>
              <dd>{transport ?? '—'}</dd>
              <dt>failures</dt>
              <dd data-testid="client-failures">{failures}</dd>
              {pids.length > 1 ? (
                <>
                  <dt>workers so far</dt>
                  <dd>{pids.join(' → ')}</dd>
                </>
              ) : null}
            </dl>
            {lastProblem ? <p className="scale-client__problem">last problem: {lastProblem}</p> : null}
            {latest ? (
              <p className={missed ? 'scale-client__missed' : 'scale-client__got'} data-testid="client-received">
                {missed ? 'missed the broadcast' : `received in ${latency!.toFixed(1)} ms`}
              </p>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
