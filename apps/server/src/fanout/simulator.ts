// A fleet of simulated IoT devices in a child process: each is a real Socket.IO client on namespace
// /devices that registers with an id and capabilities, acks every `device:command`, and on the
// parent's request floods `device:report` (fan-in). Started and killed by simulator-process.ts.

import { io, type Socket } from 'socket.io-client';
import type { DeviceAck, DeviceClientToServerEvents, DeviceServerToClientEvents } from '@loopwire/contract';

type DeviceSocket = Socket<DeviceServerToClientEvents, DeviceClientToServerEvents>;

export type SimulatorRequest = { type: 'flood'; ratePerDevice: number; durationMs: number };
export type SimulatorReport =
  | { type: 'connected'; count: number }
  | { type: 'flood-done'; sent: number }
  | { type: 'error'; message: string };

const capabilitySets = [
  ['gps', 'temperature'],
  ['gps', 'door'],
  ['temperature', 'refrigeration'],
  ['gps', 'temperature', 'door'],
];
const zones = ['north', 'south', 'east', 'west'];
const connectBatch = 50;

const url = process.env.LOOPWIRE_URL ?? '';
const count = Number(process.env.DEVICE_COUNT ?? '0');
const report = (message: SimulatorReport) => process.send?.(message);
const now = () => performance.timeOrigin + performance.now();

const sockets: DeviceSocket[] = [];
let connected = 0;

function startDevice(index: number): DeviceSocket {
  const deviceId = `sim-${String(index + 1).padStart(4, '0')}`;
  const socket: DeviceSocket = io(`${url}/devices`, {
    forceNew: true,
    transports: ['websocket'],
    reconnection: false,
    auth: { deviceId, capabilities: capabilitySets[index % capabilitySets.length], zone: zones[index % zones.length] },
  });
  socket.on('device:command', (_command, ack) => {
    const reply: DeviceAck = { deviceId, receivedAt: now() };
    ack(reply);
  });
  socket.once('connect', () => {
    connected += 1;
    if (connected === count || connected % connectBatch === 0) report({ type: 'connected', count: connected });
  });
  socket.on('connect_error', (error) => report({ type: 'error', message: `${deviceId}: ${error.message}` }));
  return socket;
}

async function connectAll(): Promise<void> {
  for (let index = 0; index < count; index += connectBatch) {
    const batch = [];
    for (let offset = index; offset < Math.min(count, index + connectBatch); offset += 1) {
      const socket = startDevice(offset);
      sockets.push(socket);
      batch.push(new Promise<void>((resolve) => {
        socket.once('connect', () => resolve());
        socket.once('connect_error', () => resolve());
      }));
    }
    await Promise.all(batch);
  }
}

/**
 * Every device sends ratePerDevice reports per second for durationMs. The schedule follows the
 * clock, not the tick count, so a busy machine sends late but never sends fewer in total.
 */
function flood({ ratePerDevice, durationMs }: SimulatorRequest): void {
  const total = Math.round((ratePerDevice * durationMs) / 1000);
  const started = performance.now();
  let seq = 0;
  let sent = 0;
  const timer = setInterval(() => {
    const elapsed = Math.min(durationMs, performance.now() - started);
    const due = Math.min(total, Math.floor((ratePerDevice * elapsed) / 1000));
    for (; seq < due; ) {
      seq += 1;
      for (const socket of sockets) {
        if (!socket.connected) continue;
        socket.emit('device:report', { seq, value: Math.round(Math.random() * 1000) / 10 });
        sent += 1;
      }
    }
    if (elapsed >= durationMs) {
      clearInterval(timer);
      report({ type: 'flood-done', sent });
    }
  }, 10);
}

process.on('message', (message: SimulatorRequest) => {
  if (message.type === 'flood') flood(message);
});
// The parent went away (crash or kill): the fleet goes with it.
process.on('disconnect', () => process.exit(0));

void connectAll();
