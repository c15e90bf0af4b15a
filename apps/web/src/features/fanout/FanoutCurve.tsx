// The fan-out curve `npm run bench` measured: broadcast latency p50 and p99 against the number of devices
// on one server, up to 10,000. A picture of the committed run (its data is written from bench/results.json),
// not a live widget: its caption says where and when it was measured, and the fleet above measures this machine.

import { maxSimulatedDevices } from '@loopwire/contract';
import { measuredFanout } from '@loopwire/lessons';
import './fanout.css';

const width = 640;
const height = 300;
const margin = { top: 16, right: 96, bottom: 44, left: 56 };
const plotWidth = width - margin.left - margin.right;
const plotHeight = height - margin.top - margin.bottom;

const count = (devices: number) => devices.toLocaleString('en-US');
/** A ratio as the summary prints it: one decimal, none when whole (10×, 7.3×). */
const times = (ratio: number) => String(Math.round(ratio * 10) / 10);

/** A round step for the latency axis so that about five ticks fit. */
function tickStep(max: number): number {
  const raw = max / 5;
  const power = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((factor) => factor * power).find((step) => step >= raw)!;
}

export default function FanoutCurve() {
  const { points, machine, measuredAt, mode } = measuredFanout;
  const [first] = points;
  const last = points.at(-1) ?? first;
  const maxDevices = last.devices;
  const maxMs = Math.max(...points.map((point) => point.p99)) * 1.1;
  const x = (devices: number) => margin.left + (devices / maxDevices) * plotWidth;
  const y = (ms: number) => margin.top + plotHeight - (ms / maxMs) * plotHeight;
  const line = (key: 'p50' | 'p99') => points.map((point) => `${x(point.devices).toFixed(1)},${y(point[key]).toFixed(1)}`).join(' ');
  const step = tickStep(maxMs);
  const ticks = Array.from({ length: Math.floor(maxMs / step) + 1 }, (_, index) => index * step);
  return (
    <figure className="widget fanout-curve" aria-label="Fan-out curve" data-testid="fanout-curve">
      <div className="widget__bar">
        <strong className="widget__title">Broadcast latency as the number of devices grows</strong>
      </div>
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby="fanout-curve-title fanout-curve-desc" className="diagram fanout-curve__chart">
        <title id="fanout-curve-title">Broadcast latency p50 and p99 against the number of devices</title>
        <desc id="fanout-curve-desc">
          p99 rises from {first.p99} ms at {count(first.devices)} devices to {last.p99} ms at {count(last.devices)}; p50 from {first.p50} ms to {last.p50} ms.
        </desc>
        {ticks.map((ms) => (
          <g key={ms}>
            <line x1={margin.left} x2={margin.left + plotWidth} y1={y(ms)} y2={y(ms)} className="fanout-curve__grid" />
            <text x={margin.left - 8} y={y(ms) + 4} textAnchor="end" className="diagram__note">
              {ms}
            </text>
          </g>
        ))}
        {points.map((point) => (
          <text key={point.devices} x={x(point.devices)} y={margin.top + plotHeight + 18} textAnchor="middle" className="diagram__note">
            {count(point.devices)}
          </text>
        ))}
        <text x={margin.left + plotWidth / 2} y={height - 6} textAnchor="middle" className="diagram__note">
          devices connected (Socket.IO, one broadcast to all)
        </text>
        <text transform={`translate(14 ${margin.top + plotHeight / 2}) rotate(-90)`} textAnchor="middle" className="diagram__note">
          latency (ms)
        </text>
        <polyline points={line('p50')} className="fanout-curve__p50" />
        <polyline points={line('p99')} className="fanout-curve__p99" />
        {points.map((point) => (
          <g key={point.devices}>
            <circle cx={x(point.devices)} cy={y(point.p50)} r="3.5" className="fanout-curve__p50-dot" />
            <circle cx={x(point.devices)} cy={y(point.p99)} r="3.5" className="fanout-curve__p99-dot" />
          </g>
        ))}
        <text x={margin.left + plotWidth + 8} y={y(last.p99) + 4} className="fanout-curve__p99-label">
          p99 {last.p99} ms
        </text>
        <text x={margin.left + plotWidth + 8} y={y(last.p50) + 4} className="fanout-curve__p50-label">
          p50 {last.p50} ms
        </text>
      </svg>
      <p className="fanout-curve__summary" data-testid="fanout-curve-summary">
        {times(last.devices / first.devices)}× the devices: p99 {times(last.p99 / first.p99)}× ({first.p99} → {last.p99} ms), p50{' '}
        {times(last.p50 / first.p50)}× ({first.p50} → {last.p50} ms).
      </p>
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Fan-out curve, as numbers">
        <table className="table" data-testid="fanout-curve-table">
          <thead>
            <tr>
              <th scope="col">devices</th>
              <th scope="col">p50</th>
              <th scope="col">p99</th>
              <th scope="col">last device acked</th>
              <th scope="col">deliveries missed</th>
            </tr>
          </thead>
          <tbody>
            {points.map((point) => (
              <tr key={point.devices}>
                <th scope="row">{count(point.devices)}</th>
                <td>{point.p50} ms</td>
                <td>{point.p99} ms</td>
                <td>{point.allAcked === null ? '—' : `${point.allAcked} ms`}</td>
                <td>{point.missed === null ? '—' : count(point.missed)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <figcaption className="widget__caption">
        Measured by <code>npm run bench</code> ({mode} run) on {machine}, {measuredAt.slice(0, 10)}: one Loopwire server, with the
        simulated devices on the same machine. These are not your machine's numbers; the fleet above measures yours, up to{' '}
        {count(maxSimulatedDevices)} devices.
      </figcaption>
    </figure>
  );
}
