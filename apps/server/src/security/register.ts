// The security lab: what the server knows about each connection, the CSWSH demo (a foreign page on
// a second port against guarded and unguarded endpoints), token and ticket auth, and limits.

import { randomUUID } from 'node:crypto';
import express from 'express';
import { TokenRequestSchema, type HandshakeOutcomes, type KnownConnection, type KnownConnectionsResponse, type SecurityInfo } from '@loopwire/contract';
import type { ServerDeps } from '../deps.js';
import { HttpError } from '../core/errors.js';
import { readBody } from '../core/read-input.js';
import { createAttemptLog } from './attempts.js';
import { describeIoSocket, describeRawConnection, type RawConnection } from './connections.js';
import { startForeignPage } from './foreign-page.js';
import { labPaths, limitedMaxMessageBytes, registerLabWebSockets } from './lab-websockets.js';
import { registerSecureNamespace } from './secure-namespace.js';
import { sidOf } from '../session/sid.js';
import { createTicketBook, createTokenIssuer } from './tokens.js';

export const ticketTtlMs = 30_000;
const maxListedConnections = 60;

/** The demo endpoint without an Origin check exists only while nobody else can reach the server. */
export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || host.startsWith('127.');
}

export function registerSecurity(deps: Pick<ServerDeps, 'api' | 'config' | 'io' | 'upgrades' | 'httpServer' | 'sessions' | 'onClose'>): void {
  const { api, config, io, upgrades, httpServer, sessions, onClose } = deps;
  const attempts = createAttemptLog(sessions);
  const tickets = createTicketBook(ticketTtlMs);
  const issuer = createTokenIssuer(config.tokenClock);
  const rawConnections = new Set<RawConnection>();
  const cswshDemo = isLoopbackHost(config.host);

  upgrades.onRefused((req, status, reason) => attempts.record(req, status, reason));
  // Upgrades the other modules serve (/ws, /ws/whoami…): listed while their socket stays open.
  // Socket.IO's are listed from its own sockets; the lab's endpoints track themselves.
  const otherUpgrades = new Set<RawConnection>();
  upgrades.onRouted((req, socket) => {
    const path = (req.url ?? '/').split('?')[0]!;
    if (path.startsWith('/socket.io') || labPaths.has(path)) return;
    const connection: RawConnection = { id: randomUUID(), path, req, connectedAt: Date.now(), data: {} };
    otherUpgrades.add(connection);
    socket.once('close', () => otherUpgrades.delete(connection));
  });
  registerLabWebSockets({ deps, attempts, tickets, connections: rawConnections, cswshDemo });
  registerSecureNamespace(deps, issuer);

  const foreignPage = startForeignPage({
    host: config.host,
    port: config.labForeignPort,
    mainPort: () => {
      const address = httpServer.address();
      return typeof address === 'object' && address ? address.port : config.port;
    },
  });
  onClose(() => foreignPage.close());

  const security = express.Router();

  security.get('/info', async (_req, res) => {
    const info: SecurityInfo = {
      foreignPort: await foreignPage.started,
      cswshDemo,
      messageRateLimit: config.messageRateLimit,
      limitedMaxMessageBytes,
      maxConnectionsPerSid: config.maxConnectionsPerSid,
      ticketTtlMs,
    };
    res.json(info);
  });

  security.post('/tokens', (req, res) => {
    const { name, ttlMs } = readBody(TokenRequestSchema, req.body ?? {});
    res.status(201).json(issuer.issue(name, ttlMs));
  });

  security.post('/tickets', (_req, res) => {
    const issued = tickets.issue(sidOf(res));
    if (!issued) {
      res.set('Retry-After', String(Math.ceil(tickets.retryAfterMs() / 1000)));
      throw new HttpError(429, 'too_many_tickets', 'The server holds as many tickets as it keeps at once; try again when the oldest expire.');
    }
    res.status(201).json(issued);
  });

  security.get('/attempts', (_req, res) => {
    const body: HandshakeOutcomes = { attempts: attempts.of(sidOf(res)) };
    res.json(body);
  });

  security.get('/attempts/:attempt', (req, res) => {
    const outcome = attempts.get(req.params.attempt);
    if (!outcome) {
      throw new HttpError(404, 'no_refusal', `The server refused no handshake tagged attempt=${req.params.attempt}.`);
    }
    res.json(outcome);
  });

  // A browser sees its own connections (those whose handshake carried its verified sid) in full, and
  // everyone else's only as counts: another browser's headers, cookie or auth are not its business.
  security.get('/connections', (_req, res) => {
    const askerSid = sidOf(res);
    const yours: KnownConnection[] = [];
    const others = { websocket: 0, socketIo: 0, devices: 0 };
    const accepted = [...otherUpgrades].filter((connection) => connection.req.socket.writable);
    for (const connection of [...rawConnections, ...accepted]) {
      if (sessions.read(connection.req.headers) === askerSid) yours.push(describeRawConnection(connection, askerSid));
      else others.websocket += 1;
    }
    for (const [name, namespace] of io._nsps) {
      for (const socket of namespace.sockets.values()) {
        // Simulated devices can be a thousand (the fan-out lab lists them): here they are only counted.
        if (name !== '/devices' && sessions.read(socket.handshake.headers) === askerSid) yours.push(describeIoSocket(socket, askerSid));
        else if (name === '/devices') others.devices += 1;
        else others.socketIo += 1;
      }
    }
    yours.sort((a, b) => b.connectedAt - a.connectedAt);
    const body: KnownConnectionsResponse = {
      connections: yours.slice(0, maxListedConnections),
      others,
      omitted: Math.max(0, yours.length - maxListedConnections),
    };
    res.json(body);
  });

  api.use('/security', security);
}
