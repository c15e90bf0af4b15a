// Bytes on the wire per delivered message, per transport, as stacked bars (client → server, server → client).

import type { WireBytes } from './measure.ts';
import { transportKinds, transportLabels, type TransportKind } from './kinds.ts';
import './transports.css';

const rowHeight = 28;
const labelWidth = 150;
const barWidth = 420;
const valueWidth = 90;

export function BytesChart({ bytes, messages }: { bytes: Record<TransportKind, WireBytes>; messages: number }) {
  const perMessage = transportKinds.map((kind) => ({
    kind,
    client: bytes[kind].clientBytes / messages,
    server: bytes[kind].serverBytes / messages,
  }));
  const largest = Math.max(1, ...perMessage.map((row) => row.client + row.server));
  const scale = (value: number) => (value / largest) * barWidth;
  const height = rowHeight * perMessage.length + 8;
  return (
    <div>
      <svg
        className="bars"
        role="img"
        aria-labelledby="bytes-chart-title bytes-chart-desc"
        viewBox={`0 0 ${labelWidth + barWidth + valueWidth} ${height}`}
        width="100%"
        data-testid="bytes-chart"
      >
        <title id="bytes-chart-title">Bytes on the wire per message</title>
        <desc id="bytes-chart-desc">
          {perMessage.map((row) => `${transportLabels[row.kind]}: ${Math.round(row.client + row.server)} bytes`).join('; ')}
        </desc>
        {perMessage.map((row, index) => {
          const y = index * rowHeight + 4;
          return (
            <g key={row.kind}>
              <text x={0} y={y + 16}>
                {transportLabels[row.kind]}
              </text>
              <rect className="bars__client" x={labelWidth} y={y + 4} width={scale(row.client)} height={rowHeight - 10} />
              <rect className="bars__server" x={labelWidth + scale(row.client)} y={y + 4} width={scale(row.server)} height={rowHeight - 10} />
              <text className="bars__value" x={labelWidth + scale(row.client + row.server) + 6} y={y + 16}>
                {Math.round(row.client + row.server)} B
              </text>
            </g>
          );
        })}
      </svg>
      <p className="legend">
        <span>
          <span className="legend__swatch" style={{ background: 'var(--client)' }} />
          client → server
        </span>
        <span>
          <span className="legend__swatch" style={{ background: 'var(--server)' }} />
          server → client
        </span>
      </p>
    </div>
  );
}
