// axe-core (WCAG 2.1 A and AA rules) on every route, in the light and the dark theme: zero violations.
// One page load per route: axe runs in the light theme, then the learner's own theme button switches
// to dark and axe runs again once no transition is still fading a colour.

import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from './support/test.js';
import { everyRoute } from './support/routes.js';

const wcag21aa = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

async function violations(page: Page) {
  const { violations: found } = await new AxeBuilder({ page }).withTags(wcag21aa).analyze();
  return found.map((violation) => ({
    rule: violation.id,
    help: violation.help,
    targets: violation.nodes.map((node) => node.target.join(' ')),
  }));
}

test.use({ colorScheme: 'light' });

for (const route of everyRoute) {
  test(`axe finds no WCAG 2.1 AA violation on ${route}, light and dark`, async ({ page }) => {
    // A long lesson with live widgets takes axe a while on a busy machine, twice.
    test.setTimeout(120_000);
    await page.goto(route);
    const html = page.locator('html');
    await expect(html).toHaveAttribute('data-theme', 'light');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByTestId('connection-badge')).toHaveAttribute('data-phase', 'open', { timeout: 20_000 });
    expect(await violations(page), 'light theme').toEqual([]);

    await page.getByRole('button', { name: 'Switch to dark theme' }).click();
    await expect(html).toHaveAttribute('data-theme', 'dark');
    await expect.poll(() => page.evaluate(() => document.getAnimations().filter((animation) => animation instanceof CSSTransition).length)).toBe(0);
    expect(await violations(page), 'dark theme').toEqual([]);
  });
}
