// The loopwire_sid cookie: which browser a capture, a ticket or a connection belongs to. HttpOnly, so
// no script on the page can read it (the inspector masks it too), SameSite=Lax, a session cookie for
// the whole site. The value is `<id>.<signature>`: 16 random bytes and the first 16 bytes of their
// HMAC-SHA256 under the session secret (SESSION_SECRET, or a random one per start), so the server
// can tell an id it issued from one a client made up; a made-up or altered value counts as none.

import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { RequestHandler, Response } from 'express';
import { cookieValue } from '@loopwire/protocol';

export const sidCookieName = 'loopwire_sid';
const sidPattern = /^([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{22})$/;

export interface Sessions {
  /** A fresh signed sid. */
  create(): string;
  /** The value itself if this server signed it, else null. */
  verify(value: string | undefined): string | null;
  /** The verified sid a Cookie header carries, or null (none, malformed, made up, signed with another secret). */
  fromCookieHeader(cookieHeader: string | undefined): string | null;
  /** The verified sid a Set-Cookie header issues, if any. */
  fromSetCookie(setCookie: string): string | null;
  /** The verified sid a request head carries, or null. */
  read(headers: IncomingHttpHeaders): string | null;
  /**
   * Express middleware: res.locals.sid is the caller's verified sid afterwards; a browser without
   * one (or with a made-up one) gets a fresh sid in a Set-Cookie. `keeps(sid)`: with several workers,
   * only a sid that routes back to this worker is issued, so a learner's first request and all the
   * next ones land on the same process (a few draws on average).
   */
  issue(keeps?: (sid: string) => boolean): RequestHandler;
}

export function createSessions(secret: string): Sessions {
  const sign = (id: string) => createHmac('sha256', secret).update(id).digest().subarray(0, 16).toString('base64url');
  const verify = (value: string | undefined): string | null => {
    const match = value === undefined ? null : sidPattern.exec(value);
    if (!match) return null;
    const expected = Buffer.from(sign(match[1]!));
    const given = Buffer.from(match[2]!);
    return timingSafeEqual(expected, given) ? value! : null;
  };
  const fromCookieHeader = (cookieHeader: string | undefined) => verify(cookieValue(cookieHeader, sidCookieName));
  const create = () => {
    const id = randomBytes(16).toString('base64url');
    return `${id}.${sign(id)}`;
  };
  return {
    create,
    verify,
    fromCookieHeader,
    fromSetCookie: (setCookie) => verify(/^\s*loopwire_sid=([^;\s]*)/.exec(setCookie)?.[1]),
    read: (headers) => fromCookieHeader(headers.cookie),
    issue: (keeps = () => true) => (req, res, next) => {
      let sid = fromCookieHeader(req.headers.cookie);
      if (sid === null) {
        do sid = create();
        while (!keeps(sid));
        res.cookie(sidCookieName, sid, { httpOnly: true, sameSite: 'lax', path: '/' });
      }
      res.locals.sid = sid;
      next();
    },
  };
}

/** The caller's sid, once the sessions' issue() middleware has run. */
export function sidOf(res: Response): string {
  return res.locals.sid as string;
}

/**
 * Which of `count` worker processes serves this sid (WORKERS=N): a hash of the cookie value, so the
 * primary routes a browser's every connection to one worker without keeping a table (FNV-1a).
 */
export function workerSlotOfSid(sid: string, count: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < sid.length; i++) hash = Math.imul(hash ^ sid.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % count;
}
