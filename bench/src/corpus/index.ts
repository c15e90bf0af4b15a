// The bad-input corpus: every hostile or broken input the server is tried with, by group. The
// integration test runs each case once with a bystander watching; `npm run soak` runs them in a loop.

import { apiGroups } from './api-cases.js';
import type { CorpusCase } from './case.js';
import { protocolGroups } from './protocol-cases.js';
import { securityGroups } from './security-cases.js';
import { sessionGroups } from './session-cases.js';

export type { CorpusCase } from './case.js';
export { CorpusMismatch, type Target } from './wire.js';

export const corpusGroups: Record<string, CorpusCase[]> = { ...protocolGroups, ...apiGroups, ...securityGroups, ...sessionGroups };

export const corpusCaseCount = Object.values(corpusGroups).reduce((sum, cases) => sum + cases.length, 0);
