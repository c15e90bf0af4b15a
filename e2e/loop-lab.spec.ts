// The event-loop lab in real Chromium against the built server: a blocking job started in one page
// stalls the heartbeat of another page; the threadpool and ordering experiments run for real.

import { spawn } from 'node:child_process';
import { expect, test as base } from './support/test.js';

// These tests stall their server on purpose, so they get a server of their own (the same built
// server, on a free port): a stall must not leak into other spec files running beside them.
const test = base.extend<object, { labServerUrl: string }>({
  labServerUrl: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const server = spawn(process.execPath, ['apps/server/dist/main.js'], {
        env: { ...process.env, PORT: '0', HOST: '127.0.0.1' },
        detached: true,
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      try {
        const url = await new Promise<string>((resolve, reject) => {
          server.stdout!.on('data', (chunk: Buffer) => {
            const match = /running at (\S+)/.exec(String(chunk));
            if (match) resolve(match[1]!);
          });
          server.once('exit', (code) => reject(new Error(`the lab's server exited with ${code}`)));
        });
        await use(url);
      } finally {
        process.kill(-server.pid!, 'SIGTERM');
      }
    },
    { scope: 'worker' },
  ],
  baseURL: async ({ labServerUrl }, use) => use(labServerUrl),
});

// One server for the whole file: a blocking job would stall a test running beside it, so run in order.
test.describe.configure({ mode: 'default' });

test('a blocking job in one page shows as a heartbeat gap in another', async ({ browser }) => {
  const context = await browser.newContext();
  const watcher = await context.newPage();
  const blocker = await context.newPage();
  await watcher.goto('/labs/loop');
  await blocker.goto('/labs/loop');
  await expect(watcher.getByTestId('heartbeat-status')).toHaveText('ticking');
  // A page load on a busy machine may already have cost a tick or two; no gap is near a second yet.
  await expect(watcher.getByTestId('heartbeat-largest-gap')).toHaveText(/^(—|\d{1,3} ms)$/);

  await blocker.getByRole('radio', { name: 'blocking' }).check();
  await blocker.getByLabel('Duration').fill('1500');
  await expect(blocker.getByTestId('lab-duration-value')).toHaveText('1500 ms');
  await blocker.getByRole('button', { name: 'Run job' }).click();
  // While the job runs, the other page sees the silence as it happens…
  await expect(watcher.getByTestId('heartbeat-status')).toHaveText('server silent');

  await expect(blocker.getByTestId('lab-result-lag')).toHaveText(/^1[3-7]\d\d\.\d ms$/, { timeout: 10_000 });
  // …and afterwards keeps the gap: for the length of the job, about 14 ticks never came.
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
  // Async jobs are a fixed amount of CPU work: on a machine whose cores are shared with many other
  // programs, two waves of them take many times their durationMs.
  test.setTimeout(120_000);
  await page.goto('/labs/loop');
  const timeline = page.getByRole('figure', { name: 'Threadpool timeline' });
  await timeline.getByRole('button', { name: 'Run 8 async jobs' }).click();
  const asyncJobs = timeline.locator('[data-testid="timeline-job"][data-mode="async"]');
  await expect(asyncJobs).toHaveCount(8);
  await expect(timeline.getByRole('button', { name: 'Run 8 async jobs' })).toBeEnabled({ timeout: 100_000 });
  await expect(asyncJobs.and(page.locator('[data-waited="true"]'))).toHaveCount(4);
  // The timeline keeps 20 s: on a loaded machine the first wave may already have left it.
  const drawn = await asyncJobs.count();
  expect(drawn).toBeGreaterThanOrEqual(4);
  await expect(asyncJobs.and(page.locator('[data-lane^="libuv:"]'))).toHaveCount(drawn);
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

  // Dragging works too: in the I/O experiment, drag the readFile callback to the top.
  await predictor.getByRole('button', { name: 'setTimeout(0) vs setImmediate inside an I/O callback' }).click();
  const items = predictor.getByTestId('order-prediction').getByRole('listitem');
  await items.filter({ hasText: 'readFile callback' }).dragTo(items.first());
  await expect(items.first()).toHaveAccessibleName('1: readFile callback');
});

test('lesson 9: stall the server from the lesson, and the live challenge checks it', async ({ page }) => {
  await page.goto('/lessons/blocking-the-line#one-slow-handler');
  const lab = page.getByTestId('loop-lab').first();
  await lab.getByRole('radio', { name: 'blocking' }).check();
  await lab.getByLabel('Duration').fill('700');
  await lab.getByRole('button', { name: 'Run job' }).click();
  const lag = (await lab.getByTestId('lab-result-lag').textContent({ timeout: 10_000 }))!.replace(' ms', '');
  expect(Number(lag)).toBeGreaterThanOrEqual(500);

  const challenge = page.getByTestId('challenge-stall-500');
  await challenge.getByLabel('Your answer').fill('12');
  await challenge.getByRole('button', { name: 'Check' }).click();
  await expect(challenge.getByRole('status')).toContainText('now type the worst loop lag');
  await challenge.getByLabel('Your answer').fill(lag);
  await challenge.getByRole('button', { name: 'Check' }).click();
  await expect(challenge.getByRole('status')).toContainText('Right');
});

test('the process view: one pid, threads named by role, libuv threads busy during async jobs, the simulator as a child', async ({ page, request }) => {
  test.setTimeout(150_000);
  await page.goto('/labs/loop');
  const view = page.getByTestId('process-view');
  await expect(view.getByTestId('process-summary')).toContainText(/One process, pid \d+, with \d+ threads right now/);
  await expect(view.getByTestId('process-group-main').getByTestId('process-thread')).toHaveCount(1);
  await expect(view.getByTestId('process-group-libuv').getByTestId('process-thread')).toHaveCount(4);
  expect(await view.getByTestId('process-group-worker').getByTestId('process-thread').count()).toBeGreaterThanOrEqual(2);
  expect(await view.getByTestId('process-group-helper').getByTestId('process-thread').count()).toBeGreaterThan(0);

  // Four async jobs keep the four pool threads running; a reading during them shows all four so.
  // (Their CPU share depends on how many other programs want the cores; their state does not.)
  await view.getByRole('button', { name: 'Run 4 async jobs (2 s)' }).click();
  await expect(view.locator('[data-role="libuv"][data-state="R"]')).toHaveCount(4, { timeout: 15_000 });
  await expect(view.locator('[data-role="libuv"][data-state="R"]').first()).toContainText('running');

  await expect(view.getByTestId('process-children-none')).toBeVisible();
  const started = await request.post('/api/devices/simulator', { data: { count: 2 } });
  expect(started.status()).toBe(202);
  const { pid } = (await started.json()) as { pid: number };
  try {
    await expect(view.getByTestId('process-children')).toContainText(`pid ${pid} device simulator`);
  } finally {
    await request.delete('/api/devices/simulator');
  }
  await expect(view.getByTestId('process-children-none')).toBeVisible();
  // The jobs hold the threadpool, where the server also reads the files it serves: let them end
  // before the next test loads a page from this server.
  await expect(view.getByRole('button', { name: 'Run 4 async jobs (2 s)' })).toBeEnabled({ timeout: 100_000 });
});

test('lesson 10 shows the process view where it teaches threads in a process', async ({ page }) => {
  await page.goto('/lessons/worker-threads#threads-in-a-process');
  // A lesson page loads its widgets lazily: give a loaded machine time.
  await expect(page.getByTestId('process-view').getByTestId('process-summary')).toContainText('One process, pid', { timeout: 15_000 });
});
