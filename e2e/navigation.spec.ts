// Finding one's way: search ("/" and Ctrl+K), keyboard shortcuts that leave typing alone, the
// glossary page and the term links in lesson text, deep links to a section.

import { expect, test } from './support/test.js';

test('"/" opens search; arrows and Enter open a section by its deep link', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('/');
  const search = page.getByRole('combobox', { name: 'Search lessons and the glossary' });
  await expect(search).toBeFocused();
  await search.fill('ephemeral');
  const results = page.getByRole('listbox', { name: 'Results' }).getByRole('option');
  await expect(results.first()).toBeVisible();
  await expect(page.getByRole('dialog', { name: 'Search' }).getByRole('status')).toContainText('result');
  const sockets = results.filter({ hasText: 'A socket is an address and a port' });
  await expect(sockets).toHaveCount(1);
  const position = await results.evaluateAll((options) =>
    options.findIndex((option) => option.textContent?.includes('A socket is an address and a port')),
  );
  for (let step = 0; step < position; step++) await search.press('ArrowDown');
  await expect(sockets).toHaveAttribute('aria-selected', 'true');
  await search.press('Enter');
  await expect(page).toHaveURL(/\/lessons\/endpoints-and-layers#sockets$/);
  await expect(page.getByRole('dialog', { name: 'Search' })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'A socket is an address and a port' })).toBeInViewport();
});

test('typing straight after "/" on a fresh page is kept, not taken as shortcuts', async ({ page }) => {
  await page.goto('/lessons/http-request-response');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('HTTP request/response');
  await page.keyboard.press('/');
  await page.keyboard.type('ephemeral port');
  await expect(page.getByRole('combobox', { name: 'Search lessons and the glossary' })).toHaveValue('ephemeral port');
  await expect(page.getByRole('dialog', { name: 'Search' }).getByRole('option').first()).toBeVisible();
  await expect(page).toHaveURL(/\/lessons\/http-request-response$/);
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByRole('combobox', { name: 'Search lessons and the glossary' })).toHaveValue('');
});

test('Ctrl+K searches the glossary too; Esc closes and nothing matches nonsense', async ({ page }) => {
  await page.goto('/lessons/endpoints-and-layers');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Endpoints and layers');
  await page.keyboard.press('Control+k');
  const search = page.getByRole('combobox', { name: 'Search lessons and the glossary' });
  await search.fill('zzqqxx');
  await expect(page.getByRole('dialog', { name: 'Search' }).getByRole('status')).toHaveText('Nothing matches “zzqqxx”.');
  await search.fill('cswsh');
  await page.getByRole('dialog', { name: 'Search' }).getByRole('option').first().click();
  await expect(page).toHaveURL(/\/glossary#cswsh$/);
  await expect(page.getByRole('term').filter({ hasText: 'Cross-Site WebSocket Hijacking' })).toBeInViewport();
  await page.keyboard.press('/');
  await page.keyboard.type('frame');
  await expect(page.getByRole('dialog', { name: 'Search' }).getByRole('option').first()).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('n and p move between lessons, but not while typing in a field; ? lists the shortcuts', async ({ page }) => {
  await page.goto('/lessons/endpoints-and-layers');
  await expect(page.getByRole('link', { name: /HTTP request\/response →/ })).toHaveAttribute('aria-keyshortcuts', 'n');
  await page.getByTestId('challenge-find-the-port').getByLabel('Your answer').pressSequentially('np');
  await expect(page).toHaveURL(/\/lessons\/endpoints-and-layers$/);
  await page.getByRole('heading', { level: 1 }).click();
  await page.keyboard.press('n');
  await expect(page).toHaveURL(/\/lessons\/http-request-response$/);
  await page.keyboard.press('p');
  await expect(page).toHaveURL(/\/lessons\/endpoints-and-layers$/);
  await page.keyboard.press('?');
  const shortcuts = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(shortcuts.getByRole('row')).toHaveCount(5);
  await expect(shortcuts).toContainText('Next lesson');
  await shortcuts.getByRole('button', { name: 'Close' }).click();
  await expect(shortcuts).toHaveCount(0);
});

test('a term in lesson text links to its glossary entry, which links back to where it is taught', async ({ page }) => {
  await page.goto('/lessons/endpoints-and-layers#sockets');
  const term = page.getByRole('region', { name: 'A socket is an address and a port' }).getByRole('link', { name: '4-tuple', exact: true });
  await expect(term).toHaveAttribute('title', /client IP, client port, server IP, server port/);
  await term.click();
  await expect(page).toHaveURL(/\/glossary#4-tuple$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Glossary');
  const entry = page.locator('[id="4-tuple"]');
  await expect(entry).toBeInViewport();
  await entry.getByRole('link', { name: 'Endpoints and layers: A socket is an address and a port' }).click();
  await expect(page).toHaveURL(/\/lessons\/endpoints-and-layers#sockets$/);
});

test('lesson 13 keeps its picture and its challenges next to the live lab', async ({ page }) => {
  await page.goto('/lessons/beyond-one-server#adapters');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Beyond one server');
  await expect(page.getByRole('heading', { name: 'Adapters: telling the other servers' })).toBeInViewport();
  await expect(page.getByRole('img', { name: 'Two servers behind a load balancer' })).toBeAttached();
  await expect(page.getByRole('figure', { name: 'Scale lab' })).toBeAttached();
  // A live challenge answered before its experiment: the check asks the server and says what to do first.
  const challenge = page.getByTestId('challenge-noisy-neighbour');
  await challenge.getByRole('textbox').fill('3');
  await challenge.getByRole('button', { name: 'Check' }).click();
  await expect(challenge.getByRole('status')).toContainText('You have not blocked a worker yet: run experiment 6 in the lab.');
});

test('a lesson page downloads its own lesson’s text only; the next lesson’s arrives when the learner goes there', async ({ page }) => {
  const lessonChunks: string[] = [];
  const curriculumChunks: string[] = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (/^\/assets\/lesson-[^/]+\.js$/.test(path)) lessonChunks.push(path);
    if (/^\/assets\/order-[^/]+\.js$/.test(path)) curriculumChunks.push(path);
  });
  await page.goto('/lessons/event-loop');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('The event loop');
  // The page's code starts after the prerendered page has painted: what it downloads is known once it runs.
  await expect(page.locator('html')).toHaveAttribute('data-ready', '');
  await page.waitForLoadState('networkidle');
  expect(lessonChunks).toHaveLength(1);
  await page.getByRole('link', { name: /Blocking the line/ }).last().click();
  await expect(page).toHaveURL(/\/lessons\/blocking-the-line$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Blocking the line');
  expect(new Set(lessonChunks).size).toBe(2);
  expect(curriculumChunks).toEqual([]);
});
