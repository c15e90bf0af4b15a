// /labs/loop: the event-loop lab on one page: run jobs, watch lag and heartbeat, the threadpool
// timeline, and predict-the-order experiments, all against the live server.

import { Suspense, type ReactNode } from 'react';
import { WorkerBadge } from '../../lib/live/WorkerBadge.tsx';
import { Link } from 'react-router';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import LiveLoopLab from './LoopLab.tsx';
import LiveThreadpoolTimeline from './ThreadpoolTimeline.tsx';
import LiveOrderPredictor from './OrderPredictor.tsx';
import LiveProcessView from './ProcessView.tsx';

/** The build's prerender has no live server: it shows a placeholder where each live widget goes. */
function browserOnly(Widget: () => ReactNode) {
  return import.meta.env.SSR ? () => <p className="widget widget--loading">Loading the live widget…</p> : Widget;
}

const LoopLab = browserOnly(LiveLoopLab);
const ThreadpoolTimeline = browserOnly(LiveThreadpoolTimeline);
const OrderPredictor = browserOnly(LiveOrderPredictor);
const ProcessView = browserOnly(LiveProcessView);

export default function LoopLabPage() {
  useDocumentTitle('Loop lab · Loopwire');
  return (
    <article className="lesson">
      <p className="eyebrow">Lab</p>
      <h1>The event-loop lab</h1>
      <WorkerBadge long />
      <p className="lesson__question">
        Everything here is measured on the server running on your machine. Open this page in a second tab, start a blocking job
        in one, and watch the other's heartbeat stop.
      </p>
      <Suspense fallback={<p className="widget widget--loading">Loading the lab…</p>}>
        <LoopLab />
        <h2>Threads at work</h2>
        <ThreadpoolTimeline />
        <h2>One process, many threads</h2>
        <ProcessView />
        <h2>Predict the order</h2>
        <OrderPredictor />
      </Suspense>
      <p>
        The lessons behind this lab: <Link to="/lessons/event-loop">The event loop</Link>,{' '}
        <Link to="/lessons/blocking-the-line">Blocking the line</Link> and{' '}
        <Link to="/lessons/worker-threads">Offloading to worker_threads</Link>.
      </p>
    </article>
  );
}
