// Open a real WebSocket from this page to /ws, then see that very handshake as the server's socket
// received and sent it, the Accept derivation, and every frame as it happens (message, ping, close,
// a message the server splits into frames). It offers only close codes a browser may send; the
// server closes with the others on request.

import { useEffect, useMemo, useRef, useState } from 'react';
import { useMachine } from '@xstate/react';
import type { Capture } from '@loopwire/contract';
import { closeCodeName, serverCloseCodesOnRequest } from '@loopwire/protocol';
import { webSocketMachine, webSocketPhaseOf, webSocketPhases } from './websocket.machine.ts';
import { askServerToClose, askServerToFragment, askServerToPing, waitForCapture } from './api.ts';
import { createCaptureStream, followCapture } from './captureStream.ts';
import { CaptureDetail } from './CaptureDetail.tsx';
import { StateChart } from './StateChart.tsx';
import { WidgetError } from '../../lib/ui/WidgetError.tsx';
import { useReportObservedWhen } from '../../lib/observed.ts';
import './inspector.css';

const protocolChoices = [
  { label: 'chat, superchat', protocols: ['chat', 'superchat'] },
  { label: 'superchat, chat', protocols: ['superchat', 'chat'] },
  { label: 'mqtt (not supported here)', protocols: ['mqtt'] },
  { label: 'none', protocols: [] },
];

/** What a browser may send (WebSocket standard, close()); 1001, 1008, 1011 are the server's. */
const closeCodes = [
  { code: 1000, label: '1000 Normal Closure' },
  { code: 3000, label: '3000 (registered range)' },
  { code: 4000, label: '4000 (private use)' },
  { code: 4999, label: '4999 (private use, last)' },
];

export default function HandshakeInspector() {
  const [snapshot, send] = useMachine(webSocketMachine, { input: { path: '/ws' } });
  const phase = webSocketPhaseOf(snapshot.value);
  const [choice, setChoice] = useState(0);
  const [message, setMessage] = useState('Hello');
  const [closeCode, setCloseCode] = useState(1000);
  const [closeReason, setCloseReason] = useState('done');
  const [capture, setCapture] = useState<Capture | null>(null);
  const [error, setError] = useState<string | null>(null);
  const openedAt = useRef(0);
  const claimed = useRef(new Set<string>());

  // Once open, find this connection's capture: the newest /ws handshake of this browser since the click.
  useEffect(() => {
    if (phase !== 'open' || capture) return;
    let cancelled = false;
    waitForCapture(
      (captures) =>
        captures.find((candidate) => candidate.url === '/ws' && candidate.status === 101 && candidate.startedAt >= openedAt.current - 2000 && !claimed.current.has(candidate.id)),
      { kind: 'websocket', limit: 20 },
    )
      .then((found) => {
        if (cancelled) return;
        claimed.current.add(found.id);
        setCapture(found);
      })
      .catch((caught: Error) => setError(caught.message));
    return () => {
      cancelled = true;
    };
  }, [phase, capture]);

  const firstText = capture?.frames.find((frame) => frame.direction === 'client' && frame.opcode === 0x1);
  useReportObservedWhen(
    firstText
      ? { summary: `your first text frame took ${firstText.headerBytes.length + firstText.payloadLength} bytes on the wire: ${firstText.headerBytes.length} of header and masking key, ${firstText.payloadLength} of payload.` }
      : capture
        ? { summary: `the server's first bytes from you were ${capture.requestHead.split('\r\n')[0]}, answered ${capture.responseHead?.split('\r\n')[0] ?? 'nothing yet'}.` }
        : null,
  );

  // Frames of this capture as they happen.
  const stream = useMemo(() => createCaptureStream(), []);
  const captureId = capture?.id;
  useEffect(() => {
    if (!captureId) return;
    return followCapture(stream, captureId, setCapture);
  }, [stream, captureId]);

  function open() {
    setCapture(null);
    setError(null);
    openedAt.current = Date.now();
    send({ type: 'OPEN', protocols: protocolChoices[choice]!.protocols });
  }

  const busy = phase === 'connecting' || phase === 'closing';
  return (
    <figure className="widget" aria-label="Handshake inspector">
      <div className="widget__bar">
        <strong className="widget__title">Handshake inspector</strong>
        <StateChart states={webSocketPhases} current={phase} label="WebSocket machine state" />
      </div>
      <div className="widget__row">
        <label className="field">
          <span>Subprotocols to offer</span>
          <select className="input" value={choice} disabled={phase === 'open' || busy} onChange={(event) => setChoice(Number(event.target.value))}>
            {protocolChoices.map((option, index) => (
              <option key={option.label} value={index}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="button button--primary" disabled={phase === 'open' || busy} onClick={open}>
          Open a WebSocket
        </button>
        {phase === 'open' ? <span className="muted">Server picked: {snapshot.context.protocol || '(none)'}</span> : null}
      </div>
      {phase === 'open' ? (
        <div className="widget__row">
          <label className="field">
            <span>Message</span>
            <input className="input" value={message} maxLength={500} onChange={(event) => setMessage(event.target.value)} />
          </label>
          <button type="button" className="button" onClick={() => send({ type: 'SEND', text: message })}>
            Send
          </button>
          <button type="button" className="button" disabled={!capture} onClick={() => capture && void askServerToPing(capture.id).catch((caught: Error) => setError(caught.message))}>
            Ask the server to ping
          </button>
          <label className="field">
            <span>Close code</span>
            <select className="input" value={closeCode} onChange={(event) => setCloseCode(Number(event.target.value))}>
              {closeCodes.map((option) => (
                <option key={option.code} value={option.code}>
                  {option.label}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>Reason</span>
            <input className="input" value={closeReason} maxLength={100} onChange={(event) => setCloseReason(event.target.value)} />
          </label>
          <button type="button" className="button" onClick={() => send({ type: 'CLOSE', code: closeCode, reason: closeReason })}>
            Close
          </button>
        </div>
      ) : null}
      {phase === 'open' ? (
        <div className="widget__row" role="group" aria-label="Ask the server">
          <button
            type="button"
            className="button"
            disabled={!capture}
            onClick={() => capture && void askServerToFragment(capture.id).catch((caught: Error) => setError(caught.message))}
          >
            Ask the server for a fragmented message
          </button>
          {serverCloseCodesOnRequest.map((code) => (
            <button
              key={code}
              type="button"
              className="button"
              disabled={!capture}
              onClick={() => capture && void askServerToClose(capture.id, code).catch((caught: Error) => setError(caught.message))}
            >
              Server closes with {code} {closeCodeName(code)}
            </button>
          ))}
        </div>
      ) : null}
      {snapshot.context.closeProblem ? <WidgetError>{snapshot.context.closeProblem}</WidgetError> : null}
      {snapshot.context.received.length > 0 ? (
        <div className="received" data-testid="received-messages">
          <strong>Messages your page received</strong> (each <code>message</code> event, after the browser reassembled its frames):
          <ol>
            {snapshot.context.received.map((text, index) => (
              <li key={index} className="mono">
                {text}
              </li>
            ))}
          </ol>
        </div>
      ) : null}
      {phase === 'closed' ? (
        <p className="muted" data-testid="close-result">
          Closed with {snapshot.context.closeCode} {snapshot.context.wasClean ? '(clean: both sides sent a close frame)' : '(not clean)'}
          {snapshot.context.closeReason ? `, reason “${snapshot.context.closeReason}”` : ''}.
        </p>
      ) : null}
      <WidgetError>{error}</WidgetError>
      {capture ? (
        <CaptureDetail capture={capture} compact />
      ) : (
        <p className="widget__empty">{phase === 'connecting' ? 'Handshaking…' : 'Press Open a WebSocket: the page opens a real connection to /ws on this server.'}</p>
      )}
      <figcaption className="widget__caption">
        Captured by the server's wire tap on the TCP socket your browser connected to. The page cannot send a ping (the browser API has
        none), so it asks the server to ping; your browser answers with a pong by itself.
      </figcaption>
    </figure>
  );
}
