// The one 'request' listener of the HTTP server: every request (API, web app, Socket.IO polling)
// passes its Host check here before any module sees it, and each connection's unanswered requests
// are counted, so an upgrade pipelined behind them can wait for their answers (responses in order).

import type { IncomingMessage, Server as HttpServer, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { HostPolicy } from './host.js';

export interface FrontDoor {
  /** Calls `then` once every request read before now on this connection has been answered. */
  afterEarlierResponses(socket: Socket, then: () => void): void;
}

type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;

function sendJsonError(res: ServerResponse, status: number, code: string, message: string): void {
  const body = JSON.stringify({ error: { code, message } });
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

/**
 * Takes over the server's 'request' listeners (call it after every library attached its own, like
 * Engine.IO does) and runs them only for requests that pass the Host check.
 */
export function installFrontDoor(httpServer: HttpServer, hostPolicy: HostPolicy): FrontDoor {
  const listeners = httpServer.listeners('request') as RequestListener[];
  httpServer.removeAllListeners('request');
  const unanswered = new WeakMap<Socket, number>();
  const waiting = new WeakMap<Socket, (() => void)[]>();

  const answered = (socket: Socket) => {
    const left = (unanswered.get(socket) ?? 1) - 1;
    if (left > 0) {
      unanswered.set(socket, left);
      return;
    }
    unanswered.delete(socket);
    const callbacks = waiting.get(socket) ?? [];
    waiting.delete(socket);
    for (const callback of callbacks) callback();
  };

  httpServer.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const socket = req.socket;
    unanswered.set(socket, (unanswered.get(socket) ?? 0) + 1);
    // 'close' follows 'finish', and also comes when the connection dies first: counted down once either way.
    res.once('close', () => answered(socket));
    const refusal = hostPolicy.refusal(req);
    if (refusal) {
      sendJsonError(res, refusal.status, refusal.code, refusal.message);
      return;
    }
    for (const listener of listeners) listener.call(httpServer, req, res);
  });

  return {
    afterEarlierResponses(socket, then) {
      if (!unanswered.has(socket)) {
        then();
        return;
      }
      const callbacks = waiting.get(socket) ?? [];
      callbacks.push(then);
      waiting.set(socket, callbacks);
    },
  };
}
