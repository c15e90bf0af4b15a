// Finds a server file as built JavaScript. Worker threads and child processes must start from built
// JS (Node has no TypeScript loader for them); tests import the server from src/, so map src/ to dist/.

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** `pathInSrc` is relative to src/ and names the built file, e.g. `loop-lab/cpu-worker.js`. */
export function builtFile(pathInSrc: string): string {
  const runningFromSource = import.meta.url.endsWith('.ts');
  const path = fileURLToPath(new URL(runningFromSource ? `../../dist/${pathInSrc}` : `../${pathInSrc}`, import.meta.url));
  if (!existsSync(path)) {
    throw new Error(`${path} does not exist: build the server first (npx tsc -b)`);
  }
  return path;
}
