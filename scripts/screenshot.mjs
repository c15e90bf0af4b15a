// Takes the README's screenshots: starts the built server on a free port, drives Debian's Chromium.
// Usage: npm run screenshot  (writes docs/*.png)

import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { chromium } from '@playwright/test';

const shots = [
  { path: '/', file: 'docs/home.png', theme: 'light' },
  { path: '/lessons/endpoints-and-layers#sockets', file: 'docs/lesson-endpoints-light.png', theme: 'light', probe: true },
  { path: '/lessons/endpoints-and-layers#layers', file: 'docs/lesson-endpoints-dark.png', theme: 'dark' },
  { path: '/labs/loop', file: 'docs/lab-loop.png', theme: 'light', blockingJob: true },
];

const server = spawn(process.execPath, ['apps/server/dist/main.js'], {
  env: { ...process.env, PORT: '0' },
  detached: true,
  stdio: ['ignore', 'pipe', 'inherit'],
});
const url = await new Promise((resolve, reject) => {
  server.stdout.on('data', (chunk) => {
    const match = /running at (\S+)/.exec(String(chunk));
    if (match) resolve(match[1]);
  });
  server.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
});

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});
try {
  mkdirSync('docs', { recursive: true });
  for (const shot of shots) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 860 }, colorScheme: shot.theme });
    await page.goto(url + shot.path);
    await page.getByTestId('connection-badge').and(page.locator('[data-phase="open"]')).waitFor();
    if (shot.probe) {
      const probe = page.getByRole('figure', { name: 'Endpoint probe' }).first();
      await probe.getByRole('button', { name: 'Ask over HTTP' }).click();
      await probe.getByRole('button', { name: 'Ask over HTTP' }).click();
      await probe.getByRole('button', { name: 'Ask over WebSocket' }).click();
      await probe.getByTestId('server-side').nth(2).waitFor();
      await probe.scrollIntoViewIfNeeded();
    }
    if (shot.blockingJob) {
      await page.getByLabel('Duration').fill('1500');
      await page.getByRole('button', { name: 'Run job' }).click();
      await page.getByTestId('lab-result').waitFor({ timeout: 10_000 });
      await page.getByTestId('lab-result').scrollIntoViewIfNeeded();
    }
    await page.locator('.widget--loading').first().waitFor({ state: 'detached' }).catch(() => {});
    await page.screenshot({ path: shot.file });
    console.log(`wrote ${shot.file}`);
    await page.close();
  }
} finally {
  await browser.close();
  process.kill(-server.pid, 'SIGTERM');
}
