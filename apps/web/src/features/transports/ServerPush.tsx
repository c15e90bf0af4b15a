// The server speaks first and the server hangs up: three live clients (EventSource, plain WebSocket,
// Socket.IO) receive pushed messages, then the server closes each one — and each client reacts its own way.

import { useEffect, useState } from 'react';
import { useActorRef, useSelector } from '@xstate/react';
import type { ActorRefFrom } from 'xstate';
import type { ClosableTransport } from '@loopwire/contract';
import { connectionActor, drawnState, feedClientMachine } from './feedClient.machine.ts';
import { newestFeedId, sseClient, socketIoClient, webSocketClient } from './feed-clients.ts';
import { LifecycleStrip } from './LifecycleStrip.tsx';
import { requestJson } from '../../lib/api.ts';
import { useAction } from '../../lib/useAction.ts';
import { WidgetError } from '../../lib/ui/WidgetError.tsx';
import './transports.css';

type ClientActor = ActorRefFrom<typeof feedClientMachine>;

const machines = {
  sse: feedClientMachine.provide({ actors: { connection: connectionActor(sseClient) } }),
  websocket: feedClientMachine.provide({ actors: { connection: connectionActor(webSocketClient) } }),
  'socket.io': feedClientMachine.provide({ actors: { connection: connectionActor(socketIoClient) } }),
};

const titles: Record<ClosableTransport, string> = {
  sse: 'EventSource (SSE)',
  websocket: 'Plain WebSocket',
  'socket.io': 'Socket.IO',
};

const expectations: Record<ClosableTransport, string> = {
  sse: 'EventSource reconnects by itself after the retry delay, sending Last-Event-ID.',
  websocket: 'A plain WebSocket fires close with the code and reason, and stays closed unless your code reconnects.',
  'socket.io': 'Socket.IO sees “transport close” and reconnects by itself, with backoff.',
};

/** The last few transitions of a client, for the card's log. */
function useTransitionLog(actor: ClientActor): string[] {
  const [log, setLog] = useState<string[]>([]);
  useEffect(() => {
    let previous = '';
    const subscription = actor.subscribe((snapshot) => {
      const state = drawnState(snapshot.value as string);
      if (state === previous) return;
      previous = state;
      const close = snapshot.context.lastClose;
      const detail =
        (state === 'closed' || state === 'reconnecting') && close
          ? ` (${close.code !== undefined ? `code ${close.code}, ` : ''}${close.reason})`
          : '';
      setLog((entries) => [...entries, `${new Date().toLocaleTimeString('en-GB')} ${state}${detail}`].slice(-6));
    });
    return () => subscription.unsubscribe();
  }, [actor]);
  return log;
}

function PushCard({ transport, actor }: { transport: ClosableTransport; actor: ClientActor }) {
  const snapshot = useSelector(actor, (s) => s);
  const log = useTransitionLog(actor);
  const state = drawnState(snapshot.value as string);
  const last = snapshot.context.received.at(-1);

  const hangUpAction = useAction();

  function hangUp() {
    const id = snapshot.context.connectionId;
    if (!id) return;
    return hangUpAction.run(async () => {
      await requestJson('/api/feed/close', { body: { transport, id } });
    });
  }

  return (
    <section className="push-card" aria-label={titles[transport]} data-testid={`push-${transport}`} data-state={state}>
      <h3>{titles[transport]}</h3>
      <LifecycleStrip state={state} label={titles[transport]} />
      <p className="widget__caption">
        {snapshot.context.received.length} pushed message(s){last ? `, last: “${last.text}”` : ''}
      </p>
      {transport === 'sse' && snapshot.context.lastTick ? (
        <p className="widget__caption" data-testid="push-ticker">
          Unprompted: {snapshot.context.lastTick.symbol} {snapshot.context.lastTick.price.toFixed(2)} at{' '}
          {new Date(snapshot.context.lastTick.at).toLocaleTimeString('en-GB')}
        </p>
      ) : null}
      <div className="widget__actions">
        <button type="button" className="button" disabled={!snapshot.matches({ active: 'open' })} onClick={() => void hangUp()}>
          Server hangs up
        </button>
        {transport === 'websocket' ? (
          <button
            type="button"
            className="button"
            disabled={snapshot.matches('active')}
            onClick={() => actor.send({ type: 'START', options: { after: last?.id ?? 0 } })}
          >
            Reconnect (your code)
          </button>
        ) : null}
      </div>
      <WidgetError>{hangUpAction.error}</WidgetError>
      <p className="widget__caption">{expectations[transport]}</p>
      <ol className="push-card__log" aria-label={`${titles[transport]} transitions`}>
        {log.map((entry, index) => (
          <li key={index}>{entry}</li>
        ))}
      </ol>
    </section>
  );
}

export default function ServerPush() {
  const clients = {
    sse: useActorRef(machines.sse),
    websocket: useActorRef(machines.websocket),
    'socket.io': useActorRef(machines['socket.io']),
  };
  const [started, setStarted] = useState(false);

  useEffect(() => {
    if (!started) return;
    const all = Object.values(clients);
    let cancelled = false;
    // Start from the newest message: this demo is about what is pushed from now on, not the history.
    void newestFeedId().then((after) => {
      if (!cancelled) for (const actor of all) actor.send({ type: 'START', options: { after, tickerUpdates: true } });
    });
    return () => {
      cancelled = true;
      all.forEach((actor) => actor.send({ type: 'STOP' }));
    };
    // The actors are stable for the component's life; only `started` starts and stops them.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [started]);

  const publishAction = useAction();

  function publish() {
    return publishAction.run(async () => {
      await requestJson('/api/poll/messages', { body: { text: `pushed at ${new Date().toLocaleTimeString('en-GB')}` } });
    });
  }

  return (
    <figure className="widget" aria-label="Server push and server close" data-testid="server-push">
      <div className="widget__bar">
        <strong className="widget__title">Either side can speak, either side can hang up</strong>
        <div className="widget__actions">
          <button type="button" className="button button--primary" onClick={() => setStarted(!started)}>
            {started ? 'Disconnect all' : 'Connect all three'}
          </button>
          <button type="button" className="button" disabled={!started} onClick={() => void publish()}>
            Publish to the feed
          </button>
        </div>
      </div>
      <div className="push-grid">
        {(Object.keys(clients) as ClosableTransport[]).map((transport) => (
          <PushCard key={transport} transport={transport} actor={clients[transport]} />
        ))}
      </div>
      <WidgetError>{publishAction.error}</WidgetError>
      <figcaption className="widget__caption">
        No client asks for these messages: the server writes them down connections that are already open. “Server
        hangs up” asks the live server to end that very connection (WebSocket close code 4000 with a reason).
      </figcaption>
    </figure>
  );
}
