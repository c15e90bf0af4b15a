// The fan-out lab: IoT devices on namespace /devices (simulated ones in a child process), commands
// to one device, a room or all with acks, broadcast latency, a fan-in flood against the rate
// limiter, and a chat namespace with rooms.

import express from 'express';
import {
  BroadcastRequestSchema,
  CommandRequestSchema,
  FloodRequestSchema,
  SimulatorRequestSchema,
  type CommandResult,
  type FleetResponse,
  type FloodResult,
} from '@loopwire/contract';
import type { ServerDeps } from '../deps.js';
import { HttpError } from '../core/errors.js';
import { readBody } from '../core/read-input.js';
import { sidOf } from '../session/sid.js';
import { createBroadcaster, preciseNow } from './broadcasts.js';
import { registerChat } from './chat.js';
import { createFleet, type DevicesNamespace } from './fleet.js';
import { createSimulatorProcess } from './simulator-process.js';

const commandTimeoutMs = 5000;
const maxFloodMessages = 50_000;

export function registerFanout({
  api,
  io,
  config,
  httpServer,
  onClose,
}: Pick<ServerDeps, 'api' | 'io' | 'config' | 'httpServer' | 'onClose'>): void {

  let fleetChangeTimer: NodeJS.Timeout | undefined;
  const fleet = createFleet(io.of('/devices') as unknown as DevicesNamespace, {
    reportRateLimit: config.messageRateLimit,
    // A thousand devices connecting must not mean a thousand pushes: at most four a second.
    onChange: () => {
      fleetChangeTimer ??= setTimeout(() => {
        fleetChangeTimer = undefined;
        io.local.emit('fanout:fleet-changed', { count: fleet.count() });
      }, 250);
    },
  });
  const broadcaster = createBroadcaster(fleet.namespace, (result) => io.local.emit('fanout:broadcast-done', result));
  registerChat(io.of('/chat') as unknown as Parameters<typeof registerChat>[0], config.messageRateLimit);

  const simulator = createSimulatorProcess(() => {
    const address = httpServer.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    // The simulator runs on this machine: loopback reaches the server whatever HOST is.
    const host = config.host === '::1' ? '[::1]' : config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
    return `http://${host}:${port}`;
  });
  onClose(async () => {
    clearTimeout(fleetChangeTimer);
    await simulator.stop();
  });

  const devices = express.Router();

  devices.get('/', (_req, res) => {
    const body: FleetResponse = {
      count: fleet.count(),
      devices: fleet.list(),
      rooms: fleet.rooms(),
      simulator: simulator.status(),
    };
    res.json(body);
  });

  devices.post('/simulator', (req, res) => {
    const { count } = readBody(SimulatorRequestSchema, req.body ?? {});
    simulator.start(count);
    res.status(202).json(simulator.status());
  });

  devices.delete('/simulator', async (_req, res) => {
    await simulator.stop();
    res.json(simulator.status());
  });

  devices.post('/broadcast', (req, res) => {
    const { payload, room } = readBody(BroadcastRequestSchema, req.body ?? {});
    const { id, sentAt, recipients } = broadcaster.broadcast(payload, room ?? null, sidOf(res));
    res.json({ id, sentAt, recipients });
  });

  devices.get('/broadcasts/latest', (_req, res) => {
    const latest = broadcaster.latestOf(sidOf(res));
    if (!latest) throw new HttpError(404, 'no_broadcast', 'You have not sent a broadcast yet.');
    res.json(latest);
  });

  devices.get('/broadcasts/:id', (req, res) => {
    const result = broadcaster.get(req.params.id);
    if (!result) throw new HttpError(404, 'unknown_broadcast', `There is no recent broadcast ${req.params.id}.`);
    res.json(result);
  });

  devices.post('/flood', async (req, res) => {
    const { ratePerDevice, durationMs } = readBody(FloodRequestSchema, req.body ?? {});
    const simulated = simulator.status();
    if (!simulated.running) throw new HttpError(409, 'no_simulator', 'Start the simulated fleet first.');
    const planned = simulated.requested * ratePerDevice * (durationMs / 1000);
    if (planned > maxFloodMessages) {
      throw new HttpError(400, 'flood_too_big', `That is ${Math.round(planned)} messages; keep devices × rate × seconds ≤ ${maxFloodMessages}.`);
    }
    const before = { ...fleet.fanIn };
    const sent = await simulator.flood({ ratePerDevice, durationMs });
    // Reports still in flight when the simulator finished sending: wait (up to 3 s) until all are counted.
    const counted = () => fleet.fanIn.accepted + fleet.fanIn.dropped - before.accepted - before.dropped;
    for (let waited = 0; counted() < sent && waited < 3000; waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const result: FloodResult = {
      devices: simulated.requested,
      ratePerDevice,
      durationMs,
      limitPerDevice: config.messageRateLimit,
      sent,
      accepted: fleet.fanIn.accepted - before.accepted,
      dropped: fleet.fanIn.dropped - before.dropped,
    };
    res.json(result);
  });

  devices.post('/:deviceId/command', async (req, res) => {
    const socket = fleet.get(req.params.deviceId);
    if (!socket) throw new HttpError(404, 'unknown_device', `No device ${req.params.deviceId} is connected.`);
    const { payload } = readBody(CommandRequestSchema, req.body ?? {});
    const sentAt = preciseNow();
    let ack: unknown;
    try {
      ack = await socket.timeout(commandTimeoutMs).emitWithAck('device:command', { id: `cmd-${Math.round(sentAt)}`, sentAt, payload });
    } catch {
      throw new HttpError(504, 'device_timeout', `Device ${req.params.deviceId} did not acknowledge within ${commandTimeoutMs} ms.`);
    }
    const result: CommandResult = {
      id: `cmd-${Math.round(sentAt)}`,
      deviceId: req.params.deviceId,
      ack,
      roundTripMs: Math.round((preciseNow() - sentAt) * 100) / 100,
    };
    res.json(result);
  });

  api.use('/devices', devices);
}
