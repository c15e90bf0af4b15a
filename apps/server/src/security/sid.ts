// The browser's session id (the tap's HttpOnly `loopwire_sid` cookie), as the security lab reads
// it from any request head, and how the lab shows it: masked.

import type { IncomingHttpHeaders } from 'node:http';
import { sidFromCookieHeader } from '../tap/sid.js';

/** The sid a request carries, or null. Malformed values count as none. */
export function readSid(headers: IncomingHttpHeaders): string | null {
  return sidFromCookieHeader(headers.cookie);
}

/** A secret is shown masked: enough to tell two apart, never enough to replay. */
export function maskSecret(value: string): string {
  return value.length <= 6 ? '••••' : `${value.slice(0, 4)}…${'•'.repeat(4)}`;
}
