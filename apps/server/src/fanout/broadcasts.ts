// Sends one command to every device (or a room) with a single Socket.IO broadcast, collects the
// acks, and measures delivery latency (device receivedAt − server sentAt) and messages per second.

import { randomUUID } from 'node:crypto';
import type { BroadcastResult, DeviceAck, DeviceCommand } from '@loopwire/contract';
import type { DevicesNamespace } from './fleet.js';
import { summarizeLatencies } from '../core/percentiles.js';

export const ackTimeoutMs = 10_000;
const keptResults = 50;

export const preciseNow = () => performance.timeOrigin + performance.now();

function isDeviceAck(reply: unknown): reply is DeviceAck {
  return typeof reply === 'object' && reply !== null && typeof (reply as DeviceAck).receivedAt === 'number';
}

export interface Broadcaster {
  /** `sid`: the learner who asked, so a check can find *their* latest broadcast. */
  broadcast(payload: unknown, room: string | null, sid: string): BroadcastResult;
  get(id: string): BroadcastResult | undefined;
  latestOf(sid: string): BroadcastResult | undefined;
}

export function createBroadcaster(namespace: DevicesNamespace, onDone: (result: BroadcastResult) => void): Broadcaster {
  const results = new Map<string, BroadcastResult>();
  const senders = new Map<string, string>();

  return {
    broadcast(payload, room, sid) {
      const target = room ? namespace.to(room) : namespace;
      const recipients = room ? (namespace.adapter.rooms.get(room)?.size ?? 0) : namespace.sockets.size;
      const command: DeviceCommand = { id: randomUUID(), sentAt: preciseNow(), payload };
      const result: BroadcastResult = {
        id: command.id,
        sentAt: command.sentAt,
        recipients,
        room,
        done: recipients === 0,
        acked: 0,
        delivery: null,
        allAckedMs: recipients === 0 ? 0 : null,
        messagesPerSecond: null,
      };
      results.set(result.id, result);
      senders.set(result.id, sid);
      if (results.size > keptResults) {
        const oldest = results.keys().next().value!;
        results.delete(oldest);
        senders.delete(oldest);
      }
      if (recipients === 0) {
        onDone(result);
        return { ...result };
      }
      // One broadcast: the packet is encoded once and written to every socket; acks come back one by one.
      target.timeout(ackTimeoutMs).emit('device:command', command, (_timedOut: Error | null, replies: unknown[]) => {
        const deliveries = replies.filter(isDeviceAck).map((reply) => Math.max(0, reply.receivedAt - command.sentAt));
        const lastDelivery = deliveries.length > 0 ? Math.max(...deliveries) : null;
        Object.assign(result, {
          done: true,
          acked: replies.length,
          delivery: summarizeLatencies(deliveries),
          allAckedMs: Math.round((preciseNow() - command.sentAt) * 100) / 100,
          messagesPerSecond: lastDelivery ? Math.round(deliveries.length / (lastDelivery / 1000)) : null,
        } satisfies Partial<BroadcastResult>);
        onDone({ ...result });
      });
      return { ...result };
    },
    get: (id) => results.get(id),
    latestOf: (sid) => [...results.values()].findLast((result) => senders.get(result.id) === sid),
  };
}
