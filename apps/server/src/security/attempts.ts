// Remembers how the server answered handshakes that carried `?attempt=<id>`. A browser hides the
// status of a refused WebSocket handshake from scripts (it only reports close code 1006), so the
// security lab tags its attempts and asks the server what really happened.

import type { IncomingMessage } from 'node:http';
import type { HandshakeOutcome } from '@loopwire/contract';
import { createPerSidHistory } from '../session/history.js';
import type { Sessions } from '../session/sid.js';

const attemptPattern = /^[A-Za-z0-9_-]{1,64}$/;

export interface AttemptLog {
  record(req: IncomingMessage, status: number, reason: string): void;
  get(attempt: string): HandshakeOutcome | undefined;
  /** The tagged refusals of handshakes that carried this sid's cookie, oldest first. */
  of(sid: string): HandshakeOutcome[];
}

export function attemptOf(req: IncomingMessage): string | null {
  const attempt = new URL(req.url ?? '/', 'http://x').searchParams.get('attempt');
  return attempt && attemptPattern.test(attempt) ? attempt : null;
}

/** Bounded: the oldest outcome is forgotten first. */
export function createAttemptLog(sessions: Pick<Sessions, 'read'>, capacity = 500): AttemptLog {
  const outcomes = new Map<string, HandshakeOutcome>();
  const outcomesOfSid = createPerSidHistory<HandshakeOutcome>();
  return {
    record(req, status, reason) {
      const attempt = attemptOf(req);
      if (!attempt) return;
      const outcome: HandshakeOutcome = {
        attempt,
        at: Date.now(),
        path: (req.url ?? '/').split('?')[0]!,
        origin: req.headers.origin ?? null,
        status,
        reason,
      };
      outcomes.delete(attempt);
      outcomes.set(attempt, outcome);
      const sid = sessions.read(req.headers);
      if (sid) outcomesOfSid.add(sid, outcome);
      if (outcomes.size > capacity) outcomes.delete(outcomes.keys().next().value!);
    },
    get: (attempt) => outcomes.get(attempt),
    of: (sid) => outcomesOfSid.of(sid),
  };
}
