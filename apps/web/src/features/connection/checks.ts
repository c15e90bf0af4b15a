// The live check of the endpoints lesson: the server's side of the 4-tuple of the learner's own probe
// WebSocket, read from their captures.
// Checks read only the server's record of what this learner did, never run the experiment themselves:
// a learner who did nothing fails, and a typed answer counts only with the record of doing it.

import type { LiveCheck } from '../../lib/live/context.ts';
import { capturesOf, pathOf } from '../../lib/live/captures.ts';

export const connectionChecks: Record<'server-port-of-websocket', LiveCheck> = {
  async 'server-port-of-websocket'(answer, ctx) {
    const probe = (await capturesOf(ctx, 'websocket')).find((capture) => pathOf(capture) === '/ws/whoami' && capture.status === 101);
    if (!probe) return { pass: false, message: 'No WebSocket from the probe in your captures yet: press Ask over WebSocket first.' };
    const port = probe.local.port;
    return answer.trim() === String(port)
      ? { pass: true, message: `Right: the server saw your WebSocket arrive on port ${port}, the page's own port.` }
      : { pass: false, message: 'Not that one. Read the server side of the 4-tuple your WebSocket arrived on.' };
  },
};
