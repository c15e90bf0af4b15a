// The race: the same N feed messages over all five transports at once, measured live —
// HTTP requests per transport, bytes on the wire from the tap, delivery latency, and each client's machine.

import { useId, useState } from 'react';
import { useActorRef, useSelector } from '@xstate/react';
import { fromPromise, type ActorRefFrom } from 'xstate';
import { percentile } from '@loopwire/protocol';
import { connectionActor, drawnState, feedClientMachine } from './feedClient.machine.ts';
import { raceMachine, type RaceSettings, type SentMessages } from './race.machine.ts';
import { feedClients, newestFeedId } from './feed-clients.ts';
import { transportKinds, transportLabels, type TransportKind } from './kinds.ts';
import { measureRaceBytes, type RaceBytes, raceMessageIndex, raceMessageText, type SocketIoPhases } from './measure.ts';
import { explainShortPollLatency } from './short-poll-latency.ts';
import { shortPollPauseMs } from './feed-clients.ts';
import { LifecycleStrip } from './LifecycleStrip.tsx';
import { BytesChart } from './BytesChart.tsx';
import { useReportObservedWhen } from '../../lib/observed.ts';
import './transports.css';
import { requestJson } from '../../lib/api.ts';

type ClientActor = ActorRefFrom<typeof feedClientMachine>;

const clientMachines = Object.fromEntries(
  transportKinds.map((kind) => [kind, feedClientMachine.provide({ actors: { connection: connectionActor(feedClients[kind]) } })]),
) as Record<TransportKind, typeof feedClientMachine>;

const openDeadlineMs = 10_000;
const deliveryDeadlineMs = 30_000;

function waitFor(actor: ClientActor, done: (actor: ClientActor) => boolean, ms: number, failure: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = () => {
      if (!done(actor)) return;
      clearTimeout(timer);
      subscription.unsubscribe();
      resolve();
    };
    const timer = setTimeout(() => {
      subscription.unsubscribe();
      reject(new Error(failure));
    }, ms);
    const subscription = actor.subscribe(check);
    check();
  });
}

function raceCount(actor: ClientActor, raceId: string): number {
  return actor.getSnapshot().context.received.filter((message) => raceMessageIndex(raceId, message.text) !== null).length;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The race's steps, performed on this page's five clients. */
function raceStepsFor(clients: Record<TransportKind, ClientActor>) {
  const clientsRef = { current: clients };
  return raceMachine.provide({
      actions: {
        stopClients: () => Object.values(clientsRef.current).forEach((actor) => actor.send({ type: 'STOP' })),
      },
      actors: {
        openClients: fromPromise<void, { raceId: string }>(async ({ input }) => {
          const after = await newestFeedId();
          const all = Object.entries(clientsRef.current) as [TransportKind, ClientActor][];
          for (const [, actor] of all) actor.send({ type: 'START', options: { after, tag: input.raceId } });
          await Promise.all(
            all.map(([kind, actor]) =>
              waitFor(actor, (a) => a.getSnapshot().matches({ active: 'open' }) || a.getSnapshot().matches({ active: 'waiting' }), openDeadlineMs, `${transportLabels[kind]} did not open within ${openDeadlineMs / 1000} s.`),
            ),
          );
        }),
        sendMessages: fromPromise<SentMessages, { raceId: string; settings: RaceSettings }>(async ({ input }) => {
          const sent: SentMessages = { sentAt: [], postMs: [] };
          for (let index = 0; index < input.settings.messages; index++) {
            const postedAt = performance.now();
            sent.sentAt[index] = postedAt;
            await requestJson('/api/poll/messages', { body: { text: raceMessageText(input.raceId, index) } });
            sent.postMs[index] = performance.now() - postedAt;
            if (input.settings.intervalMs > 0) await sleep(input.settings.intervalMs);
          }
          return sent;
        }),
        awaitDelivery: fromPromise<void, { raceId: string; settings: RaceSettings }>(async ({ input }) => {
          const { raceId } = input;
          const all = Object.entries(clientsRef.current) as [TransportKind, ClientActor][];
          const results = await Promise.allSettled(
            all.map(([kind, actor]) =>
              waitFor(actor, (a) => raceCount(a, raceId) >= input.settings.messages, deliveryDeadlineMs, `${transportLabels[kind]} delivered ${raceCount(actor, raceId)} of ${input.settings.messages}`),
            ),
          );
          const failures = results.flatMap((result) => (result.status === 'rejected' ? [(result.reason as Error).message] : []));
          if (failures.length > 0) throw new Error(`${failures.join('; ')} within ${deliveryDeadlineMs / 1000} s.`);
        }),
        closeAndMeasure: fromPromise<RaceBytes, { raceId: string }>(async ({ input }) => {
          for (const actor of Object.values(clientsRef.current)) actor.send({ type: 'STOP' });
          // Let the closing handshakes reach the tap before reading it.
          await sleep(400);
          return measureRaceBytes(input.raceId);
        }),
      },
    });
}

function formatMs(value: number | null): string {
  return value === null ? '—' : `${Math.round(value)} ms`;
}

/** Each race message's latency at this client: from just before its POST to the client having it. */
function latenciesOf(actor: ClientActor, raceId: string, sentAt: readonly number[]): number[] {
  return actor.getSnapshot().context.received.flatMap((message) => {
    const index = raceMessageIndex(raceId, message.text);
    return index !== null && sentAt[index] !== undefined ? [message.receivedAt - sentAt[index]] : [];
  });
}

const bytesText = (bytes: number) => `${bytes.toLocaleString('en')} B`;

/** The short-polling row's latency, taken apart with this run's own timings. */
function ShortPollLatencyNote({ actor, raceId, sentAt, postMs }: { actor: ClientActor; raceId: string; sentAt: number[]; postMs: number[] }) {
  const polls = useSelector(actor, (snapshot) => snapshot.context.polls);
  const explained = explainShortPollLatency({ polls, pauseMs: shortPollPauseMs, latencies: latenciesOf(actor, raceId, sentAt), postMs });
  if (!explained) return null;
  const ms = (value: number) => `${Math.round(value)} ms`;
  return (
    <p className="race__note" data-testid="short-poll-latency" data-cycle-ms={Math.round(explained.cycleMs)} data-p50-ms={Math.round(explained.measuredP50Ms)}>
      <strong>Short polling’s latency, taken apart.</strong> It runs from just before this page POSTs a message to the
      moment the short-polling client has parsed the poll answer that carried it. A message waits for the next poll,
      and the {explained.polls} polls of this race began every <strong>{ms(explained.cycleMs)}</strong> on average:
      the {shortPollPauseMs} ms pause after each answer, plus {ms(explained.requestMs)} per request (a request waits
      for a free connection first: a browser opens at most six HTTP/1.1 connections to one host, shared by every tab
      of this site, and long polls and streams hold theirs). So expect a median near half a cycle plus the POST’s own{' '}
      {ms(explained.postMs)}: about <strong>{ms(explained.expectedP50Ms)}</strong>. This race measured{' '}
      <strong>{ms(explained.measuredP50Ms)}</strong>.
    </p>
  );
}

/** The Socket.IO row taken apart by Engine.IO transport, and the broadcasts every Socket.IO client receives. */
function SocketIoPhasesNote({ phases, messages }: { phases: SocketIoPhases; messages: number }) {
  const pollingBytes = phases.polling.clientBytes + phases.polling.serverBytes;
  const websocketBytes = phases.websocket.clientBytes + phases.websocket.serverBytes;
  const feedOnly = pollingBytes + websocketBytes - phases.broadcastBytes;
  return (
    <p className="race__note" data-testid="socketio-phases">
      <strong>What the Socket.IO row counts.</strong> Polling before the upgrade:{' '}
      <span data-testid="socketio-polling-bytes">{bytesText(pollingBytes)}</span> in {phases.polling.requests} HTTP
      requests (the handshake, the first packets, the upgrade probe). The WebSocket after it:{' '}
      <span data-testid="socketio-websocket-bytes">{bytesText(websocketBytes)}</span>, its handshake included, of which{' '}
      {phases.framesOmitted > 0 ? 'at least ' : ''}
      <span data-testid="socketio-broadcast-bytes">{bytesText(phases.broadcastBytes)}</span> are{' '}
      {phases.broadcastEvents} events this client never asked for: the lab’s <code>loop:tick</code> and{' '}
      <code>loop:sample</code> (ten a second each) reach every Socket.IO client on the default namespace. Without them,
      about {Math.round(feedOnly / Math.max(1, messages)).toLocaleString('en')} B per message.
    </p>
  );
}

function RaceRow({ kind, actor, raceId, sentAt, total, bytes }: {
  kind: TransportKind;
  actor: ClientActor;
  raceId: string;
  sentAt: number[];
  total: number;
  bytes: RaceBytes | null;
}) {
  const snapshot = useSelector(actor, (s) => s);
  const { received, requests } = snapshot.context;
  const latencies = latenciesOf(actor, raceId, sentAt);
  const delivered = raceId ? received.filter((message) => raceMessageIndex(raceId, message.text) !== null).length : 0;
  const wire = bytes?.ok ? bytes.byTransport[kind] : null;
  return (
    <tr data-testid={`race-row-${kind}`}>
      <th scope="row">
        {transportLabels[kind]}
        <LifecycleStrip state={drawnState(snapshot.value as string)} label={transportLabels[kind]} />
      </th>
      <td className="num" data-testid="delivered">{raceId ? `${delivered}/${total}` : '—'}</td>
      <td className="num" data-testid="requests" data-source={wire ? 'tap' : 'client'}>
        {wire ? wire.requests : raceId ? requests : '—'}
      </td>
      <td className="num" data-testid="client-bytes">{wire ? wire.clientBytes.toLocaleString('en') : '—'}</td>
      <td className="num" data-testid="server-bytes">{wire ? wire.serverBytes.toLocaleString('en') : '—'}</td>
      <td className="num" data-testid="bytes-per-message">
        {wire && total > 0 ? Math.round((wire.clientBytes + wire.serverBytes) / total).toLocaleString('en') : '—'}
      </td>
      <td className="num">{formatMs(percentile(latencies, 50))}</td>
      <td className="num">{formatMs(percentile(latencies, 95))}</td>
    </tr>
  );
}

const stepLabels: Record<string, string> = {
  idle: 'Ready.',
  connecting: 'Opening five fresh connections…',
  sending: 'Posting messages to the feed…',
  delivering: 'Waiting until every transport has every message…',
  measuring: 'Closing the connections and reading the wire tap…',
  done: 'Done.',
  failed: 'The race failed.',
};

/** The choice ids of lesson 3's prediction ("which client needs the most requests?"). */
const predictionChoiceOf: Record<TransportKind, string> = {
  'short-polling': 'short',
  'long-polling': 'long',
  sse: 'sse',
  websocket: 'ws',
  'socket.io': 'socket.io',
};

export default function TransportRace() {
  const clients: Record<TransportKind, ClientActor> = {
    'short-polling': useActorRef(clientMachines['short-polling']),
    'long-polling': useActorRef(clientMachines['long-polling']),
    sse: useActorRef(clientMachines.sse),
    websocket: useActorRef(clientMachines.websocket),
    'socket.io': useActorRef(clientMachines['socket.io']),
  };
  const [machine] = useState(() => raceStepsFor(clients));
  const race = useActorRef(machine);
  const raceState = useSelector(race, (s) => s);
  const [settings, setSettings] = useState<RaceSettings>({ messages: 20, intervalMs: 100 });
  const fieldId = useId();
  const running = !['idle', 'done', 'failed'].includes(raceState.value as string);
  const { raceId, sentAt, postMs, bytes, error } = raceState.context;

  const mostRequests = bytes?.ok
    ? transportKinds.reduce((most, kind) => (bytes.byTransport[kind].requests > bytes.byTransport[most].requests ? kind : most))
    : null;
  useReportObservedWhen(
    raceState.value === 'done' && bytes?.ok && mostRequests
      ? {
          outcome: predictionChoiceOf[mostRequests],
          summary: `${transportKinds.map((kind) => `${kind} ${bytes.byTransport[kind].requests}`).join(', ')} HTTP requests (the server's wire tap); ${mostRequests} needed the most.`,
        }
      : raceState.value === 'done'
        ? { summary: 'the race finished (the wire tap is off, so the requests are those each client counted).' }
        : null,
  );

  function start() {
    race.send({ type: 'START', settings, raceId: Math.random().toString(36).slice(2, 8) });
  }

  return (
    <figure className="widget" aria-label="Transport race" data-testid="transport-race" data-race-id={raceId} data-phase={String(raceState.value)}>
      <div className="widget__bar">
        <strong className="widget__title">The race: one feed, five transports</strong>
        <div className="race__controls">
          <label className="field" htmlFor={`${fieldId}-n`}>
            <span>Messages</span>
            <input
              id={`${fieldId}-n`}
              className="input"
              type="number"
              min={1}
              max={200}
              value={settings.messages}
              disabled={running}
              onChange={(event) => setSettings({ ...settings, messages: Math.min(200, Math.max(1, Number(event.target.value) || 1)) })}
            />
          </label>
          <label className="field" htmlFor={`${fieldId}-gap`}>
            <span>Gap (ms)</span>
            <input
              id={`${fieldId}-gap`}
              className="input"
              type="number"
              min={0}
              max={2000}
              step={50}
              value={settings.intervalMs}
              disabled={running}
              onChange={(event) => setSettings({ ...settings, intervalMs: Math.min(2000, Math.max(0, Number(event.target.value) || 0)) })}
            />
          </label>
          <button type="button" className="button button--primary" disabled={running} onClick={start}>
            {running ? 'Racing…' : 'Start the race'}
          </button>
        </div>
      </div>
      <p className="race__status" role="status" data-testid="race-status">
        {stepLabels[String(raceState.value)]} {error ? <span className="result--fail">{error}</span> : null}
      </p>
      {/* Eight columns do not fit a phone: the table scrolls inside its own box, never the page. */}
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Race results">
        <table className="table race__table">
          <thead>
            <tr>
              <th scope="col">transport and its client machine</th>
              <th scope="col" className="num">delivered</th>
              <th scope="col" className="num">HTTP requests</th>
              <th scope="col" className="num">bytes client → server</th>
              <th scope="col" className="num">bytes server → client</th>
              <th scope="col" className="num">bytes per message</th>
              <th scope="col" className="num">latency p50</th>
              <th scope="col" className="num">latency p95</th>
            </tr>
          </thead>
          <tbody>
            {transportKinds.map((kind) => (
              <RaceRow key={kind} kind={kind} actor={clients[kind]} raceId={raceId} sentAt={sentAt} total={raceId ? raceState.context.settings.messages : 0} bytes={bytes} />
            ))}
          </tbody>
        </table>
      </div>
      {bytes && !bytes.ok ? (
        <p className="race__note" data-testid="bytes-unavailable">
          {bytes.reason}
        </p>
      ) : null}
      {raceId && sentAt.length > 0 ? <ShortPollLatencyNote actor={clients['short-polling']} raceId={raceId} sentAt={sentAt} postMs={postMs} /> : null}
      {bytes?.ok ? <SocketIoPhasesNote phases={bytes.socketIo} messages={raceState.context.settings.messages} /> : null}
      {bytes?.ok ? <BytesChart bytes={bytes.byTransport} messages={raceState.context.settings.messages} /> : null}
      <figcaption className="widget__caption">
        Every row is a real client in this page talking to the live server. While the race runs, requests are counted
        by each client; when it ends, requests and bytes are what the server’s wire tap saw for this race’s exchanges (a
        WebSocket is one exchange: its handshake, then every frame), heads, bodies and frames included, in both
        directions. Latency is from the moment the page posted a message to the
        moment each client had it.
      </figcaption>
    </figure>
  );
}
