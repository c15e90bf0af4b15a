// The live state of the page's Socket.IO connection, straight from the connection machine. A
// change after the first connection (lost, back) is also announced to screen readers.

import { useEffect, useRef, useState } from 'react';
import { useSelector } from '@xstate/react';
import { phaseOf } from '../../lib/live/connection.machine.ts';
import { useLiveConnection } from '../../lib/live/LiveConnection.tsx';

const labels = {
  idle: 'Idle',
  connecting: 'Connecting…',
  open: 'Live',
  reconnecting: 'Unreachable',
  closed: 'Offline',
} as const;

const announcements = {
  idle: '',
  connecting: '',
  open: 'Connected to the live server again.',
  reconnecting: 'The live server is unreachable; reconnecting. Live views show their last values, marked stale.',
  closed: 'Disconnected from the live server.',
} as const;

/** What to announce: nothing until the connection first opens, then each change of phase. */
function useAnnouncement(phase: keyof typeof announcements): string {
  const [announcement, setAnnouncement] = useState('');
  const wasOpen = useRef(false);
  useEffect(() => {
    if (phase === 'open' && !wasOpen.current) {
      wasOpen.current = true;
      return;
    }
    if (wasOpen.current) setAnnouncement(announcements[phase]);
  }, [phase]);
  return announcement;
}

export default function ConnectionBadge() {
  const actor = useLiveConnection();
  const phase = useSelector(actor, (snapshot) => phaseOf(snapshot.value));
  const { transport, sid, attempt, lastError } = useSelector(actor, (snapshot) => snapshot.context);
  const connected = phase === 'open' || phase === 'connecting' || phase === 'reconnecting';
  const detail =
    phase === 'open'
      ? `Socket.IO session ${sid} over ${transport}`
      : phase === 'reconnecting'
        ? `The server is unreachable (${lastError ?? 'no answer'}); reconnecting, attempt ${attempt}`
        : phase === 'closed' && lastError
          ? `Stopped: ${lastError}`
          : 'Socket.IO connection to the live server';
  const announcement = useAnnouncement(phase);
  return (
    <>
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
      <span className="visually-hidden" role="status">
        {announcement}
      </span>
    </>
  );
}
