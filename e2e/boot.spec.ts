// How a prerendered page starts: its text is on screen before any script is asked for, keys pressed while
// its code loads are kept and acted on, and React takes over the page as the build drew it (no mismatch,
// focus and scroll untouched).

import { expect, test, type Page } from '@playwright/test';
import { everyRoute } from './support/routes.js';

const entryScript = /\/assets\/index-[^/]+\.js$/;

/** Holds the app's entry script back until `release()`: the page stays as the build drew it, without its code. */
async function holdTheCode(page: Page): Promise<{ release(): void }> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(entryScript, async (route) => {
    await released;
    await route.continue();
  });
  return { release };
}

function collectConsoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

test('no script is requested before the page has loaded and painted', async ({ page }) => {
  for (const path of ['/', '/lessons/websocket-handshake', '/labs/loop']) {
    await page.goto(path);
    await expect(page.locator('html')).toHaveAttribute('data-ready', '');
    const timing = await page.evaluate(() => {
      const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
      const paints = performance.getEntriesByType('paint').map((entry) => entry.startTime);
      const scripts = (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
        .filter((entry) => entry.name.endsWith('.js'))
        .map((entry) => entry.startTime);
      return { loaded: navigation!.loadEventEnd, painted: Math.max(...paints), firstScript: Math.min(...scripts), scripts: scripts.length };
    });
    expect(timing.scripts, path).toBeGreaterThan(0);
    expect(timing.firstScript, path).toBeGreaterThanOrEqual(timing.loaded);
    expect(timing.firstScript, path).toBeGreaterThanOrEqual(timing.painted);
  }
});

test('"/" and a word typed while the code is still loading open the search with that word', async ({ page }) => {
  const code = await holdTheCode(page);
  await page.goto('/lessons/http-request-response');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('HTTP request/response');
  await page.keyboard.press('/');
  await page.keyboard.type('ephemeral port');
  await expect(page.locator('html')).not.toHaveAttribute('data-ready');
  code.release();
  await expect(page.getByRole('combobox', { name: 'Search lessons and the glossary' })).toHaveValue('ephemeral port');
  await expect(page.getByRole('dialog', { name: 'Search' }).getByRole('option').first()).toBeVisible();
  await expect(page).toHaveURL(/\/lessons\/http-request-response$/);
});

test('n pressed while the code is still loading moves to the next lesson', async ({ page }) => {
  const code = await holdTheCode(page);
  await page.goto('/lessons/endpoints-and-layers');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Endpoints and layers');
  await page.keyboard.press('n');
  code.release();
  await expect(page).toHaveURL(/\/lessons\/http-request-response$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('HTTP request/response');
});

test('a button clicked while the code is still loading does what it says once the code is there', async ({ browser }) => {
  const context = await browser.newContext({ colorScheme: 'light' });
  const page = await context.newPage();
  const code = await holdTheCode(page);
  await page.goto('/lessons/endpoints-and-layers');
  await page.getByRole('button', { name: 'Switch to dark theme' }).click();
  await expect(page.locator('html')).not.toHaveAttribute('data-ready');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  code.release();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByRole('button', { name: 'Switch to light theme' })).toBeVisible();
  await context.close();
});

test('focus and scroll made before the code arrives stay where the reader put them', async ({ page }) => {
  const code = await holdTheCode(page);
  await page.goto('/lessons/websocket-handshake');
  await page.keyboard.press('Tab');
  const skipLink = page.getByRole('link', { name: 'Skip to content' });
  await expect(skipLink).toBeFocused();
  await page.evaluate(() => window.scrollTo(0, 900));
  const scrolled = await page.evaluate(() => window.scrollY);
  expect(scrolled).toBeGreaterThan(0);
  code.release();
  await expect(page.locator('html')).toHaveAttribute('data-ready', '');
  await expect(skipLink).toBeFocused();
  expect(await page.evaluate(() => window.scrollY)).toBe(scrolled);
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`every prerendered page is taken over as built, ${colorScheme} theme (no hydration error)`, async ({ browser }) => {
    test.setTimeout(120_000);
    const context = await browser.newContext({ colorScheme });
    const page = await context.newPage();
    const errors = collectConsoleErrors(page);
    for (const path of everyRoute) {
      await page.goto(path);
      await expect(page.locator('html')).toHaveAttribute('data-ready', '');
      await expect(page.getByRole('button', { name: `Switch to ${colorScheme === 'dark' ? 'light' : 'dark'} theme` })).toBeVisible();
      expect(errors, path).toEqual([]);
    }
    await context.close();
  });
}
