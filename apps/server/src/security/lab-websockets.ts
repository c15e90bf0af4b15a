// The security lab's raw WebSocket endpoints:
//   /ws/cswsh-demo  NO Origin check, on purpose: any page can read its (harmless) "private" feed.
//   /ws/private     needs a single-use ticket fetched over HTTP first (?ticket=…); else 401.
//   /ws/limited     small max message (→ 1009), per-connection token bucket (→ 1008), max connections per sid (→ 429).

import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { PrivateFeed } from '@loopwire/contract';
import type { ServerDeps } from '../deps.js';
import { refuseBadHandshake } from '../upgrade/handshake.js';
import { rejectUpgrade } from '../upgrade/reject.js';
import type { AttemptLog } from './attempts.js';
import type { RawConnection } from './connections.js';
import { sidCookieName, type Sessions } from '../session/sid.js';
import { maskSecret } from '../session/redaction.js';
import { createTokenBucket } from '../core/token-bucket.js';
import { defaultHeartbeatMs, keepAlive, sendBounded } from '../core/backpressure.js';
import { credentialMessages, type TicketBook } from './tokens.js';

export const limitedMaxMessageBytes = 64 * 1024;
/** The endpoints below, which track their own connections for "what the server knows". */
export const labPaths = new Set(['/ws/cswsh-demo', '/ws/private', '/ws/limited']);
/** RFC 6455 §7.4.1: 1008 = policy violation (the rate limit), 1009 = message too big. */
export const closeCodes = { rateLimited: 1008, tooBig: 1009 } as const;

const sampleMessages = [
  'Reminder: water the office plants (sample data)',
  'Your parcel #LW-1024 is out for delivery (sample data)',
  'Draft: lunch on Friday? (sample data)',
];

export interface LabWebSocketOptions {
  deps: Pick<ServerDeps, 'config' | 'upgrades' | 'sessions' | 'onClose'>;
  attempts: AttemptLog;
  tickets: TicketBook;
  /** Live raw connections, for "what the server knows". */
  connections: Set<RawConnection>;
  cswshDemo: boolean;
}

/**
 * All /ws/limited connections at once, whichever browsers hold them (40 browsers' worth): the
 * per-browser cap is per sid, and a client that drops its cookie is a new browser each time.
 */
export const maxLimitedConnections = (maxConnectionsPerSid: number) => 40 * maxConnectionsPerSid;

function feed(sessions: Sessions, req: IncomingMessage, endpoint: string, user: string | null): PrivateFeed {
  const sid = sessions.read(req.headers);
  return {
    endpoint,
    cookieSeen: sid !== null,
    sid: sid ? maskSecret(sid) : null,
    origin: req.headers.origin ?? null,
    user,
    messages: sampleMessages,
  };
}

export function registerLabWebSockets({ deps, attempts, tickets, connections, cswshDemo }: LabWebSocketOptions): void {
  const { config, upgrades, sessions, onClose } = deps;
  const smallServer = new WebSocketServer({ noServer: true, maxPayload: 4096, perMessageDeflate: false });
  const limitedServer = new WebSocketServer({
    noServer: true,
    maxPayload: limitedMaxMessageBytes,
    perMessageDeflate: false,
  });
  const openPerSid = new Map<string, number>();
  /** Handshakes of /ws/limited that carried no genuine sid, and the sid issued to each in its 101. */
  const freshSids = new WeakMap<IncomingMessage, string>();
  limitedServer.on('headers', (headers: string[], req: IncomingMessage) => {
    const sid = freshSids.get(req);
    if (sid) headers.push(`Set-Cookie: ${sidCookieName}=${sid}; Path=/; HttpOnly; SameSite=Lax`);
  });
  const stopHeartbeats = [smallServer, limitedServer].map((server) => keepAlive(server, config.wsHeartbeatMs ?? defaultHeartbeatMs));

  const refuse = (req: IncomingMessage, socket: Duplex, status: number, reason: string) => {
    attempts.record(req, status, reason);
    rejectUpgrade(socket, status, reason);
  };

  /** Tracks the socket for "what the server knows" until it closes. */
  const track = (ws: WebSocket, req: IncomingMessage, path: string, data: Record<string, unknown>) => {
    ws.on('error', () => {}); // ws still closes with the right code; without a listener it would throw.
    const connection: RawConnection = { id: randomUUID(), path, req, connectedAt: Date.now(), data };
    connections.add(connection);
    ws.once('close', () => connections.delete(connection));
    return connection;
  };

  const accept = (server: WebSocketServer, req: IncomingMessage, socket: Duplex, head: Buffer, then: (ws: WebSocket) => void) => {
    if (refuseBadHandshake(req, socket)) return;
    server.handleUpgrade(req, socket, head, then);
  };

  if (cswshDemo) {
    upgrades.add({
      matches: (pathname) => pathname === '/ws/cswsh-demo',
      withoutOriginCheck: true,
      handle: (req, socket, head) =>
        accept(smallServer, req, socket, head, (ws) => {
          track(ws, req, '/ws/cswsh-demo', {});
          ws.send(JSON.stringify(feed(sessions, req, '/ws/cswsh-demo', null)));
        }),
    });
  }

  upgrades.add({
    matches: (pathname) => pathname === '/ws/private',
    handle(req, socket, head) {
      // A malformed handshake is refused before the ticket is looked at: it costs no ticket.
      if (refuseBadHandshake(req, socket)) return;
      const ticket = new URL(req.url ?? '/', 'http://x').searchParams.get('ticket');
      const sid = sessions.read(req.headers);
      const checked = tickets.check(ticket, sid);
      if (!checked.ok) {
        refuse(req, socket, 401, `Ticket refused: ${credentialMessages[checked.problem]}`);
        return;
      }
      // ws completes a valid upgrade synchronously: the ticket is spent exactly when the 101 is written.
      smallServer.handleUpgrade(req, socket, head, (ws) => {
        tickets.redeem(ticket, sid);
        track(ws, req, '/ws/private', { ticket: 'redeemed' });
        ws.send(JSON.stringify(feed(sessions, req, '/ws/private', 'ticket holder')));
      });
    },
  });

  upgrades.add({
    matches: (pathname) => pathname === '/ws/limited',
    handle(req, socket, head) {
      // Without a genuine sid the client is a new browser: it gets a fresh sid (Set-Cookie on the 101),
      // not a bucket shared with every other cookie-less client.
      const known = sessions.read(req.headers);
      const owner = known ?? sessions.create();
      if (known === null) freshSids.set(req, owner);
      const open = openPerSid.get(owner) ?? 0;
      const total = [...openPerSid.values()].reduce((sum, count) => sum + count, 0);
      if (total >= maxLimitedConnections(config.maxConnectionsPerSid)) {
        refuse(req, socket, 503, `The server holds ${total} /ws/limited connections, its limit for all browsers together; try again later.`);
        return;
      }
      if (open >= config.maxConnectionsPerSid) {
        refuse(req, socket, 429, `Too many connections: this browser already holds ${open} (MAX_CONNECTIONS_PER_SID=${config.maxConnectionsPerSid}).`);
        return;
      }
      accept(limitedServer, req, socket, head, (ws) => {
        openPerSid.set(owner, (openPerSid.get(owner) ?? 0) + 1);
        const data = { accepted: 0, limitPerSecond: config.messageRateLimit };
        track(ws, req, '/ws/limited', data);
        ws.once('close', () => {
          const left = (openPerSid.get(owner) ?? 1) - 1;
          if (left <= 0) openPerSid.delete(owner);
          else openPerSid.set(owner, left);
        });
        const bucket = createTokenBucket(config.messageRateLimit);
        ws.on('message', (message, isBinary) => {
          if (ws.readyState !== ws.OPEN) return;
          if (!bucket.take()) {
            ws.close(closeCodes.rateLimited, `rate limit: ${config.messageRateLimit} messages/s`);
            return;
          }
          data.accepted += 1;
          sendBounded(ws, message, { binary: isBinary });
        });
      });
    },
  });

  onClose(() => {
    for (const stop of stopHeartbeats) stop();
    for (const server of [smallServer, limitedServer]) {
      for (const client of server.clients) client.close(1001, 'server shutting down');
      server.close();
    }
  });
}
