// The one redaction policy: which headers and fields carry credentials, and how each view hides them.
// Used by the tap (captured heads, HAR, the captures stream) and the security lab's connection views.

import type { IncomingHttpHeaders } from 'node:http';
import { maskCharacter } from '@loopwire/contract';
import { sidCookieName } from './sid.js';

const credentialHeaderNames = new Set(['cookie', 'set-cookie', 'authorization', 'proxy-authorization']);
/** Any header whose name says it holds one: X-Api-Key, X-Auth-Token, X-Client-Secret… */
const credentialWord = /key|token|secret|auth/i;
/**
 * Sec-WebSocket-Key is a public nonce, not a credential: it proves the server speaks WebSocket
 * (the inspector computes Sec-WebSocket-Accept from it) and replaying it grants nothing.
 */
const notCredentials = new Set(['sec-websocket-key']);
/** Fields of a Socket.IO `auth` payload: the header words, plus what a login form calls a secret. */
const credentialFieldWord = /key|token|secret|auth|ticket|password/i;

export function isCredentialHeader(name: string): boolean {
  const lower = name.trim().toLowerCase();
  if (notCredentials.has(lower)) return false;
  return credentialHeaderNames.has(lower) || credentialWord.test(lower);
}

export function isCredentialField(name: string): boolean {
  return credentialFieldWord.test(name);
}

/** A secret as a view shows it: enough to tell two apart, never enough to replay. */
export function maskSecret(value: string): string {
  return value.length <= 6 ? '••••' : `${value.slice(0, 4)}…${'•'.repeat(4)}`;
}

const stars = (text: string) => maskCharacter.repeat(text.length);
const sidValue = new RegExp(`(${sidCookieName}=)([^;\\s]*)`, 'g');

/**
 * Masks the credential headers of a captured head: each value becomes one '*' per byte, so byte
 * offsets and lengths stay true. `reveal` unmasks them, except the loopwire_sid value: it is
 * HttpOnly, no page script may read it.
 */
export function maskHead(head: string, { reveal = false } = {}): string {
  return head.replace(/^([^:\r\n]+):([^\r\n]*)/gm, (line, name: string, value: string) => {
    if (!isCredentialHeader(name)) return line;
    if (reveal) return `${name}:${value.replace(sidValue, (_m, prefix: string, sid: string) => prefix + stars(sid))}`;
    const leading = /^\s*/.exec(value)![0];
    return `${name}:${leading}${stars(value.slice(leading.length))}`;
  });
}

/** Cookie names stay readable; values are masked. */
function maskCookie(header: string): string {
  return header
    .split(';')
    .map((pair) => {
      const at = pair.indexOf('=');
      return at < 0 ? pair.trim() : `${pair.slice(0, at).trim()}=${maskSecret(pair.slice(at + 1).trim())}`;
    })
    .join('; ');
}

/** A connection's handshake headers as a view lists them: credentials masked, cookie names kept. */
export function maskHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const shown: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const text = Array.isArray(value) ? value.join(', ') : value;
    shown[name] = name === 'cookie' ? maskCookie(text) : isCredentialHeader(name) ? maskSecret(text) : text;
  }
  return shown;
}

/** A Socket.IO `auth` payload as a view lists it: string credentials masked. */
export function maskAuth(auth: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(auth).map(([key, value]) => [key, isCredentialField(key) && typeof value === 'string' ? maskSecret(value) : value]),
  );
}
