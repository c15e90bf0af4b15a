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
import { readSid } from '../session/sid.js';
import { createTicketBook, createTokenIssuer } from './tokens.js';

export const ticketTtlMs = 30_000;
const maxListedConnections = 60;

/** The demo endpoint without an Origin check exists only while nobody else can reach the server. */
export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || host.startsWith('127.');
}

export function registerSecurity(deps: Pick<ServerDeps, 'api' | 'config' | 'io' | 'upgrades' | 'httpServer' | 'onClose'>): void {
  const { api, config, io, upgrades, httpServer, onClose } = deps;
  const attempts = createAttemptLog();
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

  security.post('/tickets', (req, res) => {
    res.status(201).json(tickets.issue(readSid(req.headers)));
  });

  security.get('/attempts', (req, res) => {
    const sid = readSid(req.headers);
    const body: HandshakeOutcomes = { attempts: sid ? attempts.of(sid) : [] };
    res.json(body);
  });

  security.get('/attempts/:attempt', (req, res) => {
    const outcome = attempts.get(req.params.attempt);
    if (!outcome) {
      throw new HttpError(404, 'no_refusal', `The server refused no handshake tagged attempt=${req.params.attempt}.`);
    }
    res.json(outcome);
  });

  security.get('/connections', (req, res) => {
    const askerSid = readSid(req.headers);
    const askerSocketId = typeof req.query.socketId === 'string' ? req.query.socketId : null;
    const accepted = [...otherUpgrades].filter((connection) => connection.req.socket.writable);
    const all: KnownConnection[] = [...rawConnections, ...accepted].map((connection) => describeRawConnection(connection, askerSid));
    let omitted = 0;
    for (const [name, namespace] of io._nsps) {
      // Simulated devices can be a thousand: the fan-out lab lists them; here they are only counted.
      if (name === '/devices') {
        omitted += namespace.sockets.size;
        continue;
      }
      for (const socket of namespace.sockets.values()) all.push(describeIoSocket(socket, askerSid, askerSocketId));
    }
    all.sort((a, b) => Number(b.yours) - Number(a.yours) || b.connectedAt - a.connectedAt);
    const body: KnownConnectionsResponse = {
      connections: all.slice(0, maxListedConnections),
      omitted: omitted + Math.max(0, all.length - maxListedConnections),
    };
    res.json(body);
  });

  api.use('/security', security);
}
