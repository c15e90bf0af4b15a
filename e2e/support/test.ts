// Playwright's `test` and `expect`, with a page whose goto and reload return once the app is ready
// (`<html data-ready>`): a prerendered page is on screen before its code runs, and a test acts as a
// learner who waits for it. Keys pressed before then are kept for the app (e2e/boot.spec.ts covers that,
// on Playwright's own page). Pass `waitUntil` to goto for the page as it first arrives.

import { expect, test as base, type Page } from '@playwright/test';

/** Returns once the page's app runs: for a page a test opens itself (the `page` fixture's goto waits already). */
export async function appReady(page: Page): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('data-ready', '', { timeout: 20_000 });
}

export const test = base.extend({
  page: async ({ page }, use) => {
    const untilReady = () => appReady(page);
    const goto = page.goto.bind(page);
    page.goto = async (url, options) => {
      const response = await goto(url, options);
      if (!options?.waitUntil) await untilReady();
      return response;
    };
    const reload = page.reload.bind(page);
    page.reload = async (options) => {
      const response = await reload(options);
      if (!options?.waitUntil) await untilReady();
      return response;
    };
    await use(page);
  },
});

export { expect };
export type { Browser, BrowserContext, Locator, Page } from '@playwright/test';
