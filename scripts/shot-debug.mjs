import { spawn } from 'node:child_process';
import { chromium } from '@playwright/test';
const [,, path, out, w = '390', h = '844', theme = 'light', full = ''] = process.argv;
const server = spawn(process.execPath, ['apps/server/dist/main.js'], { env: { ...process.env, PORT: '0' }, detached: true, stdio: ['ignore', 'pipe', 'inherit'] });
const origin = await new Promise((resolve) => server.stdout.on('data', (c) => { const m = /running at (\S+?)\/?\s/.exec(String(c)); if (m) resolve(m[1]); }));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  const page = await browser.newPage({ viewport: { width: +w, height: +h }, colorScheme: theme });
  await page.goto(origin + path);
  await page.getByTestId('connection-badge').and(page.locator('[data-phase="open"]')).waitFor();
  await page.waitForTimeout(800);
  if (process.env.CLICK) await page.getByRole('button', { name: process.env.CLICK }).click();
  await page.waitForTimeout(300);
  await page.screenshot({ path: out, fullPage: !!full });
} finally { await browser.close(); process.kill(-server.pid); }
