// Every live challenge check, by id: each asks the real server, so a pass means the learner did the
// real thing. The checks live with their features; every one has a solution in solutions.test.ts.

import type { LiveCheckId } from '@loopwire/lessons';
import type { LiveCheck } from '../lib/live/context.ts';
import { connectionChecks } from '../features/connection/checks.ts';
import { inspectorChecks } from '../features/inspector/checks.ts';
import { labChecks } from '../features/loop-lab/checks.ts';
import { transportChecks } from '../features/transports/checks.ts';
import { securityChecks } from '../features/security/checks.ts';
import { fanoutChecks } from '../features/fanout/checks.ts';
import { scaleChecks } from '../features/scale/checks.ts';

export const liveChecks: Record<LiveCheckId, LiveCheck> = {
  ...connectionChecks,
  ...inspectorChecks,
  ...labChecks,
  ...transportChecks,
  ...securityChecks,
  ...fanoutChecks,
  ...scaleChecks,
};
