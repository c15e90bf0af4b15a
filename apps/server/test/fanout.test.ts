// The fan-out lab against the real server: 200 simulated devices in a child process receive one
// broadcast and ack it; commands to one device and to a room; a fan-in flood meets the rate
// limiter; chat rooms keep per-client data.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as ioClient, type Socket } from 'socket.io-client';
import type {
  BroadcastResult,
  BroadcastStarted,
  ChatMember,
  ChatMessage,
  CommandResult,
  DeviceCommand,
  FleetResponse,
  FloodResult,
} from '@loopwire/contract';
import type { LoopwireServer } from '../src/server.js';
import { startTestServer, waitFor } from './helpers.js';

let server: LoopwireServer;
let base: string;
const opened: Socket[] = [];

beforeAll(async () => {
  server = await startTestServer();
  base = server.url;
});

afterAll(async () => {
  for (const socket of opened) socket.close();
  await server.close();
});

async function api<T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const response = await fetch(`${base}/api${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as T };
}

/** A fleet of simulated devices takes seconds to connect and disconnect: look less often, wait longer. */
const slowly = { timeoutMs: 30_000, everyMs: 100 };

const fleet = () => api<FleetResponse>('GET', '/devices').then((response) => response.body);

function connectDevice(auth: Record<string, unknown>): Promise<{ socket: Socket; error: (Error & { data?: { code: string } }) | null }> {
  const socket = ioClient(`${base}/devices`, { auth, transports: ['websocket'], reconnection: false, forceNew: true });
  opened.push(socket);
  return new Promise((resolve) => {
    socket.once('connect', () => resolve({ socket, error: null }));
    socket.once('connect_error', (error) => resolve({ socket, error }));
  });
}

describe('fan-out to 200 simulated devices', () => {
  it('registers 200 devices from a child process, broadcasts once, and collects all 200 acks', async () => {
    const started = await api<FleetResponse['simulator']>('POST', '/devices/simulator', { count: 200 });
    expect(started.status).toBe(202);
    const full = await waitFor(fleet, (value) => value.count === 200, slowly);
    expect(full.devices).toHaveLength(100);
    expect(full.devices[0]).toMatchObject({ deviceId: 'sim-0001', simulated: true, zone: 'north' });
    expect(full.rooms['zone:north']).toBe(50);

    const { status, body } = await api<BroadcastStarted>('POST', '/devices/broadcast', { payload: { action: 'report-position' } });
    expect(status).toBe(200);
    expect(body).toEqual({ id: expect.any(String), sentAt: expect.any(Number), recipients: 200 });
    const result = await waitFor(
      () => api<BroadcastResult>('GET', `/devices/broadcasts/${body.id}`).then((response) => response.body),
      (value) => value.done,
      slowly,
    );
    expect(result.acked).toBe(200);
    expect(result.delivery).toEqual({ p50: expect.any(Number), p95: expect.any(Number), p99: expect.any(Number), max: expect.any(Number) });
    expect(result.delivery!.p50).toBeLessThanOrEqual(result.delivery!.p99);
    expect(result.messagesPerSecond).toBeGreaterThan(0);
  });

  it('sends to one room only, and to one device with its ack', async () => {
    const { body } = await api<BroadcastStarted>('POST', '/devices/broadcast', { payload: 'close doors', room: 'zone:south' });
    expect(body.recipients).toBe(50);
    const command = await api<CommandResult>('POST', '/devices/sim-0007/command', { payload: { action: 'ping' } });
    expect(command.status).toBe(200);
    expect(command.body).toMatchObject({ deviceId: 'sim-0007', ack: { deviceId: 'sim-0007', receivedAt: expect.any(Number) } });
    expect((await api('POST', '/devices/nope/command', {})).status).toBe(404);
  });

  it('drops a fan-in flood beyond each device’s rate limit', async () => {
    await api('POST', '/devices/simulator', { count: 4 });
    await waitFor(fleet, (value) => value.count === 4 && value.simulator.requested === 4, slowly);
    const { status, body } = await api<FloodResult>('POST', '/devices/flood', { ratePerDevice: 200, durationMs: 1000 });
    expect(status).toBe(200);
    expect(body.sent).toBe(4 * 200);
    expect(body.accepted + body.dropped).toBe(body.sent);
    // Each device: at least its burst of 50; at most the burst plus 50/s over the flood (a generous 2.5 s on a busy machine).
    expect(body.accepted).toBeGreaterThanOrEqual(4 * 50);
    expect(body.accepted).toBeLessThanOrEqual(4 * (50 + 50 * 2.5));
    expect(body.dropped).toBeGreaterThan(0);
  });

  it('kills the simulator’s process group when stopped', async () => {
    const { body } = await api<FleetResponse>('GET', '/devices');
    const pid = body.simulator.pid!;
    expect(() => process.kill(pid, 0)).not.toThrow();
    await api('DELETE', '/devices/simulator');
    expect(() => process.kill(pid, 0)).toThrow();
    await waitFor(fleet, (value) => value.count === 0, slowly);
  });
});

describe('devices from outside the server', () => {
  it('accepts a device that registers with an id and capabilities, and delivers device:command for it to ack', async () => {
    const { socket, error } = await connectDevice({ deviceId: 'truck-42', capabilities: ['gps'], zone: 'east' });
    expect(error).toBeNull();
    const received = new Promise<DeviceCommand>((resolve) =>
      socket.on('device:command', (command: DeviceCommand, ack: (reply: unknown) => void) => {
        ack('ok');
        resolve(command);
      }),
    );
    const { body } = await api<BroadcastStarted>('POST', '/devices/broadcast', { payload: { n: 1 }, room: 'cap:gps' });
    expect(body.recipients).toBe(1);
    expect(await received).toEqual({ id: body.id, sentAt: body.sentAt, payload: { n: 1 } });
    const result = await waitFor(
      () => api<BroadcastResult>('GET', `/devices/broadcasts/${body.id}`).then((response) => response.body),
      (value) => value.done,
      slowly,
    );
    expect(result.acked).toBe(1);
  });

  it('refuses a registration without a valid id or capabilities (connect_error)', async () => {
    expect((await connectDevice({ capabilities: ['gps'] })).error?.data?.code).toBe('bad_device_auth');
    expect((await connectDevice({ deviceId: 'x', capabilities: 'gps' })).error?.data?.code).toBe('bad_device_auth');
  });

  it('answers bad broadcast and simulator requests with 400 JSON errors', async () => {
    expect((await api<{ error: { code: string } }>('POST', '/devices/broadcast', {})).body.error.code).toBe('bad_payload');
    expect((await api<{ error: { code: string } }>('POST', '/devices/broadcast', { payload: 1, room: 42 })).body.error.code).toBe('bad_room');
    expect((await api<{ error: { code: string } }>('POST', '/devices/simulator', { count: 1001 })).status).toBe(400);
    expect((await api<{ error: { code: string } }>('POST', '/devices/flood', { ratePerDevice: 10, durationMs: 100 })).status).toBe(409);
  });
});

describe('chat rooms', () => {
  function join(name: string): Promise<Socket> {
    const socket = ioClient(`${base}/chat`, { auth: { name }, transports: ['websocket'], reconnection: false, forceNew: true });
    opened.push(socket);
    return new Promise((resolve, reject) => {
      socket.once('connect', () => resolve(socket));
      socket.once('connect_error', reject);
    });
  }

  it('delivers a message to its room only, and keeps per-client data', async () => {
    const ada = await join('Ada');
    const bob = await join('Bob');
    const cy = await join('Cy');
    expect(await cy.emitWithAck('chat:join', { room: 'drivers' })).toEqual({ ok: true, room: 'drivers' });
    const cyGot: ChatMessage[] = [];
    cy.on('chat:message', (message: ChatMessage) => cyGot.push(message));
    const bobGets = new Promise<ChatMessage>((resolve) => bob.once('chat:message', resolve));
    const roster = new Promise<{ members: ChatMember[] }>((resolve) =>
      bob.on('chat:roster', (value: { room: string; members: ChatMember[] }) => {
        if (value.members.some((member) => member.name === 'Ada' && member.sent === 1)) resolve(value);
      }),
    );
    expect(await ada.emitWithAck('chat:send', 'parcel 7 is at dock B')).toEqual({ ok: true });
    expect(await bobGets).toMatchObject({ room: 'lobby', from: 'Ada', text: 'parcel 7 is at dock B' });
    expect((await roster).members.map((member) => member.name).sort()).toEqual(['Ada', 'Bob']);
    expect(cyGot).toEqual([]);
    expect(await ada.emitWithAck('chat:join', { room: 'nowhere' })).toMatchObject({ ok: false });
  });
});
