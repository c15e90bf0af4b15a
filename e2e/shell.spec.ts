// The app shell in a real browser against the built server: navigation, deep links, history, live badge.

import { expect, test, type Page } from './support/test.js';

function collectConsoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

test('home → first lesson through the sidebar, reload on the deep link, then back', async ({ page }) => {
  const errors = collectConsoleErrors(page);
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('How real-time web servers really work');
  await expect(page.getByTestId('connection-badge')).toHaveAttribute('data-phase', 'open');

  await page.getByRole('navigation', { name: 'Lessons' }).getByRole('link', { name: /Endpoints and layers/ }).click();
  await expect(page).toHaveURL(/\/lessons\/endpoints-and-layers$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Endpoints and layers');
  await expect(page.getByRole('heading', { name: 'You will learn' })).toBeVisible();

  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Endpoints and layers');
  await expect(page.getByRole('heading', { name: 'The layers' })).toBeVisible();

  await page.goBack();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('heading', { name: 'Curriculum' })).toBeVisible();
  expect(errors).toEqual([]);
});

test('the endpoint probe shows the same server port over HTTP and over WebSocket', async ({ page, baseURL }) => {
  const port = new URL(baseURL!).port;
  await page.goto('/lessons/endpoints-and-layers#sockets');
  const probe = page.getByRole('figure', { name: 'Endpoint probe' }).first();
  await probe.getByRole('button', { name: 'Ask over HTTP' }).click();
  await probe.getByRole('button', { name: 'Ask over WebSocket' }).click();
  const serverSides = probe.getByTestId('server-side');
  await expect(serverSides).toHaveCount(2);
  await expect(serverSides.nth(0)).toHaveText(`127.0.0.1:${port}`);
  await expect(serverSides.nth(1)).toHaveText(`127.0.0.1:${port}`);
});

test('a live challenge is checked against the real server, and only after the learner did the experiment', async ({ page, baseURL }) => {
  await page.goto('/lessons/endpoints-and-layers');
  const challenge = page.getByTestId('challenge-find-the-port');
  // The port is in the URL bar; knowing it is not doing it.
  await challenge.getByLabel('Your answer').fill(new URL(baseURL!).port);
  await challenge.getByRole('button', { name: 'Check' }).click();
  await expect(challenge.getByRole('status')).toContainText('No WebSocket from the probe');
  const probe = page.getByRole('figure', { name: 'Endpoint probe' }).first();
  await probe.getByRole('button', { name: 'Ask over WebSocket' }).click();
  await expect(probe.getByTestId('server-side')).toHaveCount(1);
  await challenge.getByLabel('Your answer').fill('1');
  await challenge.getByRole('button', { name: 'Check' }).click();
  await expect(challenge.getByRole('status')).toContainText('Not that one');
  await challenge.getByLabel('Your answer').fill(new URL(baseURL!).port);
  await challenge.getByRole('button', { name: 'Check' }).click();
  await expect(challenge.getByRole('status')).toContainText('Right');
});

test('an unknown page and an unknown lesson show a 404 inside the app', async ({ page }) => {
  await page.goto('/no/such/page');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('There is no such page');
  await page.goto('/lessons/no-such-lesson');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('There is no such lesson');
});

test('the theme toggle switches to dark and is remembered', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/');
  await page.getByRole('button', { name: 'Switch to dark theme' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});
