// Keeps `npm run bench` working: runs the built harness in smoke mode (tiny sizes, the real built server)
// and checks that every row comes back measured with a number. Timings are the bench's job, not this test's.

import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { Report } from '../src/report.js';
import { expectedRowNames } from '../src/run.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const workDir = mkdtempSync(join(tmpdir(), 'loopwire-bench-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

/** Runs `node bench/dist/main.js --smoke` in its own process group; kills the group if it overruns. */
function runSmokeBench(out: string, timeoutMs: number): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bench/dist/main.js', '--smoke', '--out', out], {
      cwd: repoRoot,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const collect = (chunk: Buffer) => {
      if (output.length < 64_000) output += chunk.toString('utf8');
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    const timer = setTimeout(() => {
      process.kill(-child.pid!, 'SIGKILL');
      reject(new Error(`bench --smoke did not finish within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

describe('npm run bench (smoke sizes)', () => {
  it('produces every row with a number, the machine it ran on, and a printed table', async () => {
    const out = join(workDir, 'results.json');
    // About 95 s at load 34 on 2 cores before the scale rows, 145 s with them (three clusters, three servers).
    const { output } = await runSmokeBench(out, 240_000);
    const report = JSON.parse(readFileSync(out, 'utf8')) as Report;

    expect(report.mode).toBe('smoke');
    expect(report.machine).toMatchObject({
      cpus: expect.any(Number),
      memoryMiB: expect.any(Number),
      node: process.version,
      date: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    expect(report.rows.map((row) => row.name)).toEqual(expectedRowNames('smoke'));
    for (const row of report.rows) {
      // An unmeasured row (value null) carries the reason in its note: show it when this fails.
      expect(Number.isFinite(row.value), `${row.name}: ${row.note ?? ''}`).toBe(true);
      // Smoke sizes are not the budgets' sizes: every row is information, never pass or FAIL.
      expect(row.pass, row.name).toBeNull();
    }
    for (const name of expectedRowNames('smoke')) expect(output).toContain(name);
    expect(output).not.toMatch(/\b(pass|FAIL)\b/);
  }, 270_000);
});
