// Where the built artefacts the bench measures live, relative to this file (bench/src or bench/dist).

import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

export const paths = {
  repoRoot,
  serverMain: `${repoRoot}apps/server/dist/main.js`,
  webDist: `${repoRoot}apps/web/dist/`,
  results: `${repoRoot}bench/results.json`,
};
