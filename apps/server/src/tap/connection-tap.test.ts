import { createServer, connect, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createSessions } from '../session/sid.js';
import { CaptureStore } from './capture-store.js';
import { ConnectionTap } from './connection-tap.js';

const upgradeRequest = 'GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n';
const switching = 'HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n\r\n';
const serverHi = Buffer.from([0x81, 0x02, 0x68, 0x69]);
const clientHi = Buffer.from([0x81, 0x82, 1, 2, 3, 4, 0x68 ^ 1, 0x69 ^ 2]);

let server: Server | null = null;
const sockets: Socket[] = [];

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = null;
});

/** A real accepted socket (the tap reads its 4-tuple); the bytes are fed to the tap by hand. */
async function acceptedSocket(): Promise<Socket> {
  server ??= createServer();
  if (!server.listening) await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const accepted = new Promise<Socket>((resolve) => server!.once('connection', resolve));
  sockets.push(connect((server.address() as { port: number }).port, '127.0.0.1'));
  const socket = await accepted;
  sockets.push(socket);
  return socket;
}

describe('ConnectionTap', () => {
  it('stops recording a WebSocket whose capture the store forgot, and gives its frame memory back', async () => {
    let ids = 0;
    const context = { store: new CaptureStore(2), sessions: createSessions('test secret'), nextCaptureId: () => String(++ids) };
    const watched = new ConnectionTap('conn-1', await acceptedSocket(), context);
    watched.fromClient(Buffer.from(upgradeRequest, 'latin1'));
    watched.fromServer(Buffer.from(switching, 'latin1'));
    watched.fromServer(serverHi);
    watched.fromClient(clientHi);
    const record = context.store.get('1')!;
    expect(record.frames.all().map((frame) => [frame.direction, Buffer.from(frame.payloadPreview).toString()])).toEqual([
      ['server', 'hi'],
      ['client', 'hi'],
    ]);

    // Two requests still waiting for answers fill the store: nothing is finished, so the oldest capture goes.
    for (const id of ['conn-2', 'conn-3']) new ConnectionTap(id, await acceptedSocket(), context).fromClient(Buffer.from('GET /slow HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n', 'latin1'));
    expect(context.store.get('1')).toBeUndefined();
    expect(record.frames.released).toBe(true);
    expect(record.frames.size).toBe(0);

    watched.fromServer(serverHi);
    watched.fromClient(clientHi);
    watched.fromServerText('hi', 'utf8');
    expect(record.frames.size).toBe(0);
    expect(context.store.size).toBe(2);
  });
});
