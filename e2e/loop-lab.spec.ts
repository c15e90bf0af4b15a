// The event-loop lab in real Chromium against the built server: a blocking job started in one page
// stalls the heartbeat of another page; the threadpool and ordering experiments run for real.

import { expect, test } from '@playwright/test';

// One server for the whole file: a blocking job would stall a test running beside it, so run in order.
test.describe.configure({ mode: 'default' });

test('a blocking job in one page shows as a heartbeat gap in another', async ({ browser }) => {
  const context = await browser.newContext();
  const watcher = await context.newPage();
  const blocker = await context.newPage();
  await watcher.goto('/labs/loop');
  await blocker.goto('/labs/loop');
  await expect(watcher.getByTestId('heartbeat-status')).toHaveText('ticking');
  await expect(watcher.getByTestId('heartbeat-missed')).toHaveText('0');

  await blocker.getByRole('radio', { name: 'blocking' }).check();
  await blocker.getByLabel('Duration').fill('1500');
  await expect(blocker.locator('output[for="lab-duration"]')).toHaveText('1500 ms');
  await blocker.getByRole('button', { name: 'Run job' }).click();

  await expect(blocker.getByTestId('lab-result-lag')).toHaveText(/^1[3-7]\d\d\.\d ms$/, { timeout: 10_000 });
  // The other page heard nothing for the length of the job: about 14 ticks never came.
  await expect(watcher.getByTestId('heartbeat-missed')).not.toHaveText('0');
  const missed = Number(await watcher.getByTestId('heartbeat-missed').textContent());
  expect(missed).toBeGreaterThanOrEqual(10);
  await expect(watcher.getByTestId('heartbeat-largest-gap')).toHaveText(/^1[4-9]\d\d ms$/);
  await expect(watcher.getByTestId('heartbeat-status')).toHaveText('ticking');
  await context.close();
});

test('a worker job of the same length leaves the heartbeat alone', async ({ page }) => {
  await page.goto('/labs/loop');
  await expect(page.getByTestId('heartbeat-status')).toHaveText('ticking');
  await page.getByRole('radio', { name: 'worker' }).check();
  await page.getByLabel('Duration').fill('1500');
  await page.getByRole('button', { name: 'Run job' }).click();
  await expect(page.getByTestId('lab-run-state')).toHaveText('done', { timeout: 10_000 });
  // The same job as blocking costs about 1500 ms of lag and 14 missed ticks; the margins below
  // only absorb a busy machine delaying timers.
  expect(Number((await page.getByTestId('lab-result-lag').textContent())!.replace(' ms', ''))).toBeLessThan(500);
  expect(Number(await page.getByTestId('heartbeat-missed').textContent())).toBeLessThan(5);
});

test('8 async jobs: 4 on the libuv threads, 4 wait', async ({ page }) => {
  await page.goto('/labs/loop');
  const timeline = page.getByRole('figure', { name: 'Threadpool timeline' });
  await timeline.getByRole('button', { name: 'Run 8 async jobs' }).click();
  const asyncJobs = timeline.locator('[data-testid="timeline-job"][data-mode="async"]');
  await expect(asyncJobs).toHaveCount(8);
  await expect(timeline.getByRole('button', { name: 'Run 8 async jobs' })).toBeEnabled({ timeout: 15_000 });
  await expect(asyncJobs.and(page.locator('[data-waited="true"]'))).toHaveCount(4);
  await expect(asyncJobs.and(page.locator('[data-lane^="libuv:"]'))).toHaveCount(8);
});

test('predict the order with the keyboard, run it, and see the diff explained', async ({ page }) => {
  await page.goto('/labs/loop');
  const predictor = page.getByRole('figure', { name: 'Predict the order' });
  await predictor.getByRole('button', { name: 'process.nextTick vs a promise' }).click();
  // Written order is promise, nextTick, sync; move sync to the top with Alt+↑ twice.
  const sync = predictor.getByRole('listitem', { name: /: sync$/ });
  await sync.focus();
  await page.keyboard.press('Alt+ArrowUp');
  await page.keyboard.press('Alt+ArrowUp');
  await expect(predictor.getByTestId('order-prediction').getByRole('listitem').first()).toHaveAccessibleName('1: sync');
  await predictor.getByRole('button', { name: 'Run on the server' }).click();
  await expect(predictor.getByTestId('order-observed').getByRole('listitem')).toHaveText([/sync/, /nextTick/, /promise/]);
  const verdict = predictor.getByTestId('order-verdict');
  await expect(verdict).toContainText('2 of 3 in a different place');
  await expect(verdict).toContainText('process.nextTick callbacks run as soon as the current callback returns');
});
