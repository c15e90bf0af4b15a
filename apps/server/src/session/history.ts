// What each learner did, kept per sid, so a challenge check can ask whether *this* learner ran the
// experiment (never whether anyone did). Bounded twice: entries per sid, and sids remembered.

export interface PerSidHistory<T> {
  add(sid: string, entry: T): void;
  /** Oldest first; empty for a sid that did nothing. */
  of(sid: string): T[];
}

export function createPerSidHistory<T>({ perSid = 50, sids = 2000 } = {}): PerSidHistory<T> {
  const bySid = new Map<string, T[]>();
  return {
    add(sid, entry) {
      const entries = bySid.get(sid) ?? [];
      entries.push(entry);
      if (entries.length > perSid) entries.shift();
      // Re-inserted, so the Map's order is least recently active first.
      bySid.delete(sid);
      bySid.set(sid, entries);
      if (bySid.size > sids) bySid.delete(bySid.keys().next().value!);
    },
    of: (sid) => [...(bySid.get(sid) ?? [])],
  };
}
