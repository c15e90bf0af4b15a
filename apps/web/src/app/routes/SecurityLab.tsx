// /labs/security: who is on the other end. What the server knows about each connection, the
// CSWSH demo from a foreign origin, tokens and tickets, and limits — all against the live server.

import { Suspense } from 'react';
import { Link } from 'react-router';
import { widgets } from '../../widgets/registry.ts';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';

const { ConnectionKnowledge, CswshDemo, TokenAuth, LimitsDemo } = widgets;

export default function SecurityLab() {
  useDocumentTitle('Security lab · Loopwire');
  return (
    <article className="lesson">
      <p className="eyebrow">Lab</p>
      <h1>Who is on the other end?</h1>
      <p className="lesson__question">
        How aware is the server of a client, and is that safe? Everything below runs against the server on your
        machine. The lesson <Link to="/lessons/who-is-on-the-other-end">Who is on the other end?</Link> explains it.
      </p>
      <Suspense fallback={<p className="widget widget--loading">Loading the lab…</p>}>
        <h2>What the server knows</h2>
        <ConnectionKnowledge />
        <h2>Cross-Site WebSocket Hijacking</h2>
        <CswshDemo />
        <h2>Tokens and tickets</h2>
        <TokenAuth />
        <h2>Limits</h2>
        <LimitsDemo />
      </Suspense>
    </article>
  );
}
