// The fan-out lab's one call that is more than a request: waiting for a broadcast's acks.

import type { BroadcastResult } from '@loopwire/contract';
import { requestJson } from '../../lib/api.ts';

/** Polls a device broadcast until the server has every ack (or its ack deadline passed). */
export async function waitForBroadcast(id: string): Promise<BroadcastResult> {
  for (;;) {
    const result = await requestJson<BroadcastResult>(`/api/devices/broadcasts/${encodeURIComponent(id)}`);
    if (result.done) return result;
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}
