// Finds a lab file as built JavaScript. Worker threads and child processes must start from built JS
// (no TypeScript loader: TOOLCHAIN.md); tests import the server from src/, so map src/ to dist/.

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export function builtLabFile(name: string): string {
  const here = new URL('.', import.meta.url);
  const runningFromSource = import.meta.url.endsWith('.ts');
  const path = fileURLToPath(new URL(runningFromSource ? `../../dist/lab/${name}` : name, here));
  if (!existsSync(path)) {
    throw new Error(`${path} does not exist: build the server first (npx tsc -b)`);
  }
  return path;
}
