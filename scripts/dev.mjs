// `npm run dev`: the TypeScript compiler in watch mode, and the server restarted on each rebuild,
// serving the web app through Vite's middleware (hot reload) on the same single port.

import { spawn } from 'node:child_process';

const children = [
  spawn('node_modules/.bin/tsc', ['-b', '--watch', '--preserveWatchOutput'], { stdio: 'inherit' }),
  spawn(process.execPath, ['--watch-path=apps/server/dist', 'apps/server/dist/main.js', '--dev'], { stdio: 'inherit' }),
];

function stop() {
  for (const child of children) child.kill('SIGTERM');
}
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
for (const child of children) child.once('exit', () => { stop(); process.exitCode = 0; });
