// The server's heartbeat as this page receives it: one mark per tick (due every 100 ms), and a red
// band with the count of missed ticks wherever the server went silent. Stalls in another tab show here.

import { useId } from 'react';
import { heartbeatGaps, stallThresholdMs } from './heartbeat.ts';
import { useNow, useTickArrivals } from './useLabFeed.ts';
import './loop-lab.css';

const windowMs = 10_000;
const width = 640;
const height = 56;

export default function HeartbeatStrip() {
  const id = useId();
  const ticks = useTickArrivals(windowMs);
  const now = useNow(100);
  const gaps = heartbeatGaps(ticks, now);
  const x = (time: number) => ((time - (now - windowMs)) / windowMs) * width;
  const missed = gaps.reduce((sum, gap) => sum + gap.missedTicks, 0);
  const largest = gaps.reduce((max, gap) => Math.max(max, gap.ms), 0);
  const ongoing = gaps.find((gap) => gap.ongoing);

  return (
    <figure className="widget heartbeat" aria-label="Heartbeat strip">
      <div className="widget__bar">
        <strong className="widget__title">Server heartbeat, as this page hears it</strong>
        {/* Only the state is announced; the growing silence is shown beside it, not read out every 100 ms. */}
        <span className={`badge ${ongoing ? 'badge--closed' : 'badge--open'}`}>
          <span className="badge__dot" aria-hidden="true" />
          <span data-testid="heartbeat-status" role="status">
            {ticks.length === 0 ? 'waiting for ticks…' : ongoing ? 'server silent' : 'ticking'}
          </span>
          {ongoing ? <span className="mono">{`${Math.round(ongoing.ms)} ms`}</span> : null}
        </span>
      </div>
      <svg
        className="heartbeat__svg"
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        preserveAspectRatio="none"
      >
        <title id={`${id}-title`}>Heartbeat ticks over the last 10 seconds</title>
        <desc id={`${id}-desc`}>
          {`${ticks.length} ticks arrived; ${gaps.length} stalls longer than ${stallThresholdMs} ms, ${missed} ticks missed.`}
        </desc>
        {gaps.map((gap) => (
          <g key={gap.from}>
            <rect className="heartbeat__gap" x={x(gap.from)} y={4} width={Math.max(2, x(gap.to) - x(gap.from))} height={height - 8} rx={3} />
            {x(gap.to) - x(gap.from) > 70 ? (
              <text className="heartbeat__gap-label" x={(x(gap.from) + x(gap.to)) / 2} y={height / 2 + 4} textAnchor="middle">
                {gap.missedTicks} missed
              </text>
            ) : null}
          </g>
        ))}
        {ticks.map((tick) => (
          <line key={tick.seq} className="heartbeat__tick" x1={x(tick.arrivedAt)} x2={x(tick.arrivedAt)} y1={14} y2={height - 14} />
        ))}
      </svg>
      <dl className="heartbeat__stats">
        <div>
          <dt>missed ticks (10 s)</dt>
          <dd data-testid="heartbeat-missed">{missed}</dd>
        </div>
        <div>
          <dt>largest gap</dt>
          <dd data-testid="heartbeat-largest-gap">{largest === 0 ? '—' : `${Math.round(largest)} ms`}</dd>
        </div>
      </dl>
      <figcaption className="widget__caption">
        The server sends a tick every 100 ms to every open page. Start a blocking job here or in another tab: the ticks stop for
        everyone at once.
      </figcaption>
    </figure>
  );
}
