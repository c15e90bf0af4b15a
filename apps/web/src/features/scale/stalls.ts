// The noisy neighbour's verdict: which clients stalled while one worker's loop was blocked, from the
// longest round trip each measured on this page.

export interface ClientWait {
  /** The worker the client was on (null: it was not connected). */
  pid: number | null;
  /** Its longest ping round trip during the run, ms (null: it could not ping). */
  longestMs: number | null;
}

export interface StallVerdict {
  /** Per client: stalled, kept answering, or not measured. */
  clients: ('stalled' | 'answered' | 'not measured')[];
  stalled: number;
  /** Every stalled client was on the blocked worker, and every measured client there stalled. */
  onlyTheBlockedWorker: boolean;
}

/** A client stalled when it waited at least half the block: the others wait a few milliseconds. */
export function stallVerdict(waits: ClientWait[], blockedPid: number, blockMs: number): StallVerdict {
  const clients = waits.map(({ longestMs }) => (longestMs === null ? 'not measured' : longestMs >= blockMs / 2 ? 'stalled' : 'answered'));
  const measured = waits.map((wait, index) => ({ ...wait, verdict: clients[index]! })).filter((wait) => wait.verdict !== 'not measured');
  return {
    clients,
    stalled: clients.filter((verdict) => verdict === 'stalled').length,
    onlyTheBlockedWorker: measured.every((wait) => (wait.verdict === 'stalled') === (wait.pid === blockedPid)),
  };
}
