// The loopwire_sid cookie: which browser a capture, a ticket or a connection belongs to. HttpOnly, so
// no script on the page can read it (the inspector masks it too), SameSite=Lax, a session cookie for the whole site.

import { randomBytes } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { RequestHandler, Response } from 'express';
import { cookieValue } from '@loopwire/protocol';

export const sidCookieName = 'loopwire_sid';
const sidPattern = /^[A-Za-z0-9_-]{22}$/;

/** The sid in a Cookie header, if it is one we could have issued. */
export function sidFromCookieHeader(cookieHeader: string | undefined): string | null {
  const value = cookieValue(cookieHeader, sidCookieName);
  return value !== undefined && sidPattern.test(value) ? value : null;
}

/** The sid a Set-Cookie header issues, if any. */
export function sidFromSetCookie(setCookie: string): string | null {
  const match = /^\s*loopwire_sid=([A-Za-z0-9_-]{22})\s*(?:;|$)/.exec(setCookie);
  return match ? match[1]! : null;
}

/** The sid a request head carries, or null. Malformed values count as none. */
export function readSid(headers: IncomingHttpHeaders): string | null {
  return sidFromCookieHeader(headers.cookie);
}

/** The caller's sid, once issueSid has run. */
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

/**
 * Gives every browser a sid on its first response; res.locals.sid is the caller's sid afterwards.
 * `keeps(sid)`: with several workers, only a sid that routes back to this worker is issued, so a
 * learner's first request and all the next ones land on the same process (a few draws on average).
 */
export function issueSid(keeps: (sid: string) => boolean = () => true): RequestHandler {
  return (req, res, next) => {
    let sid = sidFromCookieHeader(req.headers.cookie);
    if (sid === null) {
      do sid = randomBytes(16).toString('base64url');
      while (!keeps(sid));
      res.cookie(sidCookieName, sid, { httpOnly: true, sameSite: 'lax', path: '/' });
    }
    res.locals.sid = sid;
    next();
  };
}
