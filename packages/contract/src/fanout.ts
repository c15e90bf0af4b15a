// The fan-out lab: simulated devices, broadcasts with measured latency, floods, chat.

import * as v from 'valibot';
import { wholeNumber } from './numbers.js';

export const maxSimulatedDevices = 1000;

/** `POST /api/devices/simulator` body. */
export const SimulatorRequestSchema = v.object({ count: wholeNumber('count', 1, maxSimulatedDevices, 'devices') });

const roomMessage = 'room, when sent, is a room name like "zone:north" or "cap:gps"';

/** `POST /api/devices/broadcast` body: any JSON payload, to every device or one room. */
export const BroadcastRequestSchema = v.object({
  payload: v.custom<unknown>((value) => value !== undefined, 'Send {"payload": any, "room"?: string}'),
  room: v.optional(v.pipe(v.string(roomMessage), v.regex(/^[a-z]{1,16}:[a-z0-9-]{1,32}$/, roomMessage))),
});

/** `POST /api/devices/flood` body: every simulated device reports this fast for this long. */
export const FloodRequestSchema = v.object({
  ratePerDevice: wholeNumber('ratePerDevice', 1, 1000, 'reports per second'),
  durationMs: wholeNumber('durationMs', 100, 5000, 'milliseconds'),
});

/** `POST /api/devices/:id/command` body. */
export const CommandRequestSchema = v.object({ payload: v.optional(v.unknown(), null) });

/** What a device sends in its Socket.IO `auth` payload when it connects to namespace `/devices`. */
export interface DeviceAuth {
  deviceId: string;
  capabilities: string[];
  /** Optional zone; the device joins room `zone:<zone>`. */
  zone?: string;
  /**
   * The secret `device:registered` gave this id's connected device. Needed only to replace that
   * connection (a device reconnecting before the server noticed it drop); without it → `device_id_taken`.
   */
  secret?: string;
}

export interface DeviceSummary {
  deviceId: string;
  capabilities: string[];
  zone: string | null;
  rooms: string[];
  connectedAt: number;
  simulated: boolean;
}

/** `GET /api/devices` */
export interface FleetResponse {
  count: number;
  /** The first devices by id (at most 100). */
  devices: DeviceSummary[];
  /** Room name → member count. */
  rooms: Record<string, number>;
  simulator: SimulatorStatus;
}

export interface SimulatorStatus {
  running: boolean;
  requested: number;
  pid: number | null;
  /** The latest connection error a simulated device reported, if any. */
  lastError: string | null;
}

/** What every device receives as event `device:command`. */
export interface DeviceCommand {
  id: string;
  /** Server clock when sent: `performance.timeOrigin + performance.now()`, ms since the epoch. */
  sentAt: number;
  payload: unknown;
}

/** What a simulated device acks with. Other clients may ack anything. */
export interface DeviceAck {
  deviceId: string;
  /** Device clock when the command arrived, same units as `sentAt` (same machine). */
  receivedAt: number;
}

/** `POST /api/devices/broadcast` → answered at once; the acks are collected afterwards. */
export interface BroadcastStarted {
  id: string;
  sentAt: number;
  recipients: number;
}

export interface LatencySummary {
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** `GET /api/devices/broadcasts/:id`, also pushed as `fanout:broadcast-done`. */
export interface BroadcastResult extends BroadcastStarted {
  room: string | null;
  done: boolean;
  acked: number;
  /** One-way delivery latency (device receivedAt − server sentAt), ms; null before any ack. */
  delivery: LatencySummary | null;
  /** Server-measured time until all acks were in, ms. */
  allAckedMs: number | null;
  /** Deliveries per second: acked / (last delivery − sentAt). */
  messagesPerSecond: number | null;
}

/** `POST /api/devices/:id/command` */
export interface CommandResult {
  id: string;
  deviceId: string;
  ack: unknown;
  roundTripMs: number;
}

/** `POST /api/devices/flood` → what the per-device rate limiter did to a fan-in flood. */
export interface FloodResult {
  devices: number;
  ratePerDevice: number;
  durationMs: number;
  limitPerDevice: number;
  sent: number;
  accepted: number;
  dropped: number;
}

export interface ChatMessage {
  id: number;
  room: string;
  from: string;
  text: string;
  at: number;
}

/** Per-client data the chat server keeps in `socket.data`. */
export interface ChatMember {
  id: string;
  name: string;
  room: string;
  joinedAt: number;
  sent: number;
}
