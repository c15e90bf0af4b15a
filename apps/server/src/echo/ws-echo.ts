// Raw WebSocket (library `ws`) on /ws: an echo with subprotocols, and /ws/whoami which tells the
// client its own 4-tuple. Handshakes are validated first (upgrade/handshake.ts) so every refusal is the contract's answer.

import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import type { Request, Response } from 'express';
import { WebSocketServer, type WebSocket } from 'ws';
import { closeCodeName, fragmentedMessageParts, serverCloseCodesOnRequest } from '@loopwire/protocol';
import type { ServerDeps } from '../deps.js';
import type { SocketAddress } from '@loopwire/contract';
import { describeConnection, fourTuple } from '../core/net.js';
import { HttpError } from '../core/errors.js';
import { sidOf } from '../session/sid.js';
import { refuseBadHandshake } from '../upgrade/handshake.js';
import { defaultHeartbeatMs, keepAlive, sendBounded } from '../core/backpressure.js';

export const supportedSubprotocols = ['chat', 'superchat'] as const;
/** Largest message a client may send; over it the server closes with 1009 (Message Too Big). */
export const maxMessageBytes = 1024 * 1024;

/** The server picks the first protocol in the client's list that it supports (RFC 6455 §4.2.2). */
function pickSubprotocol(offered: Set<string>): string | false {
  for (const protocol of offered) {
    if ((supportedSubprotocols as readonly string[]).includes(protocol)) return protocol;
  }
  return false;
}

/** Echoes every message; a client that sends but never reads is closed with 1013 (see backpressure.ts). */
function echo(socket: WebSocket): void {
  socket.on('message', (data, isBinary) => sendBounded(socket, data, { binary: isBinary }));
}

function tellWhoami(socket: WebSocket, req: IncomingMessage): void {
  socket.send(JSON.stringify(describeConnection(req.socket as Socket)));
  socket.close(1000, 'whoami answered');
}

/** Open /ws connections by the client's address and port, so a page can ask for a ping on its own. */
const echoClients = new Map<string, WebSocket>();
const clientKey = ({ address, port }: SocketAddress) => `${address}|${port}`;

function trackEcho(socket: WebSocket, req: IncomingMessage): void {
  const key = clientKey(fourTuple(req.socket as Socket).remote);
  echoClients.set(key, socket);
  socket.once('close', () => echoClients.delete(key));
  echo(socket);
}

export function registerRawWebSocket({
  app,
  api,
  upgrades,
  tap,
  config,
  onClose,
}: Pick<ServerDeps, 'app' | 'api' | 'upgrades' | 'tap' | 'config' | 'onClose'>): void {
  const services = { '/ws': trackEcho, '/ws/whoami': tellWhoami } as const;
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: maxMessageBytes,
    perMessageDeflate: false,
    handleProtocols: pickSubprotocol,
  });
  const stopHeartbeat = keepAlive(wss, config.wsHeartbeatMs ?? defaultHeartbeatMs);

  wss.on('connection', (socket: WebSocket, req: IncomingMessage) => {
    // Without a listener, a malformed frame would be an uncaught exception; ws still closes with the right code.
    socket.on('error', () => {});
    const service = services[(req.url ?? '').split('?')[0] as keyof typeof services];
    service(socket, req);
  });

  upgrades.add({
    matches: (pathname) => pathname in services,
    handle(req, socket, head) {
      if (refuseBadHandshake(req, socket)) return;
      wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
    },
  });

  // A plain GET without Upgrade never reaches the upgrade router: answer it here, as RFC 9110 §15.5.22 asks.
  app.all(Object.keys(services), (_req, res) => {
    res
      .status(426)
      .set({ Upgrade: 'websocket', Connection: 'Upgrade' })
      .type('text/plain')
      .send('This endpoint speaks WebSocket: send Upgrade: websocket.\n');
  });

  // A page cannot send a ping (the WebSocket API has none): it asks the server to ping it, and the
  // browser answers with a pong by itself (RFC 6455 §5.5.2) — both frames show up in the capture.
  const ownEchoClient = (req: Request, res: Response): WebSocket => {
    const captureId = (req.body as { captureId?: unknown } | undefined)?.captureId;
    const record = typeof captureId === 'string' ? tap.get(captureId) : undefined;
    const client = record && record.sid === sidOf(res) ? echoClients.get(clientKey(record.remote)) : undefined;
    if (!client) throw new HttpError(404, 'connection_not_found', 'No open /ws connection of yours has that capture id.');
    return client;
  };

  api.post('/ws/ping', (req, res) => {
    ownEchoClient(req, res).ping('loopwire');
    res.json({ pinged: true });
  });

  // A browser may only send close codes 1000 and 3000–4999; the server shows the others on request.
  api.post('/ws/close', (req, res) => {
    const code = (req.body as { code?: unknown } | undefined)?.code;
    if (!(serverCloseCodesOnRequest as readonly unknown[]).includes(code)) {
      throw new HttpError(400, 'bad_close_code', `code must be one of ${serverCloseCodesOnRequest.join(', ')}.`);
    }
    const client = ownEchoClient(req, res);
    client.close(code as number, `closed by the server on request (${closeCodeName(code as number)})`);
    res.json({ closing: code });
  });

  // One message in three frames (RFC 6455 §5.4): ws sends FIN=0 for each part but the last, and
  // opcode 0x0 (continuation) for each part but the first. The browser reassembles the message.
  api.post('/ws/fragment', (req, res) => {
    const client = ownEchoClient(req, res);
    const parts = fragmentedMessageParts;
    parts.forEach((part, index) => client.send(part, { fin: index === parts.length - 1 }));
    res.json({ frames: parts.length, message: parts.join('') });
  });

  onClose(() => {
    stopHeartbeat();
    for (const client of wss.clients) client.close(1001, 'server shutting down');
    wss.close();
  });
}
