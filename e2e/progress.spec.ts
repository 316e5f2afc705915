/** A slow unlock (4,000,000 PBKDF2 iterations) shows progress with main's label, and the page stays responsive. */
import type { Page } from '@playwright/test';
import { test, expect, fixture, snap } from './harness';

/** Opens slow.pfx and starts unlocking it; returns the password dialog, busy deriving keys. */
async function startSlowUnlock(page: Page) {
  await page.getByTestId('file-input').setInputFiles(fixture('slow.pfx'));
  const dialog = page.getByRole('dialog', { name: 'Password for slow.pfx' });
  await expect(dialog).toBeVisible({ timeout: 30_000 });
  await dialog.getByLabel('Password', { exact: true }).fill('slow');
  await dialog.getByRole('button', { name: 'Unlock' }).click();
  await expect(dialog.getByRole('progressbar')).toBeVisible();
  return dialog;
}

test('unlocking a high-iteration PFX shows a progress bar with what is happening', async ({ app: page }) => {
  const dialog = await startSlowUnlock(page);
  await expect(dialog.getByRole('status')).toContainText(/Opening slow\.pfx/);
  // The renderer is not blocked while main works: show/hide still answers.
  await dialog.getByRole('button', { name: 'Show password' }).click();
  await expect(dialog.getByRole('button', { name: 'Hide password' })).toBeVisible();
  if (await dialog.getByRole('progressbar').isVisible()) await snap(page, 'progress-unlock');

  await expect(dialog).toBeHidden({ timeout: 30_000 });
  await expect(page.getByRole('region', { name: 'slow.pfx' }).locator('[data-kind="privateKey"]')).toHaveCount(1);
  await expect(page.getByRole('progressbar')).toHaveCount(0);
});

test('a slow unlock can be stopped: the file stays locked and can be tried again', async ({ app: page, bench }) => {
  const dialog = await startSlowUnlock(page);
  await dialog.getByRole('button', { name: 'Stop' }).click();

  await expect(dialog.getByRole('progressbar')).toHaveCount(0, { timeout: 3_000 });
  await expect(dialog.getByRole('button', { name: 'Unlock' })).toBeEnabled();
  const doc = (await bench.call('documents.list', {})).documents[0]!;
  expect(doc.status).toBe('locked');
  expect(doc.lock?.attempts).toBe(0);
  await snap(page, 'progress-stopped');

  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('region', { name: 'slow.pfx' }).getByRole('button', { name: 'Enter password' })).toBeVisible();
});
