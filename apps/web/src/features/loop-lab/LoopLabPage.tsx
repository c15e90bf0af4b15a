// /labs/loop: the event-loop lab on one page: run jobs, watch lag and heartbeat, the threadpool
// timeline, and predict-the-order experiments, all against the live server.

import { Suspense } from 'react';
import { LiveOnly } from '../../lib/ui/LiveOnly.tsx';
import { WorkerBadge } from '../../lib/live/WorkerBadge.tsx';
import { Link } from 'react-router';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import LoopLab from './LoopLab.tsx';
import ThreadpoolTimeline from './ThreadpoolTimeline.tsx';
import OrderPredictor from './OrderPredictor.tsx';
import ProcessView from './ProcessView.tsx';

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
      {/* The build's prerender has no live server: one placeholder holds the lab's place, a screen tall, so the
          lab replacing it moves nothing the reader can see (the lab is taller than a screen). */}
      <LiveOnly placeholder={<p className="widget widget--loading loop-lab__placeholder">Loading the live lab…</p>}>
        <Suspense fallback={<p className="widget widget--loading loop-lab__placeholder">Loading the lab…</p>}>
          <LoopLab />
          <h2>Threads at work</h2>
          <ThreadpoolTimeline />
          <h2>One process, many threads</h2>
          <ProcessView />
          <h2>Predict the order</h2>
          <OrderPredictor />
        </Suspense>
      </LiveOnly>
      <p>
        The lessons behind this lab: <Link to="/lessons/event-loop">The event loop</Link>,{' '}
        <Link to="/lessons/blocking-the-line">Blocking the line</Link> and{' '}
        <Link to="/lessons/worker-threads">Offloading to worker_threads</Link>.
      </p>
    </article>
  );
}
