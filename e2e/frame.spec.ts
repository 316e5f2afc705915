/** The frame: a navigation rail where every page works (Inspect, Convert, New CSR, Chain doctor, Keystores, Expiry), and Settings opens. */
import { test, expect, fixture, snap } from './harness';

test('navigation rail: Inspect active, every page enabled, Settings reachable and back', async ({ app: page, bench }) => {
  const rail = page.getByRole('navigation', { name: 'Pages' });
  await expect(rail.getByRole('button', { name: 'Inspect' })).toHaveAttribute('aria-current', 'page');
  for (const name of ['Convert', 'New CSR', 'Chain doctor', 'Keystores', 'Expiry']) await expect(rail.getByRole('button', { name })).toBeEnabled();

  await page.getByTestId('file-input').setInputFiles(fixture('server.pem'));
  await expect(page.getByRole('region', { name: 'server.pem' })).toBeVisible();

  await rail.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await expect(page.getByText('Light and dark follow your operating system.')).toBeVisible();
  await expect(page.getByText(bench.target === 'web' ? /Certbench 0\.1\.0 · browser/ : /Certbench 0\.1\.0 · desktop/)).toBeVisible();
  // Off at first. The browser host never stores keys; the desktop app can where the OS has a keyring.
  // Where nothing can seal them the switch is disabled and says why.
  const remember = page.getByRole('switch', { name: 'Remember keys between sessions' });
  await expect(remember).not.toBeChecked();
  const keys = await bench.call('settings.rememberKeys', {});
  if (bench.target === 'web') expect(keys.available).toBe(false);
  if (keys.available) {
    await expect(remember).toBeEnabled();
    await expect(page.getByText(`Private keys open when you quit are kept encrypted with ${keys.protectedBy}`)).toBeVisible();
  } else {
    await expect(remember).toBeDisabled();
    await expect(page.getByText(/Only the desktop app with a system keyring can keep keys/)).toBeVisible();
  }
  await snap(page, 'settings');

  // Inspect keeps its documents while another page is shown.
  await rail.getByRole('button', { name: 'Inspect' }).click();
  await expect(page.getByRole('region', { name: 'server.pem' })).toBeVisible();
});
