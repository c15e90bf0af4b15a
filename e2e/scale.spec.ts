// Lesson 13's first three experiments in Chromium against the built server: a real cluster on a
// second port, six real Socket.IO clients in the page. The lab's cluster is one per server: serial.

import { expect, test, type Page } from './support/test.js';

test.describe.configure({ mode: 'serial' });

// The cluster's processes would otherwise idle on the shared e2e server while other specs run.
test.afterAll(async ({ request }) => {
  await request.delete('/api/scale');
});

async function startCluster(page: Page, settings: { workers: string; balancing: string; adapter: string; transports: string }) {
  const lab = page.getByRole('figure', { name: 'Scale lab' });
  await lab.getByRole('combobox', { name: 'Workers' }).selectOption(settings.workers);
  await lab.getByRole('combobox', { name: 'Balancing' }).selectOption(settings.balancing);
  await lab.getByRole('combobox', { name: 'Adapter' }).selectOption(settings.adapter);
  await lab.getByRole('combobox', { name: 'Transports' }).selectOption(settings.transports);
  await lab.getByRole('button', { name: /(Start|Restart) the cluster/ }).click();
  // The server answers once every worker serves: stopping one cluster and forking another takes seconds on a busy machine.
  await expect(lab.getByTestId('cluster-summary')).toContainText(`${settings.workers} workers · ${settings.balancing}`, { timeout: 20_000 });
  return lab;
}

/** Six handshakes to a cluster just (re)started: a client that times out retries, which takes seconds under load. */
async function allOpen(page: Page) {
  for (let index = 1; index <= 6; index++) {
    await expect(page.getByTestId(`scale-client-${index}`).getByTestId('client-state')).toHaveText('open', { timeout: 20_000 });
  }
}

async function workerPids(page: Page): Promise<Set<string>> {
  const pids = new Set<string>();
  for (let index = 1; index <= 6; index++) pids.add(await page.getByTestId(`scale-client-${index}`).getByTestId('client-pid').innerText());
  return pids;
}

test('experiment 1: with the in-memory adapter a broadcast reaches only the sender’s worker — 3 of 6', async ({ page }) => {
  await page.goto('/labs/scale');
  const lab = await startCluster(page, { workers: '2', balancing: 'sticky', adapter: 'memory', transports: 'default' });
  await allOpen(page);
  expect((await workerPids(page)).size).toBe(2);
  await lab.getByRole('button', { name: 'Broadcast from client 1' }).click();
  const verdict = lab.getByTestId('broadcast-verdict');
  await expect(verdict).toHaveAttribute('data-settled', 'true');
  await expect(verdict).toHaveText('3 of 6 received');
  await expect(lab.locator('.scale-client--missed')).toHaveCount(3);
  const senderPid = await page.getByTestId('scale-client-1').getByTestId('client-pid').innerText();
  for (let index = 1; index <= 6; index++) {
    const client = page.getByTestId(`scale-client-${index}`);
    const sameWorker = (await client.getByTestId('client-pid').innerText()) === senderPid;
    await expect(client.getByTestId('client-received')).toContainText(sameWorker ? 'received in' : 'missed the broadcast');
  }
  // Sticky: no request of any client was refused, the upgrade included.
  for (let index = 1; index <= 6; index++) await expect(page.getByTestId(`scale-client-${index}`).getByTestId('client-failures')).toHaveText('0');
});

test('lesson 13: the lab is live in the lesson, and the learner’s own broadcast answers its challenges', async ({ page }) => {
  await page.goto('/lessons/beyond-one-server#the-lab');
  const lab = await startCluster(page, { workers: '2', balancing: 'sticky', adapter: 'memory', transports: 'websocket' });
  await allOpen(page);
  await lab.getByRole('button', { name: 'Broadcast from client 1' }).click();
  await expect(lab.getByTestId('broadcast-verdict')).toHaveAttribute('data-settled', 'true');
  await expect(lab.getByTestId('broadcast-verdict')).toHaveText('3 of 6 received');

  const heard = page.getByTestId('challenge-who-hears-it');
  await heard.getByRole('textbox').fill('3');
  await heard.getByRole('button', { name: 'Check' }).click();
  await expect(heard.getByRole('status')).toContainText('Right: 3 of your clients');

  const pid = await page.getByTestId('scale-client-4').getByTestId('client-pid').innerText();
  const worker = page.getByTestId('challenge-which-worker');
  await worker.getByRole('textbox').fill(pid);
  await worker.getByRole('button', { name: 'Check' }).click();
  await expect(worker.getByRole('status')).toContainText(`Right: worker ${pid}`);
});

test('experiment 2: without stickiness polling fails with 400 Session ID unknown, shown byte for byte; WebSocket only works', async ({ page }) => {
  await page.goto('/labs/scale');
  const lab = await startCluster(page, { workers: '2', balancing: 'round-robin', adapter: 'memory', transports: 'default' });
  // Each request is a new connection dealt to the next worker, so a client's POST or poll soon lands
  // on the worker that never saw its session. Any one client may get lucky (its POST and upgrade both
  // reach the right worker, then WebSocket keeps it there); all six getting lucky is a 1-in-4,000 event.
  const failing = page.getByTestId('client-failures').filter({ hasNotText: /^0$/ });
  await expect(failing).not.toHaveCount(0, { timeout: 15_000 });
  await lab.getByRole('button', { name: 'Read the cluster’s captures' }).click();
  const refused = lab.getByTestId('refused-exchange');
  await expect(refused).toContainText('HTTP/1.1 400 Bad Request');
  // The first refusal may be a polling request (a JSON body: {"code":1,"message":"Session ID unknown"})
  // or the WebSocket upgrade (a plain-text body): both are the worker's own bytes.
  await expect(refused).toContainText('Session ID unknown');

  await lab.getByRole('combobox', { name: 'Transports' }).selectOption('websocket');
  await allOpen(page);
  expect((await workerPids(page)).size).toBe(2);

  // The same refusal is among the learner's own captures in the inspector, with the worker that recorded it.
  await page.goto('/inspector');
  const refusedRow = page.getByRole('button', { name: /\/socket\.io\/\?EIO=4.*400 · / }).first();
  await expect(refusedRow).toBeVisible();
  await refusedRow.click();
  const detail = page.getByTestId('capture-detail');
  await expect(detail).toContainText('HTTP/1.1 400 Bad Request');
  await expect(detail).toContainText('Session ID unknown');
  await expect(detail).toContainText(/Recorded by worker pid \d+ of the scale lab's cluster/);
});

test('experiment 3: with the cluster adapter every client receives; latency is measured', async ({ page }) => {
  await page.goto('/labs/scale');
  const lab = await startCluster(page, { workers: '2', balancing: 'sticky', adapter: 'cluster', transports: 'default' });
  await allOpen(page);
  await lab.getByRole('button', { name: 'Broadcast from client 1' }).click();
  await expect(lab.getByTestId('broadcast-verdict')).toHaveText('6 of 6 received');
  await expect(lab.locator('.scale-client--missed')).toHaveCount(0);
  await lab.getByRole('button', { name: /Measure latency/ }).click();
  const row = lab.getByTestId('latency-table').getByRole('row', { name: /2 workers, cluster adapter/ });
  await expect(row).toContainText(/\d+\.\d ms/);
  await expect(row.getByRole('cell').nth(3)).toHaveText('120');
});

test('experiment 6: blocking one worker stalls only the clients on it, measured; the lesson checks the learner’s own count', async ({ page }) => {
  // A lesson page, a cluster, six handshakes, a 1.5 s block and a live check: 30 s is too tight on a busy machine.
  test.setTimeout(60_000);
  await page.goto('/lessons/beyond-one-server#the-lab');
  const lab = await startCluster(page, { workers: '2', balancing: 'sticky', adapter: 'memory', transports: 'websocket' });
  await allOpen(page);
  const neighbour = lab.getByRole('region', { name: 'The noisy neighbour' });
  const block = neighbour.getByRole('button', { name: 'Block it for 1.5 s' });
  // Predict first: the run waits for a prediction.
  await expect(block).toBeDisabled();
  await neighbour.getByRole('radio', { name: 'Only the clients on that worker stall' }).check();
  const blockedPid = await page.getByTestId('scale-client-1').getByTestId('client-pid').innerText();
  await expect(neighbour.getByRole('combobox', { name: 'Worker to block' })).toHaveValue(blockedPid);
  await block.click();
  await expect(neighbour.getByTestId('neighbour-summary')).toHaveText(`3 of 6 clients stalled: exactly the ones on pid ${blockedPid}. As you predicted.`, {
    timeout: 20_000,
  });
  for (let index = 1; index <= 6; index++) {
    const row = neighbour.getByTestId(`neighbour-client-${index}`);
    const onBlocked = (await row.getByTestId('neighbour-pid').innerText()) === blockedPid;
    await expect(row.getByTestId('neighbour-verdict')).toHaveText(onBlocked ? 'stalled' : 'answered');
  }
  await expect(neighbour.getByTestId('neighbour-explain')).toContainText(`froze the loop of pid ${blockedPid} only`);

  const challenge = page.getByTestId('challenge-noisy-neighbour');
  await challenge.getByRole('textbox').fill('3');
  await challenge.getByRole('button', { name: 'Check' }).click();
  await expect(challenge.getByRole('status')).toContainText(`Right: worker ${blockedPid} held 3 of your clients`);
});
