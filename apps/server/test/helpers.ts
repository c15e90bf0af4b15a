// Starts the real server on a free port for a test file, and the clients tests talk to it with.

import { connect } from 'node:net';
import { startLoopwireServer, type LoopwireServer } from '../src/server.js';
import { parseConfig, type Config } from '../src/config.js';

export async function startTestServer(overrides: Partial<Config> = {}): Promise<LoopwireServer> {
  // parseConfig fills every setting with its default, so new settings need no change here.
  return startLoopwireServer({ ...parseConfig({ PORT: '0', HOST: '127.0.0.1' }), ...overrides });
}

/** Sends raw bytes on a fresh TCP connection and resolves with everything the server sent before closing. */
export function rawExchange(port: number, bytes: string | Buffer, { idleMs = 300 } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    let idle: NodeJS.Timeout | undefined;
    const finish = () => {
      clearTimeout(idle);
      socket.destroy();
      resolve(Buffer.concat(chunks).toString('latin1'));
    };
    socket.on('data', (chunk) => {
      chunks.push(chunk);
      clearTimeout(idle);
      idle = setTimeout(finish, idleMs);
    });
    socket.on('end', finish);
    socket.on('error', reject);
    socket.write(bytes);
  });
}

export function handshake(path: string, headers: Record<string, string> = {}): string {
  const all: Record<string, string> = {
    Host: '127.0.0.1',
    Upgrade: 'websocket',
    Connection: 'Upgrade',
    'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==',
    'Sec-WebSocket-Version': '13',
    ...headers,
  };
  const lines = Object.entries(all)
    .filter(([, value]) => value !== '')
    .map(([name, value]) => `${name}: ${value}`);
  return `GET ${path} HTTP/1.1\r\n${lines.join('\r\n')}\r\n\r\n`;
}
