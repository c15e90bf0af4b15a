// Socket.IO namespace /secure: the handshake's `auth.token` must be a token this server signed
// (else the client gets `connect_error` with data {code, message}); each socket's events pass a
// token bucket (over it: `secure:throttled`, the event is dropped). Size is capped for all of
// Socket.IO by maxHttpBufferSize: an over-size packet disconnects the client.

import type { Namespace } from 'socket.io';
import type { SecureClientToServerEvents, SecureServerToClientEvents } from '@loopwire/contract';
import type { ServerDeps } from '../deps.js';
import { createTokenBucket } from '../core/token-bucket.js';
import { credentialMessages, type TokenIssuer } from './tokens.js';

interface SecureSocketData {
  connectedAt: number;
  user: string;
  expiresAt: number;
  accepted: number;
}

type SecureNamespace = Namespace<SecureClientToServerEvents, SecureServerToClientEvents, Record<string, never>, SecureSocketData>;

/** The error a refused client sees in `connect_error`: message plus `data.code`. */
class AuthError extends Error {
  readonly data: { code: string; message: string };
  constructor(code: string, message: string) {
    super(message);
    this.data = { code, message };
  }
}

export function registerSecureNamespace({ io, config }: Pick<ServerDeps, 'io' | 'config'>, issuer: TokenIssuer): void {
  const secure = io.of('/secure') as unknown as SecureNamespace;

  secure.use((socket, next) => {
    const auth = socket.handshake.auth as { token?: unknown };
    const verified = issuer.verify(auth.token);
    if (!verified.ok) {
      next(new AuthError(`token_${verified.problem}`, credentialMessages[verified.problem]));
      return;
    }
    socket.data.connectedAt = Date.now();
    socket.data.user = verified.value.sub;
    socket.data.expiresAt = verified.value.exp;
    socket.data.accepted = 0;
    next();
  });

  secure.on('connection', (socket) => {
    // A connection must not outlive its credential: when the token expires, the server hangs up.
    const expiry = setTimeout(() => socket.disconnect(true), Math.max(0, socket.data.expiresAt - Date.now()));
    socket.once('disconnect', () => clearTimeout(expiry));
    const bucket = createTokenBucket(config.messageRateLimit);
    socket.use((_packet, next) => {
      if (bucket.take()) return next();
      socket.emit('secure:throttled', { limitPerSecond: config.messageRateLimit });
    });
    socket.on('secure:whoami', (ack) => {
      if (typeof ack !== 'function') return;
      ack({ user: socket.data.user, expiresAt: socket.data.expiresAt, socketId: socket.id });
    });
    socket.on('secure:send', (_text, ack) => {
      socket.data.accepted += 1;
      if (typeof ack === 'function') ack({ ok: true, accepted: socket.data.accepted });
    });
  });
}
