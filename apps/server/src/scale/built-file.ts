// The lab cluster's processes start from built JavaScript (no TypeScript loader in a child process);
// tests import the server from src/, so map src/ to dist/.

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export function builtScaleFile(name: string): string {
  const runningFromSource = import.meta.url.endsWith('.ts');
  const path = fileURLToPath(new URL(runningFromSource ? `../../dist/scale/${name}` : name, new URL('.', import.meta.url)));
  if (!existsSync(path)) throw new Error(`${path} does not exist: build the server first (npx tsc -b)`);
  return path;
}
