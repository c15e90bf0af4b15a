// Without the server: a page whose code cannot load says so inside the shell and comes back by itself.

import { expect, test } from '@playwright/test';

test('offline, opening the loop lab shows a retry page in the shell, which recovers when the network returns', async ({ page, context }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto('/');
  await expect(page.getByTestId('connection-badge')).toHaveAttribute('data-phase', 'open');

  await context.setOffline(true);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Loop lab' }).click();
  const alert = page.getByRole('alert');
  await expect(alert.getByRole('heading', { level: 1 })).toHaveText('Couldn’t load this page');
  await expect(alert).toContainText('server is unreachable');
  await expect(alert.getByRole('button', { name: 'Retry now' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await expect(page.getByText('Hey developer')).toHaveCount(0);

  await context.setOffline(false);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('The event-loop lab');
  await expect(page).toHaveURL(/\/labs\/loop$/);
  expect(errors).toEqual([]);
});
