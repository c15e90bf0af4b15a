// One capture change as one process's tap hands it to another (the scale lab's cluster workers → the
// Loopwire server): shared by the tap, which sends and files them, and the scale lab, which carries them.

import type { Capture, Frame } from '@loopwire/contract';

export type RelayedCapture =
  /** Heads unmasked (the receiver masks them per request, as for its own captures), except loopwire_sid. */
  | { kind: 'capture'; sid: string; noise: boolean; capture: Capture }
  | { kind: 'frames'; sid: string; captureId: string; frames: Frame[] };
