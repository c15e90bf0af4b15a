// An SSE client built on fetch, so the page can show the raw `text/event-stream` lines. It reconnects the
// way EventSource does (HTML Living Standard §9.2.3): wait `retry` ms, then ask again with Last-Event-ID.

import type { FeedMessage, SseNotice } from '@loopwire/contract';
import type { FeedClient } from './feed-clients.ts';

export type RawSseLine =
  | { kind: 'line'; text: string }
  | { kind: 'request'; lastEventId: string | null }
  | { kind: 'ended'; retryMs: number };

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });

export function rawSseClient(onLine: (line: RawSseLine) => void): FeedClient {
  return ({ tickerUpdates = true }, emit) => {
    const controller = new AbortController();
    const { signal } = controller;
    let lastEventId: string | null = null;
    let retryMs = 3000;

    const readStream = async () => {
      emit({ type: 'REQUEST' });
      onLine({ kind: 'request', lastEventId });
      const response = await fetch(`/api/sse/ticker${tickerUpdates ? '' : '?updates=0'}`, {
        headers: lastEventId === null ? {} : { 'Last-Event-ID': lastEventId },
        signal,
        cache: 'no-store',
      });
      const decoder = new TextDecoder();
      let partial = '';
      let event = 'message';
      let data = '';
      const reader = response.body!.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        partial += decoder.decode(value, { stream: true });
        const lines = partial.split('\n');
        partial = lines.pop()!;
        for (const text of lines) {
          onLine({ kind: 'line', text });
          if (text.startsWith('id: ')) lastEventId = text.slice(4);
          else if (text.startsWith('retry: ')) retryMs = Number(text.slice(7));
          else if (text.startsWith('event: ')) event = text.slice(7);
          else if (text.startsWith('data: ')) data = text.slice(6);
          else if (text === '') {
            if (event === 'notice') emit({ type: 'OPENED', id: (JSON.parse(data) as SseNotice).stream });
            else if (event === 'message' && data) {
              emit({ type: 'MESSAGES', messages: [JSON.parse(data) as FeedMessage], receivedAt: performance.now() });
            }
            event = 'message';
            data = '';
          }
        }
      }
    };

    void (async () => {
      emit({ type: 'CONNECTING' });
      while (!signal.aborted) {
        try {
          await readStream();
        } catch {
          if (signal.aborted) return;
        }
        if (signal.aborted) return;
        onLine({ kind: 'ended', retryMs });
        emit({ type: 'RECONNECTING', reason: `the stream ended; retrying in ${retryMs} ms with Last-Event-ID` });
        await sleep(retryMs, signal);
      }
    })();
    return () => controller.abort();
  };
}
