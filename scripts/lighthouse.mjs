// Lighthouse 12.2.3 (mobile: emulated phone, simulated slow 4G and 4× CPU slowdown) on the pages the
// budget names, against the built server on a free port, with Debian's Chromium (CHROME_PATH).
// Usage: npm run lighthouse  (builds first). Writes docs/lighthouse.json and prints the scores;
// exits non-zero when a page is below Performance 90 or Accessibility 100.

import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

const pages = ['/', '/lessons/websocket-handshake', '/inspector', '/labs/loop'];
const minimum = { performance: 90, accessibility: 100 };
const chromePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';

const server = spawn(process.execPath, ['apps/server/dist/main.js'], {
  env: { ...process.env, PORT: '0' },
  detached: true,
  stdio: ['ignore', 'pipe', 'inherit'],
});
const origin = await new Promise((resolve, reject) => {
  server.stdout.on('data', (chunk) => {
    const match = /running at (\S+?)\/?\s/.exec(String(chunk));
    if (match) resolve(match[1]);
  });
  server.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
});

const chrome = await chromeLauncher.launch({
  chromePath,
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});

const results = [];
try {
  for (const path of pages) {
    const { lhr } = await lighthouse(`${origin}${path}`, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility'],
    });
    const score = (id) => Math.round(lhr.categories[id].score * 100);
    const metric = (id) => lhr.audits[id].displayValue;
    const failedAccessibility = lhr.categories.accessibility.auditRefs
      .filter((ref) => ref.weight > 0 && lhr.audits[ref.id].score !== null && lhr.audits[ref.id].score < 1)
      .map((ref) => ref.id);
    const result = {
      path,
      performance: score('performance'),
      accessibility: score('accessibility'),
      firstContentfulPaint: metric('first-contentful-paint'),
      largestContentfulPaint: metric('largest-contentful-paint'),
      totalBlockingTime: metric('total-blocking-time'),
      cumulativeLayoutShift: metric('cumulative-layout-shift'),
      speedIndex: metric('speed-index'),
      failedAccessibility,
    };
    results.push(result);
    console.log(`${path}: performance ${result.performance}, accessibility ${result.accessibility}` +
      ` (FCP ${result.firstContentfulPaint}, LCP ${result.largestContentfulPaint}, TBT ${result.totalBlockingTime},` +
      ` CLS ${result.cumulativeLayoutShift})${failedAccessibility.length ? ` failing: ${failedAccessibility.join(', ')}` : ''}`);
  }
} finally {
  await chrome.kill();
  process.kill(-server.pid, 'SIGTERM');
}

const report = {
  lighthouse: '12.2.3',
  formFactor: 'mobile',
  throttling: 'simulated (Lighthouse defaults: slow 4G, 4× CPU slowdown)',
  node: process.version,
  measuredAt: new Date().toISOString(),
  // Simulated throttling scales the CPU time observed here: on a busy machine TBT and Performance drop.
  machine: { cpus: cpus().length, loadAverage: loadavg().map((load) => Number(load.toFixed(2))) },
  pages: results,
};
writeFileSync('docs/lighthouse.json', `${JSON.stringify(report, null, 2)}\n`);
console.log('wrote docs/lighthouse.json');
const below = results.filter((r) => r.performance < minimum.performance || r.accessibility < minimum.accessibility);
if (below.length > 0) {
  console.error(`below Performance ${minimum.performance} / Accessibility ${minimum.accessibility}: ${below.map((r) => r.path).join(', ')}`);
  process.exitCode = 1;
}
