// Broadcast to N devices with measured delivery latency (p50/p95/p99) and messages per second,
// then a fan-in flood: every simulated device sends reports faster than its rate limit allows.

import { useMachine } from '@xstate/react';
import { useState } from 'react';
import type { BroadcastResult, BroadcastStarted, FloodResult } from '@loopwire/contract';
import { broadcastRunMachine, liveBroadcastActors } from './broadcastRun.machine.ts';
import { requestJson } from '../../lib/api.ts';
import { waitForBroadcast } from './api.ts';
import { useFleet } from './useFleet.ts';
import { WidgetError } from '../../lib/ui/WidgetError.tsx';
import { useReportObservedWhen } from '../../lib/observed.ts';
import '../../design/lab-panels.css';
import './fanout.css';

const machine = broadcastRunMachine.provide({
  actors: liveBroadcastActors({
    send: (room) =>
      requestJson<BroadcastStarted>('/api/devices/broadcast', {
        method: 'POST',
        body: { payload: { action: 'report-status', at: Date.now() }, ...(room ? { room } : {}) },
      }),
    collect: waitForBroadcast,
  }),
});

function PercentileBars({ result }: { result: BroadcastResult }) {
  if (!result.delivery) return null;
  const rows = [
    ['p50', result.delivery.p50],
    ['p95', result.delivery.p95],
    ['p99', result.delivery.p99],
    ['max', result.delivery.max],
  ] as const;
  const scale = Math.max(1, result.delivery.max);
  return (
    <svg className="lab-bars" viewBox="0 0 420 112" role="img" aria-labelledby="bars-title bars-desc" width="100%">
      <title id="bars-title">Delivery latency percentiles</title>
      <desc id="bars-desc">
        {rows.map(([label, value]) => `${label} ${value} ms`).join(', ')}
      </desc>
      {rows.map(([label, value], index) => (
        <g key={label} transform={`translate(0 ${index * 27})`}>
          <text x="0" y="16">{label}</text>
          <rect className="lab-bars__bar" x="40" y="4" height="16" rx="3" width={Math.max(2, (value / scale) * 300)} />
          <text x={48 + Math.max(2, (value / scale) * 300)} y="16">{value.toFixed(1)} ms</text>
        </g>
      ))}
    </svg>
  );
}

function FloodBars({ flood }: { flood: FloodResult }) {
  const total = Math.max(1, flood.sent);
  const accepted = (flood.accepted / total) * 400;
  return (
    <svg className="lab-bars" viewBox="0 0 420 40" role="img" aria-labelledby="flood-title" width="100%">
      <title id="flood-title">{`${flood.accepted} accepted and ${flood.dropped} dropped of ${flood.sent} reports`}</title>
      <rect className="lab-bars__bar" x="0" y="4" height="20" width={accepted} />
      <rect className="lab-bars__dropped" x={accepted} y="4" height="20" width={400 - accepted} />
      <text x="0" y="38">accepted {flood.accepted}</text>
      <text x="260" y="38">dropped {flood.dropped}</text>
    </svg>
  );
}

export default function BroadcastLab() {
  const { fleet } = useFleet();
  const [state, send] = useMachine(machine);
  const [room, setRoom] = useState('');
  const [rate, setRate] = useState(200);
  const [flood, setFlood] = useState<FloodResult | null>(null);
  const [floodError, setFloodError] = useState<string | null>(null);
  const [flooding, setFlooding] = useState(false);
  useReportObservedWhen(flood ? { summary: `the server accepted ${flood.accepted} of ${flood.sent} reports and dropped ${flood.dropped}.` } : null);
  const busy = state.matches('sending') || state.matches('collecting');
  const result = state.context.result;

  async function runFlood() {
    setFlooding(true);
    setFloodError(null);
    try {
      setFlood(await requestJson<FloodResult>('/api/devices/flood', { method: 'POST', body: { ratePerDevice: rate, durationMs: 1000 } }));
    } catch (caught) {
      setFloodError((caught as Error).message);
    } finally {
      setFlooding(false);
    }
  }

  return (
    <figure className="widget" aria-label="Broadcast lab">
      <div className="widget__bar">
        <strong className="widget__title">Broadcast to {fleet?.count ?? 0} devices</strong>
        <div className="widget__actions">
          <label htmlFor="broadcast-room" className="widget__caption">
            to
          </label>
          <select id="broadcast-room" className="input" value={room} onChange={(event) => setRoom(event.target.value)}>
            <option value="">all devices</option>
            {Object.keys(fleet?.rooms ?? {})
              .sort()
              .map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
          </select>
          <button type="button" className="button button--primary" disabled={busy || !fleet?.count} onClick={() => send({ type: 'SEND', room: room || null })}>
            {busy ? 'Collecting acks…' : 'Broadcast'}
          </button>
        </div>
      </div>
      {!fleet?.count ? <p className="widget__empty">Start a fleet in the device lab first.</p> : null}
      <WidgetError>{state.context.error}</WidgetError>
      {result ? (
        <>
          <ul className="lab-stats" data-testid="broadcast-stats">
            <li>
              <span className="lab-stats__value">
                {result.acked}/{result.recipients}
              </span>
              <span className="lab-stats__label">acks</span>
            </li>
            <li>
              <span className="lab-stats__value">{result.delivery?.p50.toFixed(1) ?? '—'} ms</span>
              <span className="lab-stats__label">p50 delivery</span>
            </li>
            <li>
              <span className="lab-stats__value">{result.delivery?.p95.toFixed(1) ?? '—'} ms</span>
              <span className="lab-stats__label">p95</span>
            </li>
            <li>
              <span className="lab-stats__value">{result.delivery?.p99.toFixed(1) ?? '—'} ms</span>
              <span className="lab-stats__label">p99</span>
            </li>
            <li>
              <span className="lab-stats__value">{result.messagesPerSecond?.toLocaleString() ?? '—'}</span>
              <span className="lab-stats__label">messages/s</span>
            </li>
            <li>
              <span className="lab-stats__value">{result.allAckedMs?.toFixed(1) ?? '—'} ms</span>
              <span className="lab-stats__label">until the last ack</span>
            </li>
          </ul>
          <PercentileBars result={result} />
        </>
      ) : null}
      <h3>Fan-in: every device floods the server</h3>
      <div className="lab-row">
        <label htmlFor="flood-rate">Reports per device per second</label>
        <input id="flood-rate" className="input" type="number" min={1} max={1000} value={rate} onChange={(event) => setRate(Math.max(1, Math.min(1000, Number(event.target.value) || 1)))} />
        <button type="button" className="button" disabled={flooding || !fleet?.simulator.running} onClick={() => void runFlood()}>
          {flooding ? 'Flooding for 1 s…' : 'Flood for 1 s'}
        </button>
      </div>
      <WidgetError>{floodError}</WidgetError>
      {flood ? (
        <>
          <p data-testid="flood-result">
            {flood.devices} devices sent {flood.sent} reports; each may send {flood.limitPerDevice}/s, so the server
            accepted {flood.accepted} and dropped {flood.dropped}.
          </p>
          <FloodBars flood={flood} />
        </>
      ) : null}
      <figcaption className="widget__caption">
        Delivery latency is each device’s receive time minus the server’s send time (same machine, same clock). One
        broadcast encodes the packet once and writes it to every socket.
      </figcaption>
    </figure>
  );
}
