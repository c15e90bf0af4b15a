// Which Host names the server answers to (DNS rebinding guard). A page on another site can point its
// own name at 127.0.0.1; the browser then sends that name in Host, so refusing unknown names keeps
// such a page from reading the API or opening sockets here. The port is not part of the check.

import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';

export interface HostRefusal {
  status: 400 | 403;
  code: 'missing_host' | 'host_not_allowed';
  message: string;
}

export interface HostPolicy {
  /** Null when the request's host is allowed; else the answer to give. */
  refusal(req: Pick<IncomingMessage, 'headers' | 'url'>): HostRefusal | null;
  allowed(): readonly string[];
}

const alwaysAllowed = ['localhost', '127.0.0.1', '[::1]'];

/** The name part of a Host value (`name`, `name:port`, `[v6]:port`), lowercase; null if malformed. */
export function hostNameOf(host: string): string | null {
  const match = /^(\[[0-9a-f:.]+\]|[^:[\]]+)(?::\d{0,5})?$/i.exec(host.trim());
  return match ? match[1]!.toLowerCase() : null;
}

/** RFC 9112 §3.2.2: with an absolute-form target the target's authority is the host, not the Host header. */
function requestedHost(req: Pick<IncomingMessage, 'headers' | 'url'>): string | undefined {
  const url = req.url ?? '';
  if (/^https?:\/\//i.test(url)) {
    try {
      return new URL(url).host;
    } catch {
      return '';
    }
  }
  return req.headers.host;
}

function asHostName(address: string): string {
  return isIP(address) === 6 ? `[${address.toLowerCase()}]` : address.toLowerCase();
}

export function createHostPolicy(listenHost: string, extra: readonly string[]): HostPolicy {
  const wildcard = listenHost === '0.0.0.0' || listenHost === '::';
  const names = new Set([...alwaysAllowed, ...(wildcard ? [] : [asHostName(listenHost)]), ...extra.map(asHostName)]);
  const allowed = [...names];
  return {
    allowed: () => allowed,
    refusal(req) {
      const host = requestedHost(req);
      if (host === undefined || host === '') {
        return { status: 400, code: 'missing_host', message: 'The request has no Host header: send the name you reached this server by.' };
      }
      const name = hostNameOf(host);
      if (name !== null && names.has(name)) return null;
      return {
        status: 403,
        code: 'host_not_allowed',
        message: `This server does not answer to the host name ${JSON.stringify(host.slice(0, 100))} (a guard against DNS rebinding). Allowed: ${allowed.join(', ')}; add names with ALLOWED_HOSTS.`,
      };
    },
  };
}
