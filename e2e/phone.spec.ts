// Every route at 390 × 844 (a phone): the page never scrolls sideways and the navigation is usable.

import { expect, test, type Page } from './support/test.js';
import { everyRoute } from './support/routes.js';

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
// Pages with live widgets connect and settle slowly when the machine is busy.
test.setTimeout(60_000);
const connected = { timeout: 20_000 };

/** The outermost elements sticking out past the right edge (not those inside a box that scrolls), to say where. */
function overflowingElements(page: Page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const clipsX = (element: Element) => getComputedStyle(element).overflowX !== 'visible';
    const insideClippingBox = (element: Element) => {
      for (let parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
        if (clipsX(parent)) return true;
      }
      return false;
    };
    return Array.from(document.querySelectorAll('body *'))
      .filter((element) => element.getBoundingClientRect().right > width + 0.5 && !insideClippingBox(element))
      .slice(0, 5)
      .map((element) => `${element.tagName.toLowerCase()}.${Array.from(element.classList).join('.')} → ${Math.round(element.getBoundingClientRect().right)} px`);
  });
}

for (const route of everyRoute) {
  test(`${route} does not scroll sideways at 390 px`, async ({ page }) => {
    await page.goto(route);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByTestId('connection-badge')).toHaveAttribute('data-phase', 'open', connected);
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
    }));
    expect(scrollWidth, `sticking out: ${(await overflowingElements(page)).join(', ')}`).toBeLessThanOrEqual(clientWidth);
  });
}

test('on a phone the header collapses into a menu that reaches every page', async ({ page }) => {
  await page.goto('/');
  const menuButton = page.getByRole('button', { name: 'Menu' });
  await expect(menuButton).toHaveAttribute('aria-expanded', 'false');
  await menuButton.click();
  await expect(menuButton).toHaveAttribute('aria-expanded', 'true');
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Inspector' }).click();
  await expect(page).toHaveURL(/\/inspector$/);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(menuButton).toHaveAttribute('aria-expanded', 'false');
  for (const name of ['Curriculum', 'Inspector', 'Loop lab', 'Transports', 'Security', 'Fan-out', 'Glossary']) {
    await menuButton.click();
    const link = nav.getByRole('link', { name });
    await expect(link).toBeInViewport({ ratio: 1 });
    await page.keyboard.press('Escape');
    await expect(menuButton).toHaveAttribute('aria-expanded', 'false');
  }
});

test('on a phone the search button is a labelled icon big enough to tap', async ({ page }) => {
  await page.goto('/');
  const search = page.getByRole('button', { name: 'Search' });
  const box = await search.boundingBox();
  expect(box!.width).toBeGreaterThanOrEqual(44);
  expect(box!.height).toBeGreaterThanOrEqual(44);
  await expect(search.locator('svg')).toBeVisible();
});
