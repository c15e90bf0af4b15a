// The fan-out challenge's read of the server: this learner's latest broadcast and its acks.

import type { BroadcastResult } from '@loopwire/protocol';
import type { CheckContext } from '../../lib/live/context.ts';

export async function latestBroadcast(ctx: CheckContext): Promise<BroadcastResult | null> {
  const response = await ctx.fetch('/api/devices/broadcasts/latest');
  return response.ok ? ((await response.json()) as BroadcastResult) : null;
}
