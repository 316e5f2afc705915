/** (e) A Java keystore opens without its password (listing, integrity not checked), then unlocks with it. */
import { test, expect, fixture, snap } from './harness';

test('JKS lists its entries by alias, then the store password unlocks the key and checks integrity', async ({ app: page, bench }) => {
  await page.getByTestId('file-input').setInputFiles(fixture('keystore.jks'));
  const doc = page.getByRole('region', { name: 'keystore.jks' });
  await expect(doc).toContainText('JKS');
  await expect(doc.locator('[data-kind="certificate"]')).toHaveCount(2);
  await expect(doc.locator('[data-kind="certificate"]').first()).toContainText('alias “shop”');
  await expect(doc).toContainText('Listed without the password');

  let d = (await bench.call('documents.list', {})).documents[0]!;
  expect(d.format).toBe('jks');
  expect(d.integrity).toBe('not-checked');
  const locked = d.objects.find((o) => o.kind === 'unsupported');
  expect(locked?.kind).toBe('unsupported');
  if (locked?.kind !== 'unsupported') throw new Error('the key entry should be listed as locked');
  await doc.locator('[data-kind="unsupported"]').click();
  await expect(page.getByRole('region', { name: 'Details' })).toContainText(locked.error!.message);
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-tone', 'warning');
  await doc.locator('[data-kind="certificate"]').first().click();
  await expect(page.getByTestId('verdict')).toHaveText(/Valid\. Expires \d{1,2} \w{3} \d{4}, in \d+ (days|years)/);
  await snap(page, 'jks');

  await doc.getByRole('button', { name: 'Enter password' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Password', { exact: true }).fill('wrong password');
  await dialog.getByRole('button', { name: 'Unlock' }).click();
  await expect(dialog.getByTestId('password-error')).toContainText('1 attempt');
  d = (await bench.call('documents.list', {})).documents[0]!;
  expect(d.lock?.reason).toBe('WRONG_PASSWORD');
  expect(d.objects.filter((o) => o.kind === 'certificate')).toHaveLength(2);
  await snap(page, 'jks-wrong-password');

  await dialog.getByLabel('Password', { exact: true }).fill('changeit');
  await dialog.getByRole('button', { name: 'Unlock' }).click();
  await expect(dialog).toBeHidden();
  await expect(doc.locator('[data-kind="privateKey"]')).toHaveCount(1);
  await expect(doc).toContainText('Integrity verified');
  await expect(doc).not.toContainText('Listed without the password');
  d = (await bench.call('documents.list', {})).documents[0]!;
  expect(d.integrity).toBe('verified');
  expect(d.lock).toBeNull();
  const key = d.objects.find((o) => o.kind === 'privateKey')!;
  const full = await bench.call('objects.details', { objectId: key.id });
  expect(full.kind === 'privateKey' && full.matches.length).toBe(1);
  await snap(page, 'jks-unlocked');
});
