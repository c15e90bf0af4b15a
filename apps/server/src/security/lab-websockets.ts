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
import { readSid } from '../session/sid.js';
import { maskSecret } from '../session/redaction.js';
import { createTokenBucket } from '../core/token-bucket.js';
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
  deps: Pick<ServerDeps, 'config' | 'upgrades' | 'onClose'>;
  attempts: AttemptLog;
  tickets: TicketBook;
  /** Live raw connections, for "what the server knows". */
  connections: Set<RawConnection>;
  cswshDemo: boolean;
}

function feed(req: IncomingMessage, endpoint: string, user: string | null): PrivateFeed {
  const sid = readSid(req.headers);
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
  const { config, upgrades, onClose } = deps;
  const smallServer = new WebSocketServer({ noServer: true, maxPayload: 4096, perMessageDeflate: false });
  const limitedServer = new WebSocketServer({
    noServer: true,
    maxPayload: limitedMaxMessageBytes,
    perMessageDeflate: false,
  });
  const openPerSid = new Map<string, number>();

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
          ws.send(JSON.stringify(feed(req, '/ws/cswsh-demo', null)));
        }),
    });
  }

  upgrades.add({
    matches: (pathname) => pathname === '/ws/private',
    handle(req, socket, head) {
      const ticket = new URL(req.url ?? '/', 'http://x').searchParams.get('ticket');
      const redeemed = tickets.redeem(ticket);
      if (!redeemed.ok) {
        refuse(req, socket, 401, `Ticket refused: ${credentialMessages[redeemed.problem]}`);
        return;
      }
      accept(smallServer, req, socket, head, (ws) => {
        track(ws, req, '/ws/private', { ticket: 'redeemed' });
        ws.send(JSON.stringify(feed(req, '/ws/private', 'ticket holder')));
      });
    },
  });

  upgrades.add({
    matches: (pathname) => pathname === '/ws/limited',
    handle(req, socket, head) {
      const owner = readSid(req.headers) ?? `address:${req.socket.remoteAddress ?? ''}`;
      const open = openPerSid.get(owner) ?? 0;
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
          ws.send(message, { binary: isBinary });
        });
      });
    },
  });

  onClose(() => {
    for (const server of [smallServer, limitedServer]) {
      for (const client of server.clients) client.close(1001, 'server shutting down');
      server.close();
    }
  });
}
