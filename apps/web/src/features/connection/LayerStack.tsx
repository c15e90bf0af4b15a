// The protocol stack as a picture: HTTP/1.1 and WebSocket side by side on TCP, TLS optional.

const layers = [
  { name: 'TLS (https://, wss://)', note: 'encrypts the byte stream; optional', dashed: true },
  { name: 'TCP', note: 'reliable, ordered bytes between two sockets (IP + port each)', dashed: false },
  { name: 'IP', note: 'packets from one address to another', dashed: false },
] as const;

export default function LayerStack() {
  const width = 640;
  const rowHeight = 52;
  const top = 84;
  return (
    <figure className="widget widget--diagram">
      <svg
        viewBox={`0 0 ${width} ${top + layers.length * rowHeight + 8}`}
        role="img"
        aria-labelledby="layer-stack-title layer-stack-desc"
        className="diagram"
      >
        <title id="layer-stack-title">The protocol stack</title>
        <desc id="layer-stack-desc">
          HTTP/1.1 and WebSocket sit side by side at the application layer. Both are carried by TCP, optionally
          through TLS, and TCP is carried by IP. A WebSocket starts as an HTTP request on the same connection.
        </desc>
        <g className="diagram__app">
          <rect x="8" y="8" width="300" height="64" rx="8" />
          <text x="158" y="36" textAnchor="middle" className="diagram__label">
            HTTP/1.1
          </text>
          <text x="158" y="56" textAnchor="middle" className="diagram__note">
            request → response, client speaks first
          </text>
          <rect x="332" y="8" width="300" height="64" rx="8" />
          <text x="482" y="36" textAnchor="middle" className="diagram__label">
            WebSocket
          </text>
          <text x="482" y="56" textAnchor="middle" className="diagram__note">
            frames both ways, either side speaks
          </text>
          <path d="M308 40 h24" className="diagram__arrow" markerEnd="url(#layer-stack-arrow)" />
        </g>
        <defs>
          <marker id="layer-stack-arrow" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="8" markerHeight="8" orient="auto">
            <path d="M0 0 L8 4 L0 8 z" className="diagram__arrowhead" />
          </marker>
        </defs>
        {layers.map((layer, index) => {
          const y = top + index * rowHeight;
          return (
            <g key={layer.name} className="diagram__layer">
              <rect x="8" y={y} width={width - 16} height={rowHeight - 8} rx="8" strokeDasharray={layer.dashed ? '6 4' : undefined} />
              <text x="24" y={y + 28} className="diagram__label">
                {layer.name}
              </text>
              <text x={width - 24} y={y + 28} textAnchor="end" className="diagram__note">
                {layer.note}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="widget__caption">
        The arrow is time, not height: the first bytes on a WebSocket connection are an HTTP request with{' '}
        <code>Upgrade: websocket</code>; after <code>101 Switching Protocols</code> the same TCP connection carries
        frames.
      </figcaption>
    </figure>
  );
}
