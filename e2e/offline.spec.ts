// Without the server: a page whose code cannot load says so inside the shell and comes back by
// itself; live views that lose the server keep their last values, marked stale.

import { spawn } from 'node:child_process';
import { expect, test } from './support/test.js';

// Reconnecting and reloading take a while when the machine is busy.
test.setTimeout(60_000);

test('offline, opening the loop lab shows a retry page in the shell, which recovers when the network returns', async ({ page, context }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto('/');
  await expect(page.getByTestId('connection-badge')).toHaveAttribute('data-phase', 'open', { timeout: 20_000 });

  await context.setOffline(true);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Loop lab' }).click();
  const alert = page.getByRole('alert');
  await expect(alert.getByRole('heading', { level: 1 })).toHaveText('Couldn’t load this page');
  await expect(alert).toContainText('server is unreachable');
  await expect(alert.getByRole('button', { name: 'Retry now' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await expect(page.getByText('Hey developer')).toHaveCount(0);

  await context.setOffline(false);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('The event-loop lab', { timeout: 20_000 });
  await expect(page).toHaveURL(/\/labs\/loop$/);
  expect(errors).toEqual([]);
});

test('when the server dies, the loop lab keeps its last values marked stale and the badge says the server is unreachable', async ({ page }) => {
  // A server of this test's own, so killing it leaves the suite's server alone.
  const server = spawn(process.execPath, ['apps/server/dist/main.js'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1' },
    detached: true,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const origin = await new Promise<string>((resolve, reject) => {
      server.stdout.on('data', (chunk: Buffer) => {
        const match = /running at (http:\/\/[^\s/]+)/.exec(String(chunk));
        if (match) resolve(match[1]!);
      });
      server.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
    });
    await page.goto(`${origin}/labs/loop`);
    await expect(page.getByTestId('connection-badge')).toHaveAttribute('data-phase', 'open', { timeout: 20_000 });
    await expect(page.getByTestId('lag-now')).toContainText('ms');
    await expect(page.getByTestId('lag-chart')).toHaveAttribute('data-stale', 'false');

    process.kill(-server.pid!, 'SIGKILL');

    await expect(page.getByTestId('connection-badge')).toHaveAttribute('data-phase', 'reconnecting', { timeout: 20_000 });
    await expect(page.getByTestId('connection-badge')).toHaveText('Unreachable');
    await expect(page.getByTestId('lag-chart')).toHaveAttribute('data-stale', 'true');
    await expect(page.getByTestId('lag-stale')).toContainText('Stale: the server is unreachable; these are its last values, from');
    await expect(page.getByRole('status').filter({ hasText: 'The live server is unreachable' })).toHaveCount(1);
  } finally {
    if (server.exitCode === null && server.signalCode === null) process.kill(-server.pid!, 'SIGKILL');
  }
});
