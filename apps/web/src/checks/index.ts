// Live challenge checks: each asks the real server, so a pass means the learner did the real thing.
// Every check has a solution in solutions.test.ts that performs it against a real server.

import type { LiveCheckId } from '@loopwire/lessons';
import { whoamiOverWebSocket } from '../lib/whoami.ts';
import { floodCloseCode, latestBroadcast, reusedTicketStatus } from '../lib/securityProbes.ts';
import type { CheckContext } from './context.ts';

export interface CheckResult {
  pass: boolean;
  message: string;
}

export type LiveCheck = (answer: string, ctx: CheckContext) => Promise<CheckResult>;

export const liveChecks: Record<LiveCheckId, LiveCheck> = {
  async 'server-port-of-websocket'(answer, ctx) {
    const seen = await whoamiOverWebSocket(ctx);
    const port = seen.local.port;
    return answer.trim() === String(port)
      ? { pass: true, message: `Right: the server saw your WebSocket arrive on port ${port}, the page's own port.` }
      : { pass: false, message: 'Not that one. Open a WebSocket with the probe and read the server side of its 4-tuple.' };
  },
  async 'reused-ticket-status'(answer, ctx) {
    const status = await reusedTicketStatus(ctx);
    return answer.trim() === String(status)
      ? { pass: true, message: `Right: a used ticket gets ${status}. The browser only saw a failed connection; the server said why.` }
      : { pass: false, message: 'Not that status. Reuse a ticket in the token widget, then press “Ask the server why”.' };
  },
  async 'rate-limit-close-code'(answer, ctx) {
    const code = await floodCloseCode(ctx);
    return answer.trim() === String(code)
      ? { pass: true, message: `Right: ${code}, Policy Violation. The token bucket let a burst through, then the server hung up.` }
      : { pass: false, message: 'Not that code. Flood /ws/limited in the limits widget and read the close code it reports.' };
  },
  async 'broadcast-ack-count'(answer, ctx) {
    const latest = await latestBroadcast(ctx);
    if (!latest) return { pass: false, message: 'No broadcast yet: start a fleet and press Broadcast first.' };
    if (!latest.done) return { pass: false, message: 'Your latest broadcast is still collecting acks; try again in a moment.' };
    return answer.trim() === String(latest.acked)
      ? { pass: true, message: `Right: ${latest.acked} of ${latest.recipients} devices acknowledged your latest broadcast.` }
      : { pass: false, message: `Not quite: the server counted a different number of acks for broadcast ${latest.id.slice(0, 8)}.` };
  },
};
