// The long-lived feed connections the server can end on request (SSE streams, raw WebSockets,
// Socket.IO sockets), so a learner can watch how each client reacts when the *server* hangs up.
// Each belongs to the browser (verified sid) that opened it; only that browser may end it.

import type { ClosableTransport } from '@loopwire/contract';

export interface LiveConnections {
  /** Remembers how to end one connection and whose it is; returns the function that forgets it (call it on close). */
  add(transport: ClosableTransport, id: string, owner: string | null, close: () => void): () => void;
  /** Ends the connection if `asker` owns it; false if no such connection of theirs is open. */
  close(transport: ClosableTransport, id: string, asker: string): boolean;
  count(transport: ClosableTransport): number;
}

export function createLiveConnections(): LiveConnections {
  const byTransport = new Map<ClosableTransport, Map<string, { owner: string | null; close: () => void }>>();
  const table = (transport: ClosableTransport) => {
    let entries = byTransport.get(transport);
    if (!entries) byTransport.set(transport, (entries = new Map()));
    return entries;
  };
  return {
    add(transport, id, owner, close) {
      table(transport).set(id, { owner, close });
      return () => table(transport).delete(id);
    },
    close(transport, id, asker) {
      const entry = table(transport).get(id);
      if (!entry || entry.owner !== asker) return false;
      table(transport).delete(id);
      entry.close();
      return true;
    },
    count: (transport) => table(transport).size,
  };
}
