/** (e) A Java keystore opens: its entries by alias, the chain, and an honest line for what needs the password. */
import { test, expect, fixture, snap } from './harness';

test('JKS opens and lists its entries by alias', async ({ app: page, host }) => {
  await page.getByTestId('file-input').setInputFiles(fixture('keystore.jks'));
  const doc = page.getByRole('region', { name: 'keystore.jks' });
  await expect(doc).toContainText('JKS');
  await expect(doc.locator('[data-kind="certificate"]')).toHaveCount(2);
  await expect(doc.locator('[data-kind="certificate"]').first()).toContainText('alias “shop”');

  const state = await host.workbench.handlers['documents.list']({});
  const d = state.documents[0]!;
  expect(d.format).toBe('jks');
  // Without the store password the key entry is reported honestly rather than failing the file.
  const locked = d.objects.find((o) => o.kind === 'unsupported' || o.kind === 'privateKey');
  if (locked?.kind === 'unsupported') {
    const row = doc.locator('[data-kind="unsupported"]');
    await row.click();
    await expect(page.getByRole('region', { name: 'Details' })).toContainText(locked.error.message);
    await expect(page.getByTestId('verdict')).toHaveAttribute('data-tone', 'warning');
  }
  await doc.locator('[data-kind="certificate"]').first().click();
  await expect(page.getByTestId('verdict')).toHaveText(/Valid for \d+ more days/);
  await snap(page, 'jks');
});
