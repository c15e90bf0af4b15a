// Sends a real request from this page and shows its captured request and response heads byte for
// byte, as the server's socket saw them — and whether keep-alive reused the TCP connection.

import { useState } from 'react';
import type { Capture } from '@loopwire/contract';
import { waitForCapture } from './api.ts';
import { CaptureDetail } from './CaptureDetail.tsx';
import { WidgetError } from '../../lib/ui/WidgetError.tsx';
import { useAction } from '../../lib/useAction.ts';
import { useReportObservedWhen } from '../../lib/observed.ts';
import './inspector.css';

const requests = [
  { label: 'GET /api/health', method: 'GET', path: '/api/health' },
  { label: 'GET /api/whoami (your 4-tuple)', method: 'GET', path: '/api/whoami' },
  { label: 'POST /api/whoami with a JSON body (no such route: 404)', method: 'POST', path: '/api/whoami' },
] as const;

export default function HttpExchange() {
  const [choice, setChoice] = useState(0);
  const [exchanges, setExchanges] = useState<Capture[]>([]);
  const { busy, error, run } = useAction();

  function sendRequest() {
    return run(async () => {
      const request = requests[choice]!;
      // A marker in the query finds this exact exchange among the browser's captures.
      const marker = Math.random().toString(36).slice(2, 8);
      const url = `${request.path}?exchange=${marker}`;
      await fetch(url, request.method === 'POST' ? { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"hello":"server"}' } : {});
      const capture = await waitForCapture((captures) => captures.find((candidate) => candidate.url === url), { limit: 30 }, { settled: true });
      setExchanges((previous) => [capture, ...previous].slice(0, 5));
    });
  }

  const [latest, previous] = exchanges;
  useReportObservedWhen(latest ? { summary: `your request ${latest.method} ${latest.url.split('?')[0]} came first, then the server's ${latest.status ?? ''} answer.` } : null);
  return (
    <figure className="widget" aria-label="HTTP exchange">
      <div className="widget__bar">
        <strong className="widget__title">One HTTP exchange, byte for byte</strong>
      </div>
      <div className="widget__row">
        <label className="field">
          <span>Request</span>
          <select className="input" value={choice} onChange={(event) => setChoice(Number(event.target.value))}>
            {requests.map((request, index) => (
              <option key={request.label} value={index}>
                {request.label}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="button button--primary" disabled={busy} onClick={() => void sendRequest()}>
          Send the request
        </button>
      </div>
      <WidgetError>{error}</WidgetError>
      {latest ? (
        <>
          {previous ? (
            <p className="callout" data-testid="keep-alive">
              {latest.connectionId === previous.connectionId
                ? `Same TCP connection as the previous request (${latest.connectionId}, your port ${latest.remote.port}): keep-alive reused it.`
                : `A new TCP connection (${latest.connectionId}, your port ${latest.remote.port}); the previous one used port ${previous.remote.port}.`}
            </p>
          ) : null}
          <CaptureDetail capture={latest} compact />
        </>
      ) : (
        <p className="widget__empty">Nothing sent yet. The page will make a real request; the server's tap records its bytes.</p>
      )}
      <figcaption className="widget__caption">
        The browser spoke first; the server only answered. That is HTTP: every exchange starts with the client.
      </figcaption>
    </figure>
  );
}
