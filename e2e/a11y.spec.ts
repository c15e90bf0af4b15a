// axe-core (WCAG 2.1 A and AA rules) on every route, in the light and the dark theme: zero violations.

import { AxeBuilder } from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { everyRoute } from './support/routes.js';

const wcag21aa = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

for (const theme of ['light', 'dark'] as const) {
  test.describe(`${theme} theme`, () => {
    test.use({ colorScheme: theme });
    for (const route of everyRoute) {
      test(`axe finds no WCAG 2.1 AA violation on ${route}`, async ({ page }) => {
        // A long lesson with live widgets takes axe a while on a busy machine.
        test.setTimeout(90_000);
        await page.goto(route);
        await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        await expect(page.getByTestId('connection-badge')).toHaveAttribute('data-phase', 'open', { timeout: 20_000 });
        const { violations } = await new AxeBuilder({ page }).withTags(wcag21aa).analyze();
        const summary = violations.map((violation) => ({
          rule: violation.id,
          help: violation.help,
          targets: violation.nodes.map((node) => node.target.join(' ')),
        }));
        expect(summary).toEqual([]);
      });
    }
  });
}
