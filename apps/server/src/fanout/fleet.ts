// Namespace /devices: devices register with an id and capabilities in the handshake's `auth`; the
// server keeps them on a list (rooms by zone and capability) and rate-limits what they send (fan-in).
// An id belongs to the device holding it while it is connected: registration issues a secret, and a
// second connection with that id must send it (auth.secret) to replace the first — else
// `device_id_taken`. Once the device disconnects, the id is free again.

import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Namespace, Socket } from 'socket.io';
import type { DeviceAuth, DeviceClientToServerEvents, DeviceServerToClientEvents, DeviceSummary } from '@loopwire/contract';
import { createTokenBucket, type TokenBucket } from '../core/token-bucket.js';

interface DeviceData {
  connectedAt: number;
  deviceId: string;
  capabilities: string[];
  zone: string | null;
  /** Proves the id is this device's while it is connected; never listed. */
  secret: string;
}

export type DevicesNamespace = Namespace<DeviceClientToServerEvents, DeviceServerToClientEvents, Record<string, never>, DeviceData>;
export type DeviceSocket = Socket<DeviceClientToServerEvents, DeviceServerToClientEvents, Record<string, never>, DeviceData>;

const deviceIdPattern = /^[A-Za-z0-9_.-]{1,64}$/;
const namePattern = /^[a-z0-9-]{1,32}$/;
const maxCapabilities = 16;
export const maxListedDevices = 100;

/** Validates the registration; returns the device's data or a reason it was refused. */
export function parseDeviceAuth(auth: unknown): Omit<DeviceData, 'secret'> | string {
  const { deviceId, capabilities, zone } = (auth ?? {}) as Partial<Record<keyof DeviceAuth, unknown>>;
  if (typeof deviceId !== 'string' || !deviceIdPattern.test(deviceId)) {
    return 'auth.deviceId must be 1 to 64 letters, digits, dots, dashes or underscores.';
  }
  if (!Array.isArray(capabilities) || capabilities.length > maxCapabilities || !capabilities.every((c) => typeof c === 'string' && namePattern.test(c))) {
    return `auth.capabilities must be a list of at most ${maxCapabilities} lowercase names like "gps".`;
  }
  if (zone !== undefined && (typeof zone !== 'string' || !namePattern.test(zone))) {
    return 'auth.zone, when sent, must be a lowercase name like "north".';
  }
  return { connectedAt: Date.now(), deviceId, capabilities: capabilities as string[], zone: (zone as string | undefined) ?? null };
}

export interface FanInCounters {
  accepted: number;
  dropped: number;
}

export interface Fleet {
  namespace: DevicesNamespace;
  count(): number;
  get(deviceId: string): DeviceSocket | undefined;
  list(): DeviceSummary[];
  rooms(): Record<string, number>;
  fanIn: FanInCounters;
}

class RegistrationError extends Error {
  readonly data: { code: string; message: string };
  constructor(message: string, code = 'bad_device_auth') {
    super(message);
    this.data = { code, message };
  }
}

const sameSecret = (expected: string, given: unknown) =>
  typeof given === 'string' && given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));

export function createFleet(namespace: DevicesNamespace, options: { reportRateLimit: number; onChange: () => void }): Fleet {
  const devices = new Map<string, DeviceSocket>();
  const fanIn: FanInCounters = { accepted: 0, dropped: 0 };

  namespace.use((socket, next) => {
    const parsed = parseDeviceAuth(socket.handshake.auth);
    if (typeof parsed === 'string') return next(new RegistrationError(parsed));
    const holder = devices.get(parsed.deviceId);
    if (holder && !sameSecret(holder.data.secret, (socket.handshake.auth as { secret?: unknown }).secret)) {
      return next(
        new RegistrationError(
          `Device id ${parsed.deviceId} is held by a connected device; only it can replace that connection (auth.secret from its device:registered).`,
          'device_id_taken',
        ),
      );
    }
    socket.data = { ...parsed, secret: holder?.data.secret ?? randomBytes(18).toString('base64url') };
    next();
  });

  namespace.on('connection', (socket) => {
    const { deviceId, capabilities, zone, secret } = socket.data;
    // One id, one connection: a device that reconnects (with its secret) replaces its stale socket.
    devices.get(deviceId)?.disconnect(true);
    devices.set(deviceId, socket);
    socket.emit('device:registered', { deviceId, secret });
    void socket.join([...capabilities.map((capability) => `cap:${capability}`), ...(zone ? [`zone:${zone}`] : [])]);
    options.onChange();

    const bucket: TokenBucket = createTokenBucket(options.reportRateLimit);
    let droppedThisSecond = 0;
    let lastNotice = 0;
    socket.on('device:report', () => {
      if (bucket.take()) {
        fanIn.accepted += 1;
        return;
      }
      fanIn.dropped += 1;
      droppedThisSecond += 1;
      // Tell the device it is being throttled, at most once a second, so the notice is no flood itself.
      const at = Date.now();
      if (at - lastNotice >= 1000) {
        socket.emit('device:throttled', { dropped: droppedThisSecond, limitPerSecond: options.reportRateLimit });
        lastNotice = at;
        droppedThisSecond = 0;
      }
    });

    socket.once('disconnect', () => {
      if (devices.get(deviceId) === socket) devices.delete(deviceId);
      options.onChange();
    });
  });

  return {
    namespace,
    fanIn,
    count: () => devices.size,
    get: (deviceId) => devices.get(deviceId),
    list: () =>
      [...devices.values()]
        .sort((a, b) => a.data.deviceId.localeCompare(b.data.deviceId))
        .slice(0, maxListedDevices)
        .map((socket) => ({
          deviceId: socket.data.deviceId,
          capabilities: socket.data.capabilities,
          zone: socket.data.zone,
          rooms: [...socket.rooms].filter((room) => room !== socket.id),
          connectedAt: socket.data.connectedAt,
          simulated: socket.data.deviceId.startsWith('sim-'),
        })),
    rooms: () => Object.fromEntries([...namespace.adapter.rooms].filter(([room]) => room.includes(':')).map(([room, members]) => [room, members.size])),
  };
}
