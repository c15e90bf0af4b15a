// Asks the live server which 4-tuple a request arrived on, over HTTP or over a fresh WebSocket.

import type { ConnectionInfo } from '@loopwire/contract';
import { requestJson } from '../../lib/api.ts';
import type { CheckContext } from '../../lib/live/context.ts';

export async function whoamiOverHttp(ctx: CheckContext): Promise<ConnectionInfo> {
  return requestJson<ConnectionInfo>('/api/whoami', { fetch: ctx.fetch });
}

/** Opens a WebSocket to /ws/whoami; the server sends the 4-tuple it saw and closes (1000). */
export function whoamiOverWebSocket(ctx: CheckContext, timeoutMs = 5000): Promise<ConnectionInfo> {
  return new Promise((resolve, reject) => {
    const socket = ctx.openWebSocket('/ws/whoami');
    const timer = setTimeout(() => {
      socket.close();
      reject(new Error('The server did not answer within 5 s'));
    }, timeoutMs);
    socket.onmessage = (event) => {
      clearTimeout(timer);
      resolve(JSON.parse(String(event.data)) as ConnectionInfo);
    };
    socket.onerror = () => {
      clearTimeout(timer);
      reject(new Error('The WebSocket could not be opened'));
    };
  });
}
