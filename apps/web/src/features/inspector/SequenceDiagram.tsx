// A sequence diagram drawn from a real capture: the browser's and the server's lanes, the request
// and response heads, then each frame, top to bottom in the order they were seen.

import { memo } from 'react';
import type { Capture } from '@loopwire/contract';
import { byteStringToText } from './bytes.ts';

const maxArrows = 24;
const rowHeight = 34;

interface Arrow {
  from: 'client' | 'server';
  label: string;
}

function arrowsOf(capture: Capture): Arrow[] {
  const arrows: Arrow[] = [{ from: 'client', label: `${capture.method} ${capture.url.length > 38 ? `${capture.url.slice(0, 37)}…` : capture.url}` }];
  if (capture.responseHead) arrows.push({ from: 'server', label: capture.responseHead.split('\r\n')[0]! });
  for (const frame of capture.frames.slice(0, maxArrows - arrows.length)) {
    const what = frame.engineIo
      ? `${frame.engineIo.code}${frame.engineIo.data?.slice(0, 18) ?? ''}`
      : frame.closeCode !== undefined
        ? `close ${frame.closeCode}`
        : frame.opcode === 0x1
          ? `“${byteStringToText(frame.payloadPreview).slice(0, 20)}”`
          : `${frame.payloadLength} B`;
    arrows.push({ from: frame.direction, label: `${frame.opcodeName}: ${what}` });
  }
  return arrows;
}

// Drawn again only when what it shows changes: its capture, its heads, or how many frames there are.
export const SequenceDiagram = memo(
  function SequenceDiagram({ capture }: { capture: Capture }) {
    const arrows = arrowsOf(capture);
    const height = 50 + arrows.length * rowHeight;
    const drawnFrames = arrows.length - (capture.responseHead ? 2 : 1);
    const hidden = capture.framesSeen - drawnFrames;
    return (
      <svg className="sequence" viewBox={`0 0 560 ${height}`} role="img" aria-labelledby={`seq-title-${capture.id} seq-desc-${capture.id}`}>
        <title id={`seq-title-${capture.id}`}>Sequence of capture {capture.id}</title>
        <desc id={`seq-desc-${capture.id}`}>
          {arrows.map((arrow) => `${arrow.from === 'client' ? 'browser to server' : 'server to browser'}: ${arrow.label}`).join('; ')}
        </desc>
        <defs>
          <marker id="seq-head" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M0,0 L10,5 L0,10 z" className="sequence__arrowhead" />
          </marker>
        </defs>
        <text x="90" y="18" className="sequence__lane-label" textAnchor="middle">
          browser {capture.remote.address}:{capture.remote.port}
        </text>
        <text x="470" y="18" className="sequence__lane-label" textAnchor="middle">
          server {capture.local.address}:{capture.local.port}
        </text>
        <line x1="90" y1="26" x2="90" y2={height} className="sequence__lane sequence__lane--client" />
        <line x1="470" y1="26" x2="470" y2={height} className="sequence__lane sequence__lane--server" />
        {arrows.map((arrow, index) => {
          const y = 50 + index * rowHeight;
          const [x1, x2] = arrow.from === 'client' ? [92, 466] : [468, 94];
          return (
            <g key={index} className={`sequence__msg sequence__msg--${arrow.from}`}>
              <line x1={x1} y1={y} x2={x2} y2={y} markerEnd="url(#seq-head)" />
              <text x="280" y={y - 6} textAnchor="middle">
                {arrow.label}
              </text>
            </g>
          );
        })}
        {hidden > 0 ? (
          <text x="280" y={height - 4} textAnchor="middle" className="sequence__lane-label">
            … and {hidden} more frames (see the table)
          </text>
        ) : null}
      </svg>
    );
  },
  (previous, next) =>
    previous.capture.id === next.capture.id &&
    previous.capture.responseHead === next.capture.responseHead &&
    previous.capture.framesSeen === next.capture.framesSeen &&
    previous.capture.frames.length === next.capture.frames.length,
);
