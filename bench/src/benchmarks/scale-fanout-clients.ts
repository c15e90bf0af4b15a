// Worker thread holding the scale fan-out bench's clients of the lab cluster: each speaks Socket.IO over
// its own raw WebSocket (Engine.IO open, `40`, pings) and records the delay of every `scale:message`
// it receives (its receipt − the sender's sentAt, one machine, one clock). Hand-written for the reason
// fanout-clients.ts gives: socket.io-client would cost as much CPU per message as the workers.
// Protocol with the parent: posts `ready` with the pid each client landed on (or `error`), answers
// `report` with every delivery, disconnects everything on `close`.

import { parentPort, workerData } from 'node:worker_threads';
import { clientFrame, openRawWebSocket, type Frame, type RawWebSocket } from '../raw-websocket.js';
import type { ClientsThreadAnswer, ToClientsThread } from './clients-thread.js';
import { parseScaleFrame } from './scale-fanout-report.js';

export interface ScaleClientsData {
  /** The lab cluster's port (loopback). */
  port: number;
  count: number;
}

export type FromScaleClients = { type: 'ready'; pids: number[] } | ClientsThreadAnswer;

const { port: clusterPort, count } = workerData as ScaleClientsData;
const port = parentPort!;
const sockets: RawWebSocket[] = [];
const pids: number[] = [];
const deliveries: [string, number][] = [];
const connectBatch = 50;
const pong = clientFrame('3');
const epochNow = () => performance.timeOrigin + performance.now();

function connectClient(index: number): Promise<RawWebSocket> {
  return openRawWebSocket(clusterPort, '/socket.io/?EIO=4&transport=websocket').then(
    (socket) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`client ${index}: no scale:hello within 30 s`)), 30_000);
        socket.onFrames((frames: Frame[]) => {
          for (const frame of frames) {
            const event = parseScaleFrame(frame.payload.toString('utf8'));
            if (event.kind === 'ping') socket.send(pong);
            else if (event.kind === 'open') socket.send(clientFrame('40'));
            else if (event.kind === 'hello') {
              clearTimeout(timer);
              pids.push(event.pid);
              resolve(socket);
            } else if (event.kind === 'message') deliveries.push([event.id, epochNow() - event.sentAt]);
          }
        });
      }),
  );
}

async function connectAll(): Promise<void> {
  for (let offset = 0; offset < count; offset += connectBatch) {
    const batch = Array.from({ length: Math.min(connectBatch, count - offset) }, (_, index) => connectClient(offset + index));
    sockets.push(...(await Promise.all(batch)));
  }
}

port.on('message', (message: ToClientsThread) => {
  if (message.type === 'report') {
    port.postMessage({ type: 'report', deliveries } satisfies FromScaleClients);
  } else {
    for (const socket of sockets) socket.close();
    port.close();
  }
});

connectAll().then(
  () => port.postMessage({ type: 'ready', pids } satisfies FromScaleClients),
  (error: Error) => {
    for (const socket of sockets) socket.close();
    port.postMessage({ type: 'error', message: error.message } satisfies FromScaleClients);
  },
);
