// Which transport an exchange is, and whether it is noise (static files, the inspector's own calls).

import type { CaptureKind } from '@loopwire/contract';

export function kindFromRequest(path: string): CaptureKind {
  if (path.startsWith('/socket.io/') || path === '/socket.io') return 'socket.io';
  if (path === '/api/poll/long') return 'long-polling';
  if (path === '/api/poll/short') return 'short-polling';
  if (path.startsWith('/api/sse/')) return 'sse';
  return 'http';
}

/** Refines the kind once the response head is known: a 101 is a WebSocket, an event stream is SSE. */
export function kindFromResponse(current: CaptureKind, status: number | null, contentType: string | null): CaptureKind {
  if (current === 'socket.io') return current;
  if (status === 101) return 'websocket';
  if (contentType?.toLowerCase().startsWith('text/event-stream')) return 'sse';
  return current;
}

const staticFile = /\.(?:js|mjs|css|map|svg|png|jpe?g|gif|webp|ico|woff2?|ttf|webmanifest|txt)$/i;

/** Hidden from lists unless `?all=1`: they would bury the exchanges a learner is looking for. */
export function isNoise(path: string): boolean {
  return (
    path.startsWith('/api/captures') ||
    path.startsWith('/assets/') ||
    // Vite's dev server (npm run dev): modules, its client and hot-reload files.
    path.startsWith('/@') ||
    path.startsWith('/src/') ||
    path.startsWith('/node_modules/') ||
    staticFile.test(path)
  );
}
