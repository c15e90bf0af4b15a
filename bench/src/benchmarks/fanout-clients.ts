// Worker thread holding a share of the fan-out bench's Socket.IO devices. Each device speaks the real
// Socket.IO protocol over its own WebSocket (Engine.IO open, `40/devices,{auth}`, pings, `42` commands
// answered with `43` acks), written by hand on a raw socket: socket.io-client costs about as much CPU
// per message as the server, and on a 2-core machine its queue, not the server, would set the p99.
// Protocol with the parent: it posts `ready` (or `error`), answers `report` with every delivery it
// saw, and disconnects everything on `close`.

import { parentPort, workerData } from 'node:worker_threads';
import { clientFrame, openRawWebSocket, type Frame, type RawWebSocket } from '../raw-websocket.js';
import type { ClientsThreadAnswer, ToClientsThread } from './clients-thread.js';

export interface FanoutClientsData {
  /** The server's port (loopback). */
  port: number;
  firstDevice: number;
  count: number;
}

export type FromFanoutClients = { type: 'ready' } | ClientsThreadAnswer;

interface DeviceCommand {
  id: string;
  /** Server clock, performance.timeOrigin + performance.now(): comparable with ours on the same machine. */
  sentAt: number;
}

const { port: serverPort, firstDevice, count } = workerData as FanoutClientsData;
const port = parentPort!;
const sockets: RawWebSocket[] = [];
const deliveries: [string, number][] = [];
const connectBatch = 50;
const namespace = '/devices';
const commandPrefix = `42${namespace},`;
const connectedPrefix = `40${namespace},`;
const refusedPrefix = `44${namespace},`;
const pong = clientFrame('3');

const epochNow = () => performance.timeOrigin + performance.now();

/** `42/devices,17["device:command",{…}]` → the ack id and the command, or null for any other event. */
function parseCommand(text: string): { ackId: string; command: DeviceCommand } | null {
  if (!text.startsWith(commandPrefix)) return null;
  const open = text.indexOf('[', commandPrefix.length);
  const [event, command] = JSON.parse(text.slice(open)) as [string, DeviceCommand];
  if (event !== 'device:command') return null;
  return { ackId: text.slice(commandPrefix.length, open), command };
}

function connectDevice(index: number): Promise<RawWebSocket> {
  const deviceId = `bench-device-${index}`;
  return openRawWebSocket(serverPort, '/socket.io/?EIO=4&transport=websocket').then(
    (socket) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`device ${index}: no Socket.IO connect within 30 s`)), 30_000);
        socket.onFrames((frames: Frame[]) => {
          for (const frame of frames) {
            const text = frame.payload.toString('utf8');
            if (text === '2') {
              socket.send(pong);
            } else if (text.startsWith('0{')) {
              socket.send(clientFrame(`40${namespace},${JSON.stringify({ deviceId, capabilities: ['bench'] })}`));
            } else if (text.startsWith(connectedPrefix) && text.length > connectedPrefix.length) {
              clearTimeout(timer);
              resolve(socket);
            } else if (text.startsWith(refusedPrefix)) {
              clearTimeout(timer);
              reject(new Error(`device ${index} could not connect to ${namespace}: ${text}`));
            } else {
              const parsed = parseCommand(text);
              if (!parsed) continue;
              const receivedAt = epochNow();
              deliveries.push([parsed.command.id, receivedAt - parsed.command.sentAt]);
              socket.send(clientFrame(`43${namespace},${parsed.ackId}${JSON.stringify([{ deviceId, receivedAt }])}`));
            }
          }
        });
      }),
  );
}

async function connectAll(): Promise<void> {
  for (let offset = 0; offset < count; offset += connectBatch) {
    const batch = Array.from({ length: Math.min(connectBatch, count - offset) }, (_, index) => connectDevice(firstDevice + offset + index));
    sockets.push(...(await Promise.all(batch)));
  }
}

port.on('message', (message: ToClientsThread) => {
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
