// Credentials for the token demo. Socket.IO: a signed, expiring token sent in the `auth` payload
// of the handshake (never in the URL). Raw WebSocket: browsers cannot set headers on a WebSocket, so
// the page first fetches a short-lived single-use ticket over HTTP and puts only that in the URL.

import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export type CredentialProblem = 'missing' | 'malformed' | 'bad_signature' | 'expired' | 'unknown' | 'used';

export type Verified<T> = { ok: true; value: T } | { ok: false; problem: CredentialProblem };

export interface TokenClaims {
  /** Who the token was issued to: a display name the learner chose. */
  sub: string;
  /** Expiry, ms since the epoch. */
  exp: number;
}

export interface TokenIssuer {
  issue(sub: string, ttlMs: number): { token: string; expiresAt: number };
  verify(token: unknown): Verified<TokenClaims>;
}

/** HMAC-signed tokens with a per-process random key: a restart invalidates every token. */
export function createTokenIssuer(now: () => number = Date.now): TokenIssuer {
  const key = randomBytes(32);
  const sign = (body: string) => createHmac('sha256', key).update(body).digest('base64url');
  return {
    issue(sub, ttlMs) {
      const claims: TokenClaims = { sub, exp: now() + ttlMs };
      const body = Buffer.from(JSON.stringify(claims)).toString('base64url');
      return { token: `${body}.${sign(body)}`, expiresAt: claims.exp };
    },
    verify(token) {
      if (token === undefined || token === null || token === '') return { ok: false, problem: 'missing' };
      if (typeof token !== 'string' || token.length > 1024) return { ok: false, problem: 'malformed' };
      const [body, signature, extra] = token.split('.');
      if (!body || !signature || extra !== undefined) return { ok: false, problem: 'malformed' };
      const expected = Buffer.from(sign(body));
      const given = Buffer.from(signature);
      if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
        return { ok: false, problem: 'bad_signature' };
      }
      const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as TokenClaims;
      if (claims.exp <= now()) return { ok: false, problem: 'expired' };
      return { ok: true, value: claims };
    },
  };
}

export interface TicketBook {
  issue(sid: string | null): { ticket: string; expiresAt: number };
  /** Spends the ticket: a second use of the same ticket is refused. */
  redeem(ticket: string | null): Verified<{ sid: string | null }>;
}

const maxOutstandingTickets = 1000;

/** Single-use tickets, kept in a bounded map (oldest dropped first when full). */
export function createTicketBook(ttlMs: number, now: () => number = Date.now): TicketBook {
  const tickets = new Map<string, { sid: string | null; expiresAt: number; used: boolean }>();
  const prune = () => {
    for (const [ticket, entry] of tickets) {
      // A used ticket is remembered until it would have expired, so its reuse says "used", not "unknown".
      if (entry.expiresAt <= now()) tickets.delete(ticket);
    }
    while (tickets.size >= maxOutstandingTickets) tickets.delete(tickets.keys().next().value!);
  };
  return {
    issue(sid) {
      prune();
      const ticket = randomBytes(18).toString('base64url');
      const expiresAt = now() + ttlMs;
      tickets.set(ticket, { sid, expiresAt, used: false });
      return { ticket, expiresAt };
    },
    redeem(ticket) {
      if (!ticket) return { ok: false, problem: 'missing' };
      const entry = tickets.get(ticket);
      if (!entry) return { ok: false, problem: 'unknown' };
      if (entry.used) return { ok: false, problem: 'used' };
      if (entry.expiresAt <= now()) return { ok: false, problem: 'expired' };
      entry.used = true;
      return { ok: true, value: { sid: entry.sid } };
    },
  };
}

export const credentialMessages: Record<CredentialProblem, string> = {
  missing: 'No credential was sent.',
  malformed: 'The credential is not in the expected format.',
  bad_signature: 'The token’s signature does not match: it was not issued by this server (or was altered).',
  expired: 'The credential has expired: fetch a new one.',
  unknown: 'This ticket was never issued by this server (or has long expired).',
  used: 'This ticket was already used: tickets are single-use.',
};
