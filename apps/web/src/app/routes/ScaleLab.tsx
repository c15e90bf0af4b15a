// /labs/scale: the cluster lab on its own page; lesson 13 embeds the same widget.

import { Suspense } from 'react';
import { Link } from 'react-router';
import { widgets } from '../../widgets/registry.ts';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';

const { ScaleLab } = widgets;

export default function ScaleLabPage() {
  useDocumentTitle('Scale lab · Loopwire');
  return (
    <article className="lesson">
      <p className="eyebrow">Lab</p>
      <h1>Beyond one server</h1>
      <p className="lesson__question">
        Several real Node processes on one port, a real Redis, six real clients. The lesson{' '}
        <Link to="/lessons/beyond-one-server">Beyond one server</Link> walks through the experiments.
      </p>
      <Suspense fallback={<p className="widget widget--loading">Loading the lab…</p>}>
        <ScaleLab />
      </Suspense>
    </article>
  );
}
