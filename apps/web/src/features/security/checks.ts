// Live checks of the security lesson: reuse a ticket, flood a rate-limited socket, as the learner.

import type { LiveCheck } from '../../lib/live/context.ts';
import { floodCloseCode, reusedTicketStatus } from './probes.ts';

export const securityChecks: Record<'reused-ticket-status' | 'rate-limit-close-code', LiveCheck> = {
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
};
