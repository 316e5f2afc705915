/** (c) Paste PEM: the dialog, and Ctrl+V anywhere outside an input. */
import { readFileSync } from 'node:fs';
import { test, expect, fixture, snap } from './harness';

test('Paste PEM dialog opens the pasted certificate; one expiring soon is flagged orange', async ({ app: page }) => {
  await page.getByRole('button', { name: 'Paste PEM' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Paste PEM' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('PEM text').fill(readFileSync(fixture('client.pem'), 'utf8'));
  await snap(page, 'paste-dialog');
  await dialog.getByRole('button', { name: 'Open' }).click();
  await expect(dialog).toBeHidden();

  const doc = page.getByRole('region', { name: 'Pasted text' });
  const cert = doc.locator('[data-kind="certificate"]');
  await expect(cert).toContainText('api-user-42@example.test');
  await expect(cert).toContainText(/Expires \d{1,2} \w{3} \d{4}, in 1?\d days?/);
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-tone', 'warning');
  await expect(page.getByRole('region', { name: 'Details' })).toContainText('TLS client');
  await snap(page, 'paste-expiring-soon');
});

test('Ctrl+V outside an input pastes PEM as a document; Esc closes the paste dialog', async ({ app: page }) => {
  await page.getByRole('button', { name: 'Paste PEM' }).first().click();
  await expect(page.getByRole('dialog', { name: 'Paste PEM' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Paste PEM' })).toBeHidden();

  const pem = readFileSync(fixture('bundle.pem'), 'utf8') + readFileSync(fixture('server.csr'), 'utf8');
  // Headless Chromium has no system clipboard to read from: deliver the paste event Ctrl+V would produce.
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
  }, pem);
  const doc = page.getByRole('region', { name: 'Pasted text' });
  await expect(doc.locator('[data-kind="certificate"]')).toHaveCount(2);
  await expect(doc.locator('[data-kind="csr"]')).toHaveCount(1);
  const csr = doc.locator('[data-kind="csr"]');
  await expect(csr.getByRole('button', { name: /Matches certificate shop\.example\.test/ })).toBeVisible();
  await csr.click();
  await expect(page.getByTestId('verdict')).toHaveText(/Certificate request for CN=shop\.example\.test, signature valid/);
  await snap(page, 'paste-csr');
});
