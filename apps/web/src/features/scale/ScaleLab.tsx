// The scale lab: a real cluster on a second loopback port, six Socket.IO clients on it, and the
// experiments of lesson 13 — in-memory adapter, no stickiness, cluster adapter, Redis, a killed worker,
// the noisy neighbour.

import { useEffect, useState } from 'react';
import { maxScaleWorkers, scaleAdapters, type ScaleAdapter, type ScaleBalancing, type ScaleClusterOptions } from '@loopwire/contract';
import { useAction } from '../../lib/useAction.ts';
import { WidgetError } from '../../lib/ui/WidgetError.tsx';
import { clusterUrl, killWorker, setRedisRunning, startCluster, stopCluster } from './api.ts';
import { useScaleState } from './useScaleState.ts';
import { labClientCount, useLabClients, type Transports } from './useLabClients.ts';
import { ClientGrid } from './ClientGrid.tsx';
import { ClusterCaptures } from './ClusterCaptures.tsx';
import { NoisyNeighbour } from './NoisyNeighbour.tsx';
import { percentile } from './broadcasts.ts';
import './scale.css';

const adapterLabels: Record<ScaleAdapter, string> = { memory: 'in-memory (default)', cluster: 'cluster adapter', redis: 'Redis adapter' };
/** A broadcast still missing someone after this long counts as missed (the page shows it settle). */
const settleMs = 1000;
const measuredBroadcasts = 20;

interface Measurement {
  label: string;
  p50: number;
  p99: number;
  receipts: number;
}

export default function ScaleLab() {
  const { state, error: stateError, replace } = useScaleState();
  const [options, setOptions] = useState<ScaleClusterOptions>({ workers: 2, balancing: 'sticky', adapter: 'memory' });
  const [transports, setTransports] = useState<Transports>('default');
  const [generation, setGeneration] = useState(0);
  const [latest, setLatest] = useState<string | null>(null);
  const [settledId, setSettledId] = useState<string | null>(null);
  const [measurements, setMeasurements] = useState<Measurement[]>([]);
  const action = useAction();
  const running = state?.running === true && state.port !== null;
  const url = running ? clusterUrl(state.port!) : null;
  const { snapshots, receipts, readReceipts, broadcast, ping } = useLabClients(url, transports, generation);
  const openClients = snapshots.filter((snapshot) => snapshot.matches({ running: 'open' })).length;
  const received = latest ? (receipts.get(latest)?.size ?? 0) : 0;
  const redis = state?.redis;
  const settled = latest !== null && settledId === latest;

  useEffect(() => {
    if (!latest) return;
    const timer = setTimeout(() => setSettledId(latest), settleMs);
    return () => clearTimeout(timer);
  }, [latest]);

  const start = () =>
    action.run(async () => {
      setLatest(null);
      replace(await startCluster(options));
      setGeneration((value) => value + 1);
    });

  const measure = () =>
    action.run(async () => {
      const latencies: number[] = [];
      const ids: string[] = [];
      for (let i = 0; i < measuredBroadcasts; i++) ids.push(await broadcast(0));
      // Each broadcast's receipts arrive on their own; read them once the last has had time to settle.
      await new Promise((resolve) => setTimeout(resolve, settleMs));
      const all = readReceipts();
      for (const id of ids) latencies.push(...(all.get(id)?.values() ?? []));
      if (latencies.length === 0) throw new Error('No client received any of the broadcasts.');
      const label = `${state?.options?.workers ?? '?'} workers, ${adapterLabels[state?.options?.adapter ?? 'memory']}`;
      setMeasurements((previous) => [...previous.filter((row) => row.label !== label), { label, p50: percentile(latencies, 50), p99: percentile(latencies, 99), receipts: latencies.length }]);
    });

  return (
    <figure className="widget scale-lab" aria-label="Scale lab">
      <div className="widget__bar">
        <strong className="widget__title">A real cluster on this machine</strong>
        <span className="widget__caption" data-testid="cluster-summary">
          {running
            ? `port ${state.port} · primary pid ${state.primaryPid} · ${state.workers.length} worker${state.workers.length === 1 ? '' : 's'} · ${state.options?.balancing} · ${adapterLabels[state.options!.adapter]}`
            : 'not running'}
        </span>
      </div>
      <form
        className="scale-controls"
        onSubmit={(event) => {
          event.preventDefault();
          void start();
        }}
      >
        <label>
          Workers
          <select className="input" value={options.workers} onChange={(event) => setOptions({ ...options, workers: Number(event.target.value) })}>
            {Array.from({ length: maxScaleWorkers }, (_, index) => index + 1).map((count) => (
              <option key={count} value={count}>
                {count}
              </option>
            ))}
          </select>
        </label>
        <label>
          Balancing
          <select className="input" value={options.balancing} onChange={(event) => setOptions({ ...options, balancing: event.target.value as ScaleBalancing })}>
            <option value="round-robin">round-robin, not sticky</option>
            <option value="sticky">sticky (by Engine.IO sid)</option>
          </select>
        </label>
        <label>
          Adapter
          <select className="input" value={options.adapter} onChange={(event) => setOptions({ ...options, adapter: event.target.value as ScaleAdapter })}>
            {scaleAdapters.map((adapter) => (
              <option key={adapter} value={adapter} disabled={adapter === 'redis' && redis?.available === false}>
                {adapterLabels[adapter]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Transports
          <select className="input" value={transports} onChange={(event) => setTransports(event.target.value as Transports)}>
            <option value="default">polling first, then WebSocket</option>
            <option value="websocket">WebSocket only</option>
          </select>
        </label>
        <button type="submit" className="button button--primary" disabled={action.busy}>
          {running ? 'Restart the cluster' : 'Start the cluster'}
        </button>
        {running ? (
          <button type="button" className="button" disabled={action.busy} onClick={() => void action.run(async () => replace(await stopCluster()))}>
            Stop
          </button>
        ) : null}
      </form>
      {redis && !redis.available ? <p className="widget__caption">{redis.enable}</p> : null}
      <WidgetError>{action.error ?? stateError}</WidgetError>

      {running ? (
        <>
          <ul className="scale-workers" aria-label="Running workers">
            {state.workers.map((worker) => (
              <li key={worker.pid}>
                worker {worker.id} · pid <strong>{worker.pid}</strong>
                <button type="button" className="button button--small" disabled={action.busy} onClick={() => void action.run(async () => void (await killWorker(worker.pid)))}>
                  Kill (SIGKILL)
                </button>
              </li>
            ))}
          </ul>
          <div className="lab-row">
            <button
              type="button"
              className="button button--primary"
              disabled={action.busy || !snapshots[0]?.matches({ running: 'open' })}
              onClick={() => void action.run(async () => setLatest(await broadcast(0)))}
            >
              Broadcast from client 1
            </button>
            <button type="button" className="button" disabled={action.busy || openClients === 0} onClick={() => void measure()}>
              Measure latency ({measuredBroadcasts} broadcasts)
            </button>
            <span className="widget__caption">
              {openClients} of {labClientCount} clients connected
            </span>
          </div>
          {latest ? (
            <p className={`scale-verdict${received < labClientCount ? ' scale-verdict--short' : ''}`} data-testid="broadcast-verdict" data-settled={settled}>
              {received} of {labClientCount} received{settled ? '' : ' so far'}
            </p>
          ) : null}
          <ClientGrid snapshots={snapshots} receipts={receipts} latest={latest} />
          {measurements.length > 0 ? (
            <table className="scale-measurements" data-testid="latency-table">
              <caption>Broadcast latency, sender to every receiver, on this page’s clock</caption>
              <thead>
                <tr>
                  <th scope="col">cluster</th>
                  <th scope="col">p50</th>
                  <th scope="col">p99</th>
                  <th scope="col">receipts</th>
                </tr>
              </thead>
              <tbody>
                {measurements.map((row) => (
                  <tr key={row.label}>
                    <td>{row.label}</td>
                    <td>{row.p50.toFixed(1)} ms</td>
                    <td>{row.p99.toFixed(1)} ms</td>
                    <td>{row.receipts}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          {state.options?.adapter === 'redis' && redis ? (
            <section className="lab-panel" aria-label="Redis">
              <h3>Redis on port {redis.port}</h3>
              <p data-testid="redis-status">
                {redis.connected
                  ? `Reachable. PUBLISH commands so far: ${redis.publishes ?? '—'} (each broadcast is one PUBLISH that every other worker receives).`
                  : 'Unreachable: broadcasts cannot cross workers now. Each worker still delivers to its own clients, but the PUBLISH that would carry a broadcast to the others fails, and that broadcast is lost for them — it is not sent later.'}
              </p>
              {redis.controllable ? (
                <button type="button" className="button" disabled={action.busy} onClick={() => void action.run(async () => replace(await setRedisRunning(!redis.connected)))}>
                  {redis.connected ? 'Stop Redis' : 'Start Redis again'}
                </button>
              ) : (
                <p className="widget__caption">This Redis comes from REDIS_URL; Loopwire does not stop it.</p>
              )}
            </section>
          ) : null}
          <NoisyNeighbour workers={state.workers} snapshots={snapshots} ping={ping} />
          <ClusterCaptures />
          <details className="lab-details">
            <summary>What the cluster did ({state.events.length})</summary>
            <ol className="lab-log">
              {state.events.map((event) => (
                <li key={`${event.at}-${event.message}`}>
                  <time>{new Date(event.at).toLocaleTimeString()}</time> {event.message}
                </li>
              ))}
            </ol>
          </details>
        </>
      ) : null}
    </figure>
  );
}
