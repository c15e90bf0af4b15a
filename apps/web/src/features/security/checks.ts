// Live checks of the security lesson: the server's log of the learner's own refused ticket, and
// their own flooding socket's close frame.
// Checks read only the server's record of what this learner did, never run the experiment themselves:
// a learner who did nothing fails, and a typed answer counts only with the record of doing it.

import type { HandshakeOutcomes } from '@loopwire/contract';
import { requestJson } from '../../lib/api.ts';
import type { LiveCheck } from '../../lib/live/context.ts';
import { capturesOf, pathOf } from '../../lib/live/captures.ts';

export const securityChecks: Record<'reused-ticket-status' | 'rate-limit-close-code', LiveCheck> = {
  async 'reused-ticket-status'(answer, ctx) {
    const { attempts } = await requestJson<HandshakeOutcomes>('/api/security/attempts', { fetch: ctx.fetch });
    const reuse = attempts.findLast((attempt) => attempt.path === '/ws/private' && /already used/.test(attempt.reason));
    if (!reuse) return { pass: false, message: 'The server has not refused a reused ticket of yours yet: reuse one in the token widget first.' };
    return answer.trim() === String(reuse.status)
      ? { pass: true, message: `Right: your reused ticket got ${reuse.status}. The browser only saw a failed connection; the server said why.` }
      : { pass: false, message: 'Not that status. Press “Ask the server why” after reusing the ticket.' };
  },
  async 'rate-limit-close-code'(answer, ctx) {
    const closes = (await capturesOf(ctx, 'websocket'))
      .filter((capture) => pathOf(capture) === '/ws/limited')
      .flatMap((capture) => capture.frames)
      .filter((frame) => frame.direction === 'server' && frame.closeCode === 1008);
    const close = closes[0];
    if (!close) return { pass: false, message: 'The server has not closed a flooding socket of yours yet: flood /ws/limited in the limits widget first.' };
    return closes.some((frame) => answer.trim() === String(frame.closeCode))
      ? { pass: true, message: `Right: ${answer.trim()}, the close code the server sent when your socket went over its limit.` }
      : { pass: false, message: 'Not that code. Read the close code the limits widget reported for your flood.' };
  },
};
