// The long-lived feed connections the server can end on request (SSE streams, raw WebSockets,
// Socket.IO sockets), so a learner can watch how each client reacts when the *server* hangs up.

import type { ClosableTransport } from '@loopwire/contract';

export interface LiveConnections {
  /** Remembers how to end one connection; returns the function that forgets it (call it on close). */
  add(transport: ClosableTransport, id: string, close: () => void): () => void;
  /** Ends the connection; false if no such connection is open. */
  close(transport: ClosableTransport, id: string): boolean;
  count(transport: ClosableTransport): number;
}

export function createLiveConnections(): LiveConnections {
  const byTransport = new Map<ClosableTransport, Map<string, () => void>>();
  const table = (transport: ClosableTransport) => {
    let entries = byTransport.get(transport);
    if (!entries) byTransport.set(transport, (entries = new Map()));
    return entries;
  };
  return {
    add(transport, id, close) {
      table(transport).set(id, close);
      return () => table(transport).delete(id);
    },
    close(transport, id) {
      const close = table(transport).get(id);
      if (!close) return false;
      table(transport).delete(id);
      close();
      return true;
    },
    count: (transport) => table(transport).size,
  };
}
