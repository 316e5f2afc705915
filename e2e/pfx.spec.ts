/** (a) A PFX through the file dialog: password prompt, wrong password, right password, key ↔ cert match. */
import { test, expect, fixture, snap } from './harness';

test('opens a PFX: asks for the password, says when it is wrong, then shows key and certificates matched', async ({ app: page, bench }) => {
  await snap(page, 'inspect-empty');

  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Control+O')]);
  await chooser.setFiles(fixture('server.pfx'));

  const dialog = page.getByRole('dialog', { name: 'Password for server.pfx' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('password-protected');
  await snap(page, 'pfx-password');

  await dialog.getByLabel('Password', { exact: true }).fill('not the password');
  await dialog.getByRole('button', { name: 'Unlock' }).click();
  await expect(dialog.getByTestId('password-error')).toContainText('password is not correct');
  await expect(dialog.getByTestId('password-error')).toContainText('1 attempt');
  // The field keeps the focus with the wrong password selected: typing replaces it.
  const field = dialog.getByLabel('Password', { exact: true });
  await expect(field).toBeFocused();
  await expect(field).toHaveValue('not the password');
  expect(await field.evaluate((el: HTMLInputElement) => [el.selectionStart, el.selectionEnd])).toEqual([0, 'not the password'.length]);
  await snap(page, 'pfx-wrong-password');

  // Show/hide reveals what was typed.
  await dialog.getByLabel('Password', { exact: true }).fill('correct horse');
  await dialog.getByRole('button', { name: 'Show password' }).click();
  await expect(dialog.getByLabel('Password', { exact: true })).toHaveAttribute('type', 'text');
  await dialog.getByRole('button', { name: 'Unlock' }).click();
  await expect(dialog).toBeHidden();

  const doc = page.getByRole('region', { name: 'server.pfx' });
  // Focus moves to the result: the first object, selected.
  await expect(doc.locator('[data-object-id]').first()).toBeFocused();
  await expect(doc.locator('[data-object-id]').first()).toHaveAttribute('data-selected', 'true');
  await expect(doc).toContainText('PFX / P12');
  await expect(doc).toContainText('Integrity verified');
  const rows = doc.locator('[data-object-id]');
  await expect(rows).toHaveCount(3);
  await expect(doc.locator('[data-kind="certificate"]')).toHaveCount(2);
  await expect(doc.locator('[data-kind="privateKey"]')).toHaveCount(1);

  const key = doc.locator('[data-kind="privateKey"]');
  await expect(key.getByRole('button', { name: /Matches certificate shop\.example\.test/ })).toBeVisible();
  const leaf = doc.locator('[data-kind="certificate"]', { hasText: 'shop.example.test' });
  await expect(leaf.getByRole('button', { name: /Key present/ })).toBeVisible();
  await expect(leaf).toContainText(/Expires \d{1,2} \w{3} \d{4}, in \d+ days/);

  await expect(page.getByTestId('verdict')).toHaveText(/Valid\. Expires \d{1,2} \w{3} \d{4}, in \d+ (days|years)/);
  await snap(page, 'pfx-certificate');

  // Match both ways: from the certificate to its key, and back.
  await leaf.getByRole('button', { name: /Key present/ }).click();
  await expect(page.getByTestId('verdict')).toHaveText('This key belongs to CN=shop.example.test');
  await snap(page, 'pfx-key');
  await page.getByRole('region', { name: 'Details' }).getByRole('button', { name: /Matches certificate shop\.example\.test/ }).click();
  await expect(page.getByRole('region', { name: 'Details' }).getByRole('heading', { level: 2 })).toHaveText('shop.example.test');

  const details = page.getByRole('region', { name: 'Details' });
  await details.getByRole('tab', { name: /Extensions/ }).click();
  await expect(details).toContainText('Subject Alternative Name');
  await expect(details).toContainText('Critical');
  await snap(page, 'pfx-extensions');
  await details.getByRole('tab', { name: 'PEM' }).click();
  await expect(details.getByLabel('PEM text')).toContainText('-----BEGIN CERTIFICATE-----');
  await details.getByRole('tab', { name: 'Fingerprints' }).click();
  const state = await bench.call('documents.list', {});
  const cert = state.documents[0]!.objects.find((o) => o.kind === 'certificate' && o.alias === 'shop');
  expect(cert?.kind).toBe('certificate');
  if (cert?.sha256) await expect(details).toContainText(cert.sha256.match(/../g)!.join(':'));
  else throw new Error('the certificate has a SHA-256');
  await snap(page, 'pfx-fingerprints');

  // Main-side state agrees with the screen.
  expect(state.documents.map((d) => d.status)).toEqual(['ready']);

  // Ctrl+W closes the current document.
  await page.locator('body').click({ position: { x: 5, y: 700 } });
  await page.keyboard.press('Control+W');
  await expect(page.getByTestId('drop-zone')).toBeVisible();
});

test('Cancel leaves the PFX locked with an "Enter password" button; Esc closes the dialog', async ({ app: page, bench }) => {
  await page.getByTestId('file-input').setInputFiles(fixture('server.pfx'));
  const dialog = page.getByRole('dialog', { name: 'Password for server.pfx' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();

  const doc = page.getByRole('region', { name: 'server.pfx' });
  await expect(doc).toContainText('Password needed');
  await snap(page, 'pfx-locked');
  expect((await bench.call('documents.list', {})).documents[0]!.status).toBe('locked');

  await doc.getByRole('button', { name: 'Enter password' }).click();
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await doc.getByRole('button', { name: 'Enter password' }).click();
  await dialog.getByLabel('Password', { exact: true }).fill('correct horse');
  await page.keyboard.press('Enter');
  await expect(doc.locator('[data-object-id]')).toHaveCount(3);
});

test('locked files ask in the order opened; a file opened earlier never asks over a newer one', async ({ app: page }) => {
  // Opened together: the PFX asks once the batch has arrived.
  await page.getByTestId('file-input').setInputFiles([fixture('server.pfx'), fixture('client.pem')]);
  const dialog = page.getByRole('dialog', { name: 'Password for server.pfx' });
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId('header-status')).toHaveText('2 files open · drop more anywhere');
  await expect(dialog.getByLabel('Password', { exact: true })).toBeFocused();
  // Cancel sends the focus to the locked file in the list.
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('[data-file-header]').first()).toBeFocused();

  // A newer file: the old locked PFX does not pop up again over it.
  await page.getByTestId('file-input').setInputFiles(fixture('root.pem'));
  await expect(page.getByRole('region', { name: 'root.pem' })).toBeVisible();
  await page.waitForTimeout(300);
  await expect(page.getByRole('dialog')).toHaveCount(0);

  // Its header asks when the user says so (Enter on the focused file).
  await page.locator('[data-file-header]').first().focus();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
});
