// The live check of the fan-out lesson: the acks the server counted for the learner's own latest broadcast.

import type { BroadcastResult } from '@loopwire/contract';
import type { CheckContext, LiveCheck } from '../../lib/live/context.ts';

export async function latestBroadcast(ctx: CheckContext): Promise<BroadcastResult | null> {
  const response = await ctx.fetch('/api/devices/broadcasts/latest');
  return response.ok ? ((await response.json()) as BroadcastResult) : null;
}

export const fanoutChecks: Record<'broadcast-ack-count', LiveCheck> = {
  async 'broadcast-ack-count'(answer, ctx) {
    const latest = await latestBroadcast(ctx);
    if (!latest) return { pass: false, message: 'You have not broadcast yet: start a fleet and press Broadcast first.' };
    if (!latest.done) return { pass: false, message: 'Your latest broadcast is still collecting acks; try again in a moment.' };
    return answer.trim() === String(latest.acked)
      ? { pass: true, message: `Right: ${latest.acked} of ${latest.recipients} devices acknowledged your latest broadcast.` }
      : { pass: false, message: `Not quite: the server counted a different number of acks for your broadcast ${latest.id.slice(0, 8)}.` };
  },
};
