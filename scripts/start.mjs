// `npm start`: builds only what is stale (the server's TypeScript, the web app), saying so, then runs
// the built server. On an unchanged tree it goes straight to the server, so a second start takes seconds.

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const at = (path) => join(root, path);

/** Newest modification time (ms) of a file, or of any file under a folder (node_modules and dist skipped). */
function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    newest = Math.max(newest, newestMtime(join(path, entry.name)));
  }
  return newest;
}

const packages = readdirSync(at('packages')).map((name) => `packages/${name}`);
const shared = ['package-lock.json', 'tsconfig.base.json', ...packages];

const steps = [
  {
    what: 'compiling the server (TypeScript)',
    output: 'apps/server/dist/.tsbuildinfo',
    inputs: ['apps/server/src', 'apps/server/tsconfig.json', ...shared],
    command: [at('node_modules/.bin/tsc'), ['-b', 'apps/server']],
  },
  {
    what: 'building the web app (Vite, then every page prerendered; about 30 s on an idle machine)',
    output: 'apps/web/dist/pages/404.html',
    inputs: ['apps/web/src', 'apps/web/public', 'apps/web/scripts', 'apps/web/index.html', 'apps/web/vite.config.ts', 'apps/web/vite-plugin-catalog.ts', 'apps/web/package.json', ...shared],
    // The web package's own build script: the client bundle, the prerender bundle, then the pages.
    command: ['npm', ['run', 'build', '--silent'], { cwd: at('apps/web') }],
  },
];

for (const { what, output, inputs, command } of steps) {
  const builtAt = newestMtime(at(output));
  const changedAt = Math.max(...inputs.map((input) => newestMtime(at(input))));
  if (builtAt > changedAt) continue;
  console.log(builtAt === 0 ? `Loopwire: ${what}: first run only…` : `Loopwire: ${what}: sources changed since the last build…`);
  const [file, args, options = {}] = command;
  const result = spawnSync(file, args, { cwd: root, stdio: 'inherit', ...options });
  if (result.status !== 0) {
    console.error(`Loopwire: ${what} failed (exit ${result.status ?? result.signal}); fix the error above and run npm start again.`);
    process.exit(1);
  }
  // The build is up to date now even when it had nothing to write: remember that for the next start.
  const now = new Date();
  utimesSync(at(output), now, now);
}

const server = spawn(process.execPath, [at('apps/server/dist/main.js'), ...process.argv.slice(2)], { stdio: 'inherit' });
// Ctrl-C reaches the server itself (same process group): wait for it to shut down. A SIGTERM sent to
// this process alone is passed on.
process.on('SIGINT', () => {});
process.on('SIGTERM', () => server.kill('SIGTERM'));
server.once('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
