// `npm test`: typecheck, lint, import boundaries, build, unit + integration (Vitest), end-to-end (Playwright).
// Every step runs even if an earlier one failed, so one run shows everything; the last line is
// `N passed, N failed` summed over the test runners (a failed non-test step counts as one failure).

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

const bin = (name) => join('node_modules', '.bin', name);
// The runners' JSON reports, in a folder of their own: Playwright empties its artifact folder
// (test-results/, traces of failed tests) when it starts, which would take Vitest's report with it.
const reportsDir = 'reports';

function listenOn(port) {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(null));
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

/** A free port P whose neighbour P + 1 is free too: the security lab serves its foreign page there. */
async function freePortPair() {
  for (;;) {
    const first = await listenOn(0);
    const port = first.address().port;
    const second = port < 65535 ? await listenOn(port + 1) : null;
    await new Promise((resolve) => first.close(resolve));
    if (second) {
      await new Promise((resolve) => second.close(resolve));
      return port;
    }
  }
}

function readJson(path) {
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null;
}

const vitestJson = join(reportsDir, 'vitest.json');
const playwrightJson = join(reportsDir, 'e2e.json');

const steps = [
  { name: 'typecheck', command: bin('tsc'), args: ['-b'] },
  { name: 'lint', command: bin('eslint'), args: ['--max-warnings', '0', '.'] },
  { name: 'import boundaries', command: 'npm', args: ['run', 'boundaries', '--silent'] },
  { name: 'build web', command: 'npm', args: ['run', 'build', '-w', '@loopwire/web', '--silent'] },
  {
    name: 'unit + integration',
    command: bin('vitest'),
    args: ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`],
    count() {
      const report = readJson(vitestJson);
      if (!report) return undefined;
      // A file that failed to load has no failed test of its own: it counts as one. (numFailedTestSuites
      // would count a failing test again, once per describe block around it.)
      const brokenFiles = report.testResults.filter((file) => file.status === 'failed' && !file.assertionResults.some((test) => test.status === 'failed'));
      return { passed: report.numPassedTests, failed: report.numFailedTests + brokenFiles.length };
    },
  },
  {
    name: 'end-to-end',
    command: bin('playwright'),
    args: ['test', '--reporter=list,json'],
    env: async () => ({ E2E_PORT: String(await freePortPair()), PLAYWRIGHT_JSON_OUTPUT_FILE: playwrightJson }),
    count() {
      const report = readJson(playwrightJson);
      return report && { passed: report.stats.expected + report.stats.flaky, failed: report.stats.unexpected };
    },
  },
];

rmSync(reportsDir, { recursive: true, force: true });
mkdirSync(reportsDir, { recursive: true });

const summary = [];
let passed = 0;
let failed = 0;
for (const step of steps) {
  console.log(`\n▶ ${step.name}`);
  const started = Date.now();
  const env = { ...process.env, ...(step.env ? await step.env() : {}) };
  const { status } = spawnSync(step.command, step.args, { stdio: 'inherit', env });
  const counts = step.count?.();
  const ok = status === 0;
  if (counts) {
    passed += counts.passed;
    failed += counts.failed;
  }
  if (!ok && (!counts || counts.failed === 0)) failed += 1;
  summary.push({ step: step.name, result: ok ? 'ok' : 'FAILED', seconds: ((Date.now() - started) / 1000).toFixed(1), ...counts });
}

console.log('');
console.table(summary);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
