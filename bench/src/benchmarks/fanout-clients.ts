// Worker thread holding a share of the fan-out bench's Socket.IO devices, so the side that measures
// delivery latency is never the bottleneck. Protocol with the parent: it posts `ready` (or `error`),
// answers `report` with every delivery it saw, and disconnects everything on `close`.

import { parentPort, workerData } from 'node:worker_threads';
import { io, type Socket } from 'socket.io-client';

export interface FanoutClientsData {
  url: string;
  firstDevice: number;
  count: number;
}

export type FromFanoutClients =
  | { type: 'ready' }
  | { type: 'error'; message: string }
  | { type: 'report'; deliveries: [commandId: string, latencyMs: number][] };

export type ToFanoutClients = { type: 'report' } | { type: 'close' };

interface DeviceCommand {
  id: string;
  /** Server clock, performance.timeOrigin + performance.now(): comparable with ours on the same machine. */
  sentAt: number;
  payload: unknown;
}

const { url, firstDevice, count } = workerData as FanoutClientsData;
const port = parentPort!;
const sockets: Socket[] = [];
const deliveries: [string, number][] = [];
const connectBatch = 50;

const epochNow = () => performance.timeOrigin + performance.now();

function connectDevice(index: number): Promise<Socket> {
  const deviceId = `bench-device-${index}`;
  return new Promise((resolve, reject) => {
    // forceNew: without it every device would share one Manager, i.e. one TCP connection.
    const socket = io(`${url}/devices`, {
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
      timeout: 30_000,
      auth: { deviceId, capabilities: ['bench'] },
    });
    socket.on('device:command', (command: DeviceCommand, ack?: (reply: unknown) => void) => {
      const receivedAt = epochNow();
      deliveries.push([command.id, receivedAt - command.sentAt]);
      if (typeof ack === 'function') ack({ deviceId, receivedAt });
    });
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(new Error(`device ${index} could not connect to /devices: ${error.message}`));
    });
  });
}

async function connectAll(): Promise<void> {
  for (let offset = 0; offset < count; offset += connectBatch) {
    const batch = Array.from({ length: Math.min(connectBatch, count - offset) }, (_, index) => connectDevice(firstDevice + offset + index));
    sockets.push(...(await Promise.all(batch)));
  }
}

port.on('message', (message: ToFanoutClients) => {
  if (message.type === 'report') {
    port.postMessage({ type: 'report', deliveries } satisfies FromFanoutClients);
  } else {
    for (const socket of sockets) socket.close();
    port.close();
  }
});

connectAll().then(
  () => port.postMessage({ type: 'ready' } satisfies FromFanoutClients),
  (error: Error) => {
    for (const socket of sockets) socket.close();
    port.postMessage({ type: 'error', message: error.message } satisfies FromFanoutClients);
  },
);
