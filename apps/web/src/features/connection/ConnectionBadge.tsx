// The live state of the page's Socket.IO connection, straight from the connection machine.

import { useSelector } from '@xstate/react';
import { phaseOf } from '../../lib/live/connection.machine.ts';
import { useLiveConnection } from '../../lib/live/LiveConnection.tsx';

const labels = {
  idle: 'Idle',
  connecting: 'Connecting…',
  open: 'Live',
  reconnecting: 'Reconnecting…',
  closed: 'Offline',
} as const;

export default function ConnectionBadge() {
  const actor = useLiveConnection();
  const phase = useSelector(actor, (snapshot) => phaseOf(snapshot.value));
  const { transport, sid, attempt, lastError } = useSelector(actor, (snapshot) => snapshot.context);
  const connected = phase === 'open' || phase === 'connecting' || phase === 'reconnecting';
  const detail =
    phase === 'open'
      ? `Socket.IO session ${sid} over ${transport}`
      : phase === 'reconnecting'
        ? `Lost the server (${lastError ?? 'no reason given'}); attempt ${attempt}`
        : phase === 'closed' && lastError
          ? `Refused: ${lastError}`
          : 'Socket.IO connection to the live server';
  return (
    <button
      type="button"
      className={`badge badge--${phase}`}
      data-testid="connection-badge"
      data-phase={phase}
      title={`${detail}. Click to ${connected ? 'disconnect' : 'connect'}.`}
      aria-label={`Server connection: ${labels[phase]}. ${detail}. Activate to ${connected ? 'disconnect' : 'connect'}.`}
      onClick={() => actor.send({ type: connected ? 'DISCONNECT' : 'CONNECT' })}
    >
      <span className="badge__dot" aria-hidden="true" />
      {labels[phase]}
      {phase === 'open' && transport ? <span className="badge__transport">{transport}</span> : null}
    </button>
  );
}
