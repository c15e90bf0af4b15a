// The browser's session id: the HttpOnly cookie `loopwire_sid` that scopes captures and limits to
// one browser. Read from any request head; issued by ensureSid when a browser has none yet.

import { randomBytes } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { RequestHandler } from 'express';

export const sidCookieName = 'loopwire_sid';
const sidPattern = /^[A-Za-z0-9_-]{8,64}$/;

/** The sid a request carries, or null. Malformed values count as none. */
export function readSid(headers: IncomingHttpHeaders): string | null {
  const cookieHeader = headers.cookie;
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(';')) {
    const at = part.indexOf('=');
    if (at < 0 || part.slice(0, at).trim() !== sidCookieName) continue;
    const value = part.slice(at + 1).trim();
    return sidPattern.test(value) ? value : null;
  }
  return null;
}

/** Sets the cookie if the request has none, so per-browser limits work from the first page load. */
export function ensureSid(): RequestHandler {
  return (req, res, next) => {
    if (!readSid(req.headers) && !res.getHeader('set-cookie')) {
      res.cookie(sidCookieName, randomBytes(16).toString('base64url'), { httpOnly: true, sameSite: 'lax', path: '/' });
    }
    next();
  };
}

/** A sid is shown masked: enough to tell two apart, never enough to replay. */
export function maskSecret(value: string): string {
  return value.length <= 6 ? '••••' : `${value.slice(0, 4)}…${'•'.repeat(4)}`;
}
