// A fresh Socket.IO session from this page, told from the server's captures: HTTP long-polling
// opens it (Engine.IO `0{…}`), `40` joins the namespace, a WebSocket is probed (`2probe`/`3probe`),
// `5` switches over, and then events travel as `42[…]` frames. Steps are in the order they happened
// (a held poll's packets when it was answered), and the loop heartbeat every page gets is hidden
// unless asked for.

import { useEffect, useMemo, useState } from 'react';
import { useMachine } from '@xstate/react';
import { io } from 'socket.io-client';
import type { Capture } from '@loopwire/contract';
import type { EnginePacket } from '@loopwire/protocol';
import type { LiveSocket } from '../../lib/live/socket.ts';
import { connectionMachine, phaseOf } from '../../lib/live/connection.machine.ts';
import { listCaptures } from './api.ts';
import { StateChart } from './StateChart.tsx';
import { WidgetError } from '../../lib/ui/WidgetError.tsx';
import './inspector.css';

interface Step {
  key: string;
  /** When it happened on the server's clock: a frame's time, a POST's arrival, a GET's answer. */
  at: number;
  /** A loop:tick or loop:sample event, sent to every page ten times a second. */
  heartbeat: boolean;
  who: 'client' | 'server' | 'both';
  what: string;
  meaning: string;
}

function packetText(packet: EnginePacket): string {
  const text = `${packet.code}${packet.data ?? ''}`;
  return text.length > 70 ? `${text.slice(0, 69)}…` : text;
}

function packetMeaning(packet: EnginePacket): string {
  return packet.socketIo ? `Socket.IO ${packet.socketIo.typeName}: ${packet.socketIo.meaning}` : packet.meaning;
}

const isHeartbeat = (packet: EnginePacket) => /^2\["loop:(tick|sample)"/.test(packet.data ?? '');

/** The story of one Engine.IO session (sid), in the order it happened, from its captures. */
function storyOf(captures: Capture[], sid: string): Step[] {
  const mine = captures
    .filter((capture) => capture.url.includes(`sid=${sid}`) || capture.engineIo?.some((packet) => packet.type === 'open' && packet.data?.includes(`"${sid}"`)))
    .sort((a, b) => Number(a.id) - Number(b.id));
  const steps: Step[] = [];
  for (const capture of mine) {
    const transport = capture.status === 101 ? 'WebSocket' : 'polling';
    const port = `port ${capture.remote.port}`;
    if (capture.status === 101) {
      steps.push({ key: `${capture.id}-101`, at: capture.startedAt, heartbeat: false, who: 'both', what: `GET … transport=websocket → 101`, meaning: `WebSocket handshake on a new TCP connection (your ${port})` });
      for (const [index, frame] of capture.frames.entries()) {
        if (!frame.engineIo) continue;
        steps.push({
          key: `${capture.id}-f${index}`,
          at: frame.at,
          heartbeat: isHeartbeat(frame.engineIo),
          who: frame.direction,
          what: packetText(frame.engineIo),
          meaning: `${transport} frame: ${packetMeaning(frame.engineIo)}`,
        });
      }
      continue;
    }
    const who = capture.method === 'POST' ? 'client' : 'server';
    // A POST's packets travel with the request; a GET's with its answer, which a held poll sends later.
    const at = capture.method === 'POST' ? capture.startedAt : (capture.respondedAt ?? capture.startedAt);
    const packets = capture.engineIo ?? [];
    if (packets.length === 0) {
      steps.push({ key: capture.id, at, heartbeat: false, who: 'client', what: `${capture.method} (${capture.status ?? '…'})`, meaning: `HTTP ${capture.method} poll on your ${port}, nothing to carry` });
    }
    for (const [index, packet] of packets.entries()) {
      steps.push({ key: `${capture.id}-${index}`, at, heartbeat: isHeartbeat(packet), who, what: packetText(packet), meaning: `HTTP ${capture.method} (${port}): ${packetMeaning(packet)}` });
    }
  }
  // Stable: packets of one request or one poll answer keep their order.
  return steps.sort((a, b) => a.at - b.at);
}

export default function SocketIoStory() {
  const socket = useMemo(() => io({ forceNew: true, reconnection: false, autoConnect: false }) as LiveSocket, []);
  const [snapshot, send] = useMachine(connectionMachine, { input: { socket, autoConnect: false } });
  const phase = phaseOf(snapshot.value);
  const { transport, sid } = snapshot.context;
  const [captures, setCaptures] = useState<Capture[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [showHeartbeat, setShowHeartbeat] = useState(false);

  const refresh = () =>
    listCaptures({ kind: 'socket.io', limit: 100 })
      .then(setCaptures)
      .catch((caught: Error) => setError(caught.message));

  // Re-read the captures when the session opens, upgrades, or closes.
  useEffect(() => {
    if (phase !== 'idle') void refresh();
  }, [phase, transport]);

  async function emitEvent() {
    await socket.timeout(3000).emitWithAck('echo:send', { hello: 'from the story' });
    await refresh();
  }

  const story = sid ? storyOf(captures, sid) : [];
  const steps = showHeartbeat ? story : story.filter((step) => !step.heartbeat);
  const hidden = story.length - steps.length;
  const connected = phase === 'open' || phase === 'connecting';
  return (
    <figure className="widget" aria-label="Socket.IO story">
      <div className="widget__bar">
        <strong className="widget__title">A Socket.IO session, packet by packet</strong>
        <StateChart states={['idle', 'connecting', 'open', 'reconnecting', 'closed']} current={phase} label="Socket.IO connection machine state" />
      </div>
      <div className="widget__row">
        <button type="button" className="button button--primary" disabled={connected} onClick={() => send({ type: 'CONNECT' })}>
          Start a Socket.IO session
        </button>
        <button type="button" className="button" disabled={phase !== 'open'} onClick={() => void emitEvent().catch((caught: Error) => setError(caught.message))}>
          Emit an event
        </button>
        <button type="button" className="button" disabled={!connected} onClick={() => send({ type: 'DISCONNECT' })}>
          Disconnect
        </button>
        {sid ? (
          <span className="muted">
            Engine.IO sid {sid} · transport <strong data-testid="socketio-transport">{transport}</strong>
          </span>
        ) : null}
      </div>
      <WidgetError>{error}</WidgetError>
      {story.length > 0 ? (
        <label className="field field--inline">
          <input type="checkbox" checked={showHeartbeat} onChange={(event) => setShowHeartbeat(event.target.checked)} />
          <span>
            Show the loop heartbeat (<code>loop:tick</code>, <code>loop:sample</code>: every page gets them ten times a second)
            {showHeartbeat || hidden === 0 ? '' : `, ${hidden} hidden`}
          </span>
        </label>
      ) : null}
      {steps.length > 0 ? (
        <ol className="story" data-testid="socketio-story">
          {steps.map((step) => (
            <li key={step.key}>
              <span className={`story__who story__who--${step.who}`}>{step.who === 'client' ? 'browser →' : step.who === 'server' ? '← server' : 'browser ⇄ server'}</span>
              <span>
                <code>{step.what}</code> <span className="muted">{step.meaning}</span>
              </span>
            </li>
          ))}
        </ol>
      ) : (
        <p className="widget__empty">Start a session: a new Socket.IO client in this page connects to the server, and its captured packets tell the story.</p>
      )}
      <figcaption className="widget__caption">
        Every line is a packet the server's wire tap captured for this session; the decoding uses Socket.IO's own parsers.
      </figcaption>
    </figure>
  );
}
