// Credentials for the token demo. Socket.IO: a signed, expiring token sent in the `auth` payload
// of the handshake (never in the URL). Raw WebSocket: browsers cannot set headers on a WebSocket, so
// the page first fetches a short-lived single-use ticket over HTTP and puts only that in the URL; the
// ticket is bound to the browser's sid, so a ticket seen by someone else (a log, a proxy) is useless.

import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export type CredentialProblem = 'missing' | 'malformed' | 'bad_signature' | 'expired' | 'unknown' | 'used' | 'wrong_session';

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
  /** A ticket for this browser's sid; null when the book is full (every slot holds a live ticket). */
  issue(sid: string): { ticket: string; expiresAt: number } | null;
  /** Checks the ticket for this sid without spending it (the handshake may still fail). */
  check(ticket: string | null, sid: string | null): Verified<{ sid: string }>;
  /** Checks and spends it: call only as the upgrade succeeds. A second use is refused as `used`. */
  redeem(ticket: string | null, sid: string | null): Verified<{ sid: string }>;
  /** Milliseconds until the oldest live ticket expires (how long to wait when the book is full). */
  retryAfterMs(): number;
}

/** Unredeemed tickets one sid may hold; a further request replaces that sid's oldest, nobody else's. */
export const maxTicketsPerSid = 5;
/** All tickets held at once. When full, new requests are refused (429) rather than evicting anyone. */
const maxTickets = 10_000;

interface TicketEntry {
  sid: string;
  expiresAt: number;
  used: boolean;
}

/** Single-use tickets bound to the sid that asked for them. */
export function createTicketBook(ttlMs: number, now: () => number = Date.now): TicketBook {
  const tickets = new Map<string, TicketEntry>();
  const prune = () => {
    // Insertion order is expiry order (same ttl for all): stop at the first live one.
    for (const [ticket, entry] of tickets) {
      // A used ticket is remembered until it would have expired, so its reuse says "used", not "unknown".
      if (entry.expiresAt > now()) break;
      tickets.delete(ticket);
    }
  };
  const unredeemedOf = (sid: string) => [...tickets].filter(([, entry]) => entry.sid === sid && !entry.used).map(([ticket]) => ticket);
  const check = (ticket: string | null, sid: string | null): Verified<{ sid: string }> => {
    if (!ticket) return { ok: false, problem: 'missing' };
    const entry = tickets.get(ticket);
    if (!entry) return { ok: false, problem: 'unknown' };
    if (entry.used) return { ok: false, problem: 'used' };
    if (entry.expiresAt <= now()) return { ok: false, problem: 'expired' };
    if (entry.sid !== sid) return { ok: false, problem: 'wrong_session' };
    return { ok: true, value: { sid: entry.sid } };
  };
  return {
    issue(sid) {
      prune();
      const mine = unredeemedOf(sid);
      if (mine.length >= maxTicketsPerSid) tickets.delete(mine[0]!);
      else if (tickets.size >= maxTickets) return null;
      const ticket = randomBytes(18).toString('base64url');
      const expiresAt = now() + ttlMs;
      tickets.set(ticket, { sid, expiresAt, used: false });
      return { ticket, expiresAt };
    },
    check,
    redeem(ticket, sid) {
      const verified = check(ticket, sid);
      if (verified.ok) tickets.get(ticket!)!.used = true;
      return verified;
    },
    retryAfterMs() {
      prune();
      const oldest = tickets.values().next().value;
      return oldest ? Math.max(0, oldest.expiresAt - now()) : 0;
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
  wrong_session: 'This ticket was issued to another browser session (another loopwire_sid cookie).',
};
