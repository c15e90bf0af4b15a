// The five ways the page can receive the feed, in the order the race table shows them.

export const transportKinds = ['short-polling', 'long-polling', 'sse', 'websocket', 'socket.io'] as const;

export type TransportKind = (typeof transportKinds)[number];

export const transportLabels: Record<TransportKind, string> = {
  'short-polling': 'Short polling',
  'long-polling': 'Long polling',
  sse: 'Server-Sent Events',
  websocket: 'WebSocket',
  'socket.io': 'Socket.IO',
};
