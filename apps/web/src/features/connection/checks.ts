// The live check of the endpoints lesson: read the server's side of the learner's own WebSocket 4-tuple.

import type { LiveCheck } from '../../lib/live/context.ts';
import { whoamiOverWebSocket } from './whoami.ts';

export const connectionChecks: Record<'server-port-of-websocket', LiveCheck> = {
  async 'server-port-of-websocket'(answer, ctx) {
    const seen = await whoamiOverWebSocket(ctx);
    const port = seen.local.port;
    return answer.trim() === String(port)
      ? { pass: true, message: `Right: the server saw your WebSocket arrive on port ${port}, the page's own port.` }
      : { pass: false, message: 'Not that one. Open a WebSocket with the probe and read the server side of its 4-tuple.' };
  },
};
