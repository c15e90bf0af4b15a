// Start time: `npm start` run twice on the tree the bench just built; each time from spawning npm to
// the first 200 from /api/health. The second start is the row (nothing is stale by then); the first,
// which may still build what `npm run build` left for it, is in the note.

import { spawn } from 'node:child_process';
import { get } from 'node:http';
import { paths } from '../paths.js';
import { measured, type Row } from '../report.js';
import { sleep } from '../stats.js';

const runningLine = /is running at (http:\/\/\S+)/;
const startTimeoutMs = 180_000;

function healthy(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    get(`${url}/api/health`, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    }).on('error', () => resolve(false));
  });
}

/** Milliseconds from spawning `npm start` to /api/health answering 200; the whole group is killed after. */
async function timeStart(): Promise<{ ms: number; log: string }> {
  const startedAt = performance.now();
  const child = spawn('npm', ['start', '--silent'], {
    cwd: paths.repoRoot,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1' },
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // The first 8 KiB of output are kept for the note and for an error; a build prints more than that,
  // so the line with the URL is looked for in the newest output, not in what was kept.
  let log = '';
  let newest = '';
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`npm start did not log its URL within ${startTimeoutMs} ms:\n${log}\n…\n${newest}`)), startTimeoutMs);
      const onData = (chunk: Buffer) => {
        const text = chunk.toString('utf8');
        if (log.length < 8192) log += text;
        newest = (newest + text).slice(-1024);
        const match = runningLine.exec(newest);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`npm start exited with code ${code} before listening:\n${log}`));
      });
    });
    while (!(await healthy(url))) await sleep(10);
    return { ms: performance.now() - startedAt, log };
  } finally {
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      // Already gone.
    }
    await exited;
  }
}

export async function benchStart(): Promise<Row[]> {
  const first = await timeStart();
  const second = await timeStart();
  const built = first.log.split('\n').filter((line) => line.startsWith('Loopwire: ')).map((line) => line.slice('Loopwire: '.length));
  return [
    measured(
      'start.second_start_ready_ms',
      second.ms,
      'ms',
      null,
      `from spawning \`npm start\` to /api/health answering 200, on an unchanged tree; the first start took ${Math.round(first.ms)} ms${built.length > 0 ? ` (${built.join('; ')})` : ' and built nothing'}`,
    ),
  ];
}
