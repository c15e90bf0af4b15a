// /labs/fanout: a fleet of simulated IoT devices, broadcast latency, a fan-in flood against the
// rate limiter, and chat rooms — all against the live server.

import { Suspense } from 'react';
import { Link } from 'react-router';
import { widgets } from '../../widgets/registry.ts';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';

const { DeviceFleet, BroadcastLab, ChatRoom } = widgets;

export default function FanoutLab() {
  useDocumentTitle('Fan-out lab · Loopwire');
  return (
    <article className="lesson">
      <p className="eyebrow">Lab</p>
      <h1>Fan-in and fan-out</h1>
      <p className="lesson__question">
        What happens when many clients must be notified, or all talk at once? The lesson{' '}
        <Link to="/lessons/fan-in-fan-out">Fan-in and fan-out</Link> explains what you measure here.
      </p>
      <Suspense fallback={<p className="widget widget--loading">Loading the lab…</p>}>
        <h2>The fleet</h2>
        <DeviceFleet />
        <h2>Broadcast and flood</h2>
        <BroadcastLab />
        <h2>Chat rooms</h2>
        <ChatRoom />
      </Suspense>
    </article>
  );
}
