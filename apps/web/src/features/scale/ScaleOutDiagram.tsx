// Two servers behind a load balancer: why a broadcast on server A misses client 2, and where an
// adapter (a broker such as Redis) closes the gap. A picture for lesson 13, not a live widget.

import './scale.css';

const box = { width: 150, height: 46 };

function Node({ x, y, label, note, kind }: { x: number; y: number; label: string; note?: string; kind?: string }) {
  return (
    <g className={kind ? `diagram__${kind}` : undefined}>
      <rect x={x} y={y} width={box.width} height={box.height} rx="8" />
      <text x={x + box.width / 2} y={y + (note ? 20 : 28)} textAnchor="middle" className="diagram__label">
        {label}
      </text>
      {note ? (
        <text x={x + box.width / 2} y={y + 37} textAnchor="middle" className="diagram__note">
          {note}
        </text>
      ) : null}
    </g>
  );
}

export default function ScaleOutDiagram() {
  return (
    <figure className="widget widget--diagram">
      <svg viewBox="0 0 640 330" role="img" aria-labelledby="scale-out-title scale-out-desc" className="diagram">
        <title id="scale-out-title">Two servers behind a load balancer</title>
        <desc id="scale-out-desc">
          Client 1 is connected through the load balancer to server A, client 2 to server B. Server A broadcasts
          “news”: it reaches client 1 only, because server A holds only its own sockets. With an adapter, server A also
          publishes the broadcast to a broker such as Redis, server B receives it and delivers it to client 2.
        </desc>
        <defs>
          <marker id="scale-out-arrow" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="8" markerHeight="8" orient="auto">
            <path d="M0 0 L8 4 L0 8 z" className="diagram__arrowhead" />
          </marker>
        </defs>
        <Node x={60} y={12} label="Client 1" />
        <Node x={430} y={12} label="Client 2" />
        <Node x={245} y={96} label="Load balancer" note="spreads connections" />
        <Node x={60} y={186} label="Server A" note="knows client 1" kind="app" />
        <Node x={430} y={186} label="Server B" note="knows client 2" kind="app" />
        <Node x={245} y={272} label="Broker (Redis)" note="only with an adapter" />
        <path d="M135 58 L280 96" className="scale-out__link" />
        <path d="M505 58 L360 96" className="scale-out__link" />
        <path d="M290 142 L150 186" className="scale-out__link" />
        <path d="M350 142 L490 186" className="scale-out__link" />
        <path d="M100 186 C 70 140, 70 100, 100 62" className="diagram__arrow" markerEnd="url(#scale-out-arrow)" />
        <text x="20" y="128" className="diagram__note">
          emit “news”
        </text>
        <path d="M470 186 C 500 140, 500 100, 470 62" className="scale-out__missed" />
        <text x="512" y="128" className="scale-out__cross">
          never sent
        </text>
        <path d="M135 232 L245 285" className="scale-out__adapter" markerEnd="url(#scale-out-arrow)" />
        <path d="M395 285 L505 232" className="scale-out__adapter" markerEnd="url(#scale-out-arrow)" />
      </svg>
      <figcaption className="widget__caption">
        Without an adapter, server A’s broadcast walks only server A’s sockets: client 2 never hears it. With one
        (dashed), A also publishes the broadcast to a broker and B delivers it to its own clients.
      </figcaption>
    </figure>
  );
}
