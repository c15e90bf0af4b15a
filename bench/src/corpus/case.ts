// One case of the bad-input corpus: a name saying what is sent and what must come back, and the
// function that sends it and throws a CorpusMismatch if the server answered anything else.

import type { Target } from './wire.js';

export interface CorpusCase {
  name: string;
  send(target: Target): Promise<void | unknown>;
}
