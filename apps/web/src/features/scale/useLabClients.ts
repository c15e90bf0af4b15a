// The scale lab's six Socket.IO clients to the cluster, each driven by its own clusterClient machine,
// and what each received: broadcasts by id, with the latency measured on the page's clock.

import { useCallback, useEffect, useRef, useState } from 'react';
import { createActor, type SnapshotFrom } from 'xstate';
import { io, type Socket } from 'socket.io-client';
import type { ScaleClientToServerEvents, ScaleServerToClientEvents } from '@loopwire/contract';
import { clusterClientMachine, type ClusterSocketOpener } from './clusterClient.machine.ts';
import { newBroadcastId, pageClock } from './broadcasts.ts';

export const labClientCount = 6;
/** Longer than the longest block a worker accepts (5 s): a stalled worker's answer still counts. */
const pingTimeoutMs = 10_000;

type ClusterSocket = Socket<ScaleServerToClientEvents, ScaleClientToServerEvents>;
export type Transports = 'default' | 'websocket';
export type ClientSnapshot = SnapshotFrom<typeof clusterClientMachine>;

/** Broadcast id → client index → latency in ms. */
export type Receipts = Map<string, Map<number, number>>;

function opener(url: string, transports: Transports, keep: (socket: ClusterSocket | null) => void, received: (id: string, sentAt: number) => void): ClusterSocketOpener {
  return (report) => {
    const socket: ClusterSocket = io(url, {
      // Polling first, then the upgrade, as Socket.IO does by default; or WebSocket only.
      transports: transports === 'websocket' ? ['websocket'] : ['polling', 'websocket'],
      // The cluster is on another port: its polling requests carry the loopwire_sid cookie only so.
      withCredentials: true,
      forceNew: true,
      timeout: 5000,
    });
    keep(socket);
    const transportName = () => socket.io.engine?.transport?.name ?? 'unknown';
    socket.on('scale:hello', (hello) => report({ type: 'HELLO', hello, transport: transportName() }));
    socket.io.on('open', () => socket.io.engine.on('upgrade', (transport) => report({ type: 'UPGRADED', transport: transport.name })));
    socket.on('disconnect', (reason) => {
      if (reason !== 'io client disconnect') report({ type: 'DROPPED', reason });
    });
    socket.on('connect_error', (error) => report({ type: 'FAILED', message: error.message }));
    socket.on('scale:message', (message) => received(message.id, message.sentAt));
    return () => {
      keep(null);
      socket.removeAllListeners();
      socket.io.removeAllListeners();
      socket.disconnect();
    };
  };
}

const noReceipts: Receipts = new Map();

export function useLabClients(url: string | null, transports: Transports, generation: number) {
  // Each run of clients (cluster URL, transports, restart) has its own key; a view of another run is not shown.
  const run = url ? `${url} ${transports} ${generation}` : null;
  const [view, setView] = useState<{ run: string | null; snapshots: ClientSnapshot[]; receipts: Receipts }>({ run: null, snapshots: [], receipts: noReceipts });
  // The newest receipts, for code that awaited broadcasts and must not read a render's stale copy.
  const latestReceipts = useRef<Receipts>(noReceipts);
  const sockets = useRef<(ClusterSocket | null)[]>([]);

  useEffect(() => {
    if (!url || !run) return;
    latestReceipts.current = new Map();
    const actors = Array.from({ length: labClientCount }, (_, index) => {
      const received = (id: string, sentAt: number) => {
        const latency = pageClock() - sentAt;
        const previous = latestReceipts.current;
        latestReceipts.current = new Map(previous).set(id, new Map(previous.get(id)).set(index, latency));
        const receipts = latestReceipts.current;
        setView((current) => (current.run === run ? { ...current, receipts } : current));
      };
      const keep = (socket: ClusterSocket | null) => {
        sockets.current[index] = socket;
      };
      return createActor(clusterClientMachine, { input: { open: opener(url, transports, keep, received) } });
    });
    // Starting an actor reports its first snapshot to its subscribers: every update comes from here.
    const update = () => setView((current) => ({ run, snapshots: actors.map((actor) => actor.getSnapshot()), receipts: current.run === run ? current.receipts : latestReceipts.current }));
    const subscriptions = actors.map((actor) => actor.subscribe(update));
    for (const actor of actors) actor.start();
    return () => {
      for (const subscription of subscriptions) subscription.unsubscribe();
      for (const actor of actors) actor.stop();
    };
  }, [url, transports, run]);

  /** Client `from` broadcasts through its worker's adapter; resolves with the id once its worker acked. */
  const broadcast = useCallback(async (from: number): Promise<string> => {
    const socket = sockets.current[from];
    if (!socket?.connected) throw new Error(`Client ${from + 1} is not connected.`);
    const id = newBroadcastId();
    await socket.timeout(5000).emitWithAck('scale:broadcast', { id, sentAt: pageClock() });
    return id;
  }, []);

  const readReceipts = useCallback(() => latestReceipts.current, []);

  /** One round trip from client `index` to its worker and back, in ms; null when it is not connected or no answer came. */
  const ping = useCallback(async (index: number): Promise<number | null> => {
    const socket = sockets.current[index];
    if (!socket?.connected) return null;
    const sent = performance.now();
    try {
      await socket.timeout(pingTimeoutMs).emitWithAck('scale:ping');
    } catch {
      return null;
    }
    return performance.now() - sent;
  }, []);

  const current = view.run === run;
  return { snapshots: current ? view.snapshots : [], receipts: current ? view.receipts : noReceipts, readReceipts, broadcast, ping };
}
