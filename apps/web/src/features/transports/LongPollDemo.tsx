// Long polling made visible: three requests held open by the server, all released by one posted message
// (or answered 204 after 25 s of nothing).

import { useEffect, useRef, useState } from 'react';
import { longPollHoldMs, type FeedMessages, type PostedFeedMessage } from '@loopwire/contract';
import { newestFeedId } from './feed-clients.ts';
import { WidgetError } from '../../lib/ui/WidgetError.tsx';
import './transports.css';
import { requestJson } from '../../lib/api.ts';

interface Waiter {
  n: number;
  startedAt: number;
  answer: { status: number; afterMs: number; id: number | null; text: string | null } | null;
}

const waiterCount = 3;

export default function LongPollDemo() {
  const [waiters, setWaiters] = useState<Waiter[]>([]);
  const [now, setNow] = useState(() => performance.now());
  const [error, setError] = useState<string | null>(null);
  const [posted, setPosted] = useState<number | null>(null);
  const controllers = useRef<AbortController[]>([]);
  const holding = waiters.some((waiter) => waiter.answer === null);
  // The server answers 204 at its hold time; anything longer was spent queued in the browser.
  const queuedInBrowser = waiters.some((waiter) => (waiter.answer ? waiter.answer.afterMs : now - waiter.startedAt) > longPollHoldMs + 2000);

  useEffect(() => {
    if (!holding) return;
    const timer = setInterval(() => setNow(performance.now()), 200);
    return () => clearInterval(timer);
  }, [holding]);

  useEffect(() => () => controllers.current.forEach((controller) => controller.abort()), []);

  async function hold() {
    setError(null);
    controllers.current.forEach((controller) => controller.abort());
    const after = await newestFeedId();
    const startedAt = performance.now();
    setNow(startedAt);
    setWaiters(Array.from({ length: waiterCount }, (_, n) => ({ n: n + 1, startedAt, answer: null })));
    controllers.current = Array.from({ length: waiterCount }, (_, n) => {
      const controller = new AbortController();
      fetch(`/api/poll/long?after=${after}`, { signal: controller.signal, cache: 'no-store' })
        .then(async (response) => {
          const body = response.status === 200 ? ((await response.json()) as FeedMessages) : null;
          const first = body?.messages[0];
          const answer = { status: response.status, afterMs: performance.now() - startedAt, id: first?.id ?? null, text: first?.text ?? null };
          setWaiters((previous) => previous.map((waiter) => (waiter.n === n + 1 ? { ...waiter, answer } : waiter)));
        })
        .catch((caught: Error) => {
          if (caught.name !== 'AbortError') setError(caught.message);
        });
      return controller;
    });
  }

  async function post() {
    try {
      const { message } = await requestJson<PostedFeedMessage>('/api/poll/messages', { body: { text: `wake-up call at ${new Date().toLocaleTimeString('en-GB')}` } });
      setPosted(message.id);
    } catch (failure) {
      setError((failure as Error).message);
    }
  }

  return (
    <figure className="widget" aria-label="Long polling demo" data-testid="long-poll-demo">
      <div className="widget__bar">
        <strong className="widget__title">Long polling: held requests</strong>
        <div className="widget__actions">
          <button type="button" className="button" onClick={() => void hold()} disabled={holding}>
            Send {waiterCount} long polls
          </button>
          <button type="button" className="button button--primary" onClick={() => void post()} disabled={!holding}>
            Post a message
          </button>
        </div>
      </div>
      <WidgetError>{error}</WidgetError>
      {waiters.length === 0 ? (
        <p className="widget__empty">Send the long polls: the server will hold each request open until there is news.</p>
      ) : (
        <ol className="held" aria-label="Held requests">
          {waiters.map((waiter) => {
            const heldMs = waiter.answer ? waiter.answer.afterMs : now - waiter.startedAt;
            return (
              <li key={waiter.n} data-testid="held-request" data-status={waiter.answer?.status ?? 'held'}>
                <span className="mono">
                  GET /api/poll/long #{waiter.n}:{' '}
                  {waiter.answer
                    ? `${waiter.answer.status} after ${Math.round(waiter.answer.afterMs)} ms${waiter.answer.id !== null ? ` — message #${waiter.answer.id} “${waiter.answer.text}”` : ' (nothing new)'}`
                    : `held for ${(heldMs / 1000).toFixed(1)} s…`}
                </span>
                <div className="held__bar" aria-hidden="true">
                  <div
                    className={`held__fill${waiter.answer ? ' held__fill--done' : ''}`}
                    style={{ width: `${Math.min(100, (heldMs / longPollHoldMs) * 100)}%` }}
                  />
                </div>
              </li>
            );
          })}
        </ol>
      )}
      {posted !== null ? (
        <p className="muted" data-testid="posted-id">
          Posted message #{posted}: the server's <code>201</code> carried its id, and every held request was answered with it.
        </p>
      ) : null}
      {queuedInBrowser ? (
        <p className="callout" data-testid="browser-queue">
          A request has waited longer than the server's {longPollHoldMs / 1000} s hold, and the server never holds
          longer: the rest of the time it waited <em>in your browser</em>, before it was sent. A browser opens at most six
          HTTP/1.1 connections to one host, and held requests keep theirs busy, so with other tabs of this site open (each
          with its own long polls and streams) a seventh request queues until one frees. That is a real cost of long
          polling; HTTP/2, or one WebSocket per tab, avoids it.
        </p>
      ) : null}
      <figcaption className="widget__caption">
        Three real requests to the live server. Each bar runs to the server’s 25-second hold; a posted message answers
        all of them at the same moment with <code>200</code>, and nothing at all answers <code>204 No Content</code>.
      </figcaption>
    </figure>
  );
}
