// The security and fan-out labs in a real browser against the built server: the CSWSH demo runs in
// Chromium from a page on another port, the limits close with their documented codes, a fleet answers.

import { expect, test, type Page } from './support/test.js';

function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

test('CSWSH: the foreign page is blocked (403) on /ws and Socket.IO, and reads the unguarded demo endpoint', async ({ page, baseURL }) => {
  const foreignPort = Number(new URL(baseURL!).port) + 1;
  const errors = collectPageErrors(page);
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Security' }).click();
  await expect(page).toHaveURL(/\/labs\/security$/);

  await page.getByRole('button', { name: 'Run the foreign page' }).click();
  const results = page.getByTestId('cswsh-results');
  await expect(results.locator('tr[data-target="ws"]')).toContainText('blocked (403)');
  await expect(results.locator('tr[data-target="socket.io"]')).toContainText('blocked (403)');
  await expect(results.locator('tr[data-target="demo"]')).toContainText('opened: feed read');
  await expect(results.locator('tr[data-target="demo"]')).toContainText('your cookie rode along');
  await expect(page.frameLocator('iframe.lab-frame').getByRole('heading')).toContainText(`:${foreignPort}`);
  expect(errors).toEqual([]);
});

test('the server knows this page’s own Socket.IO connection, and limits close with 1009 and 1008', async ({ page }) => {
  await page.goto('/labs/security');
  await expect(page.getByTestId('known-connections').locator('tr[data-yours]').first()).toContainText('socket.io');

  const limits = page.getByRole('figure', { name: 'Size and rate limits' });
  await limits.getByRole('button', { name: 'Open /ws/limited' }).click();
  await expect(page.getByTestId('limits-status')).toContainText('open');
  await limits.getByRole('button', { name: 'Send one message 1 byte over the limit' }).click();
  await expect(page.getByTestId('limits-status')).toContainText('closed by the server: 1009');

  await limits.getByRole('button', { name: 'Open /ws/limited' }).click();
  await expect(page.getByTestId('limits-status')).toContainText('open');
  await limits.getByRole('button', { name: /Send 200 messages at once/ }).click();
  await expect(page.getByTestId('limits-status')).toContainText('closed by the server: 1008');

  await limits.getByRole('button', { name: /Open 6 connections/ }).click();
  await expect(page.getByTestId('limits-connections')).toContainText('connection 6: refused 429');
});

test('tokens: no token → connect_error, a valid one connects; a reused ticket → 401', async ({ page }) => {
  await page.goto('/labs/security');
  const tokens = page.getByRole('figure', { name: 'Token authentication' });
  await tokens.getByRole('button', { name: 'No token' }).click();
  await expect(page.getByTestId('token-status')).toContainText('connect_error: token_missing');
  await tokens.getByRole('button', { name: 'Valid token' }).click();
  await expect(page.getByTestId('token-status')).toContainText('connected to /secure');
  await tokens.getByRole('button', { name: 'Send 120 events at once' }).click();
  await expect(tokens).toContainText('The server dropped events over 50/s');
  await tokens.getByRole('button', { name: 'Send a 1.1 MB event' }).click();
  await expect(page.getByTestId('token-status')).toContainText('disconnected (transport close)');

  await tokens.getByRole('button', { name: 'Fetch a ticket, then open' }).click();
  await expect(page.getByTestId('ticket-status')).toContainText('open');
  await tokens.getByRole('button', { name: 'Reuse the same ticket' }).click();
  await expect(page.getByTestId('ticket-status')).toContainText('refused');
  await tokens.getByRole('button', { name: 'Ask the server why' }).click();
  await expect(tokens).toContainText('401: Ticket refused: This ticket was already used');
});

test('fan-out: a fleet of 20 registers, a broadcast collects 20 acks with percentiles, chat rooms stay apart', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Fan-out' }).click();
  await page.getByLabel('Simulated devices (1–1000)').fill('20');
  await page.getByRole('button', { name: 'Start fleet' }).click();
  await expect(page.getByTestId('fleet-count')).toHaveText('20 devices registered', { timeout: 15_000 });

  await page.getByRole('button', { name: 'Broadcast', exact: true }).click();
  const stats = page.getByTestId('broadcast-stats');
  await expect(stats).toContainText('20/20');
  await expect(stats).toContainText('p99');

  const a = page.getByRole('region', { name: 'Chat client A' });
  const b = page.getByRole('region', { name: 'Chat client B' });
  await a.getByRole('button', { name: 'Join chat' }).click();
  await b.getByRole('button', { name: 'Join chat' }).click();
  await a.getByRole('textbox', { name: 'Message' }).fill('dock B is free');
  await a.getByRole('button', { name: 'Send' }).click();
  await expect(b.getByRole('list', { name: 'Messages in lobby' })).toContainText('Ada: dock B is free');
  await b.getByRole('combobox', { name: 'Room' }).selectOption('drivers');
  await a.getByRole('textbox', { name: 'Message' }).fill('only the lobby hears this');
  await a.getByRole('button', { name: 'Send' }).click();
  await expect(a.getByRole('list', { name: 'Messages in lobby' })).toContainText('only the lobby hears this');
  await expect(b.getByRole('list', { name: 'Messages in drivers' })).not.toContainText('only the lobby hears this');

  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(page.getByTestId('fleet-count')).toHaveText('0 devices registered', { timeout: 15_000 });
});
