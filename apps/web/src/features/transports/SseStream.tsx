// The raw text/event-stream as it arrives, event names highlighted, and a "drop connection" button:
// the server ends the stream, two messages are posted while it is down, and the client resumes with Last-Event-ID.

import { useState } from 'react';
import { useActorRef, useSelector } from '@xstate/react';
import { connectionActor, drawnState, feedClientMachine } from './feedClient.machine.ts';
import { rawSseClient, type RawSseLine } from './raw-sse-client.ts';
import { LifecycleStrip } from './LifecycleStrip.tsx';
import { requestJson } from '../../lib/api.ts';
import { useAction } from '../../lib/useAction.ts';
import { WidgetError } from '../../lib/ui/WidgetError.tsx';
import { useReportObservedWhen } from '../../lib/observed.ts';
import { resumeObservation } from './sse-resume.ts';
import './transports.css';

const keptLines = 300;

function Line({ line }: { line: RawSseLine }) {
  if (line.kind === 'request') {
    return (
      <span className="sse-lines__reconnect">
        → GET /api/sse/ticker{line.lastEventId === null ? '' : ` with Last-Event-ID: ${line.lastEventId}`}
      </span>
    );
  }
  if (line.kind === 'ended') {
    return <span className="sse-lines__reconnect">✂ stream ended — waiting retry: {line.retryMs} ms</span>;
  }
  const { text } = line;
  if (text === '') return <span className="sse-lines__line sse-lines__blank">⏎ (blank line: end of event)</span>;
  if (text.startsWith(':')) return <span className="sse-lines__line sse-lines__comment">{text}</span>;
  const colon = text.indexOf(':');
  const field = colon === -1 ? text : text.slice(0, colon);
  const value = colon === -1 ? '' : text.slice(colon + 1);
  return (
    <span className="sse-lines__line" data-field={field}>
      <span className="sse-lines__field">{field}:</span>
      {field === 'event' ? <mark className="sse-lines__event">{value}</mark> : value}
    </span>
  );
}

export default function SseStream() {
  const [lines, setLines] = useState<RawSseLine[]>([]);
  const [machine] = useState(() =>
    feedClientMachine.provide({
      actors: {
        connection: connectionActor(rawSseClient((line) => setLines((previous) => [...previous, line].slice(-keptLines)))),
      },
    }),
  );
  const client = useActorRef(machine);
  const snapshot = useSelector(client, (s) => s);
  const state = drawnState(snapshot.value as string);
  const active = snapshot.matches('active');
  const { busy, error, run } = useAction();
  useReportObservedWhen(resumeObservation(lines));

  function drop() {
    const id = snapshot.context.connectionId;
    if (!id) return;
    return run(async () => {
      await requestJson('/api/feed/close', { body: { transport: 'sse', id } });
      for (const n of [1, 2]) await requestJson('/api/poll/messages', { body: { text: `posted while the stream was down (${n}/2)` } });
    });
  }

  return (
    <figure className="widget" aria-label="Server-Sent Events stream" data-testid="sse-stream">
      <div className="widget__bar">
        <strong className="widget__title">GET /api/sse/ticker, raw</strong>
        <div className="widget__actions">
          {active ? (
            <button type="button" className="button" onClick={() => client.send({ type: 'STOP' })}>
              Stop
            </button>
          ) : (
            <button
              type="button"
              className="button button--primary"
              onClick={() => {
                setLines([]);
                client.send({ type: 'START', options: { after: 0, tickerUpdates: true } });
              }}
            >
              Open the stream
            </button>
          )}
          <button type="button" className="button" disabled={!snapshot.matches({ active: 'open' }) || busy} onClick={() => void drop()}>
            Drop connection
          </button>
        </div>
      </div>
      <LifecycleStrip state={state} label="SSE" />
      {lines.length === 0 ? (
        <p className="widget__empty">Open the stream to see every line the server writes, as it writes it.</p>
      ) : (
        <pre className="sse-lines" aria-live="off" data-testid="sse-lines" tabIndex={0}>
          {lines.map((line, index) => (
            <Line key={index} line={line} />
          ))}
        </pre>
      )}
      <WidgetError>{error}</WidgetError>
      <figcaption className="widget__caption">
        One long HTTP response, never finished: <code>retry:</code> sets the reconnection delay, <code>id:</code> the
        resume point, <code>event:</code> the name a listener subscribes to. <strong>Drop connection</strong> makes the
        server end the stream and posts two messages while it is down; the reconnect carries{' '}
        <code>Last-Event-ID</code> and the server replays exactly those two.
      </figcaption>
    </figure>
  );
}
