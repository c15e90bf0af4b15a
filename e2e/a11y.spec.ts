// axe-core (WCAG 2.1 A and AA rules) on every route, in the light and the dark theme: zero violations.
// One page per route: checked in the light theme, switched to dark with the header's toggle, checked again.

import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
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
    // A long lesson with live widgets takes axe a while on a busy machine.
    test.setTimeout(90_000);
    await page.goto(route);
    const html = page.locator('html');
    await expect(html).toHaveAttribute('data-theme', 'light');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByTestId('connection-badge')).toHaveAttribute('data-phase', 'open', { timeout: 20_000 });
    expect(await violations(page), 'light theme').toEqual([]);

    await page.getByRole('button', { name: 'Switch to dark theme' }).click();
    await expect(html).toHaveAttribute('data-theme', 'dark');
    // Colours that move between the themes must have arrived before contrast is measured.
    await page.evaluate(() => Promise.all(document.getAnimations().filter((animation) => animation instanceof CSSTransition).map((animation) => animation.finished.catch(() => undefined))));
    expect(await violations(page), 'dark theme').toEqual([]);
  });
}
