// Live challenge checks: each asks the real server, so a pass means the learner did the real thing.
// Every check has a solution in solutions.test.ts that performs it against a real server.

import type { LiveCheckId } from '@loopwire/lessons';
import { whoamiOverWebSocket } from '../lib/whoami.ts';
import type { CheckContext } from './context.ts';
import { labChecks } from './lab.ts';

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
  ...labChecks,
};
