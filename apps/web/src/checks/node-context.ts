// A CheckContext for tests: Node's fetch and the `ws` client, sharing one cookie jar, so a test
// acts as one learner (one loopwire_sid) the way a browser would.

import WebSocket from 'ws';
import type { CheckContext, WebSocketLike } from '../lib/live/context.ts';

export function createNodeCheckContext(baseUrl: string): CheckContext & { cookies: Map<string, string> } {
  const cookies = new Map<string, string>();
  const cookieHeader = () => [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  const remember = (setCookies: string[]) => {
    for (const line of setCookies) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      if (at > 0) cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
    }
  };
  return {
    cookies,
    async fetch(path, init = {}) {
      const headers = new Headers(init.headers);
      if (cookies.size > 0) headers.set('cookie', cookieHeader());
      const response = await fetch(new URL(path, baseUrl), { ...init, headers });
      remember(response.headers.getSetCookie());
      return response;
    },
    openWebSocket(path, protocols) {
      const url = new URL(path, baseUrl.replace(/^http/, 'ws'));
      const headers: Record<string, string> = cookies.size > 0 ? { cookie: cookieHeader() } : {};
      // `ws` implements the same handler properties, but types their events with its own classes
      // (WebSocket.Event, WebSocket.MessageEvent), which TypeScript cannot relate to the DOM's.
      return new WebSocket(url, protocols, { headers, origin: new URL(baseUrl).origin }) as unknown as WebSocketLike;
    },
  };
}
