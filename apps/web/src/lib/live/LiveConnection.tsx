// Runs the connection machine for the page's Socket.IO connection and hands it to any widget.

import { createContext, useContext, useEffect, type ReactNode } from 'react';
import { useActorRef, useSelector } from '@xstate/react';
import type { ActorRefFrom } from 'xstate';
import { connectionMachine, phaseOf, type ConnectionPhase } from './connection.machine.ts';
import { liveSocket } from './socket.ts';
import type { ServerToClientEvents } from '@loopwire/contract';

type ConnectionActor = ActorRefFrom<typeof connectionMachine>;

const LiveConnectionContext = createContext<ConnectionActor | null>(null);

export function LiveConnectionProvider({ children }: { children: ReactNode }) {
  const actor = useActorRef(connectionMachine, { input: { socket: liveSocket } });
  return <LiveConnectionContext.Provider value={actor}>{children}</LiveConnectionContext.Provider>;
}

export function useLiveConnection(): ConnectionActor {
  const actor = useContext(LiveConnectionContext);
  if (!actor) throw new Error('useLiveConnection needs a <LiveConnectionProvider> above it');
  return actor;
}

/** Where the page's connection to the live server stands: live views mark their data stale unless 'open'. */
export function useLivePhase(): ConnectionPhase {
  return useSelector(useLiveConnection(), (snapshot) => phaseOf(snapshot.value));
}

/** Subscribes to one server event for as long as the component is mounted. */
export function useServerEvent<E extends keyof ServerToClientEvents>(event: E, handler: ServerToClientEvents[E]): void {
  useEffect(() => {
    // socket.io-client's typed `on` cannot narrow a generic event name; the map above keeps callers typed.
    const socket = liveSocket as unknown as {
      on(event: string, handler: unknown): void;
      off(event: string, handler: unknown): void;
    };
    socket.on(event, handler);
    return () => socket.off(event, handler);
  }, [event, handler]);
}
