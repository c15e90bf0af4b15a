// What Loopwire's primary and its workers tell each other (WORKERS=N).

export type ToWorker =
  /** A connection handed over with the bytes the primary read to route it (`data`, to be read again). */
  | { type: 'loopwire:connection'; data: Buffer }
  | { type: 'loopwire:engine-sid-known'; sid: string };

export type ToPrimary = { type: 'loopwire:serving' } | { type: 'loopwire:engine-sid'; sid: string };
