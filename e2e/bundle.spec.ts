/** (b) A PEM bundle and a separate key file, opened together: the match is shown across the two files. */
import { readFileSync, writeFileSync } from 'node:fs';
import { test, expect, fixture, sharedFixture, snap } from './harness';

test('a key in one file matches a certificate in another, both ways', async ({ app: page, bench }) => {
  await page.getByTestId('file-input').setInputFiles([fixture('bundle.pem'), fixture('server.key')]);

  const bundle = page.getByRole('region', { name: 'bundle.pem' });
  const keyFile = page.getByRole('region', { name: 'server.key' });
  await expect(bundle.locator('[data-kind="certificate"]')).toHaveCount(2);
  await expect(keyFile.locator('[data-kind="privateKey"]')).toHaveCount(1);
  await expect(bundle).toContainText('PEM');

  const leaf = bundle.locator('[data-kind="certificate"]', { hasText: 'shop.example.test' });
  await expect(leaf.getByRole('button', { name: /Key present/ })).toBeVisible();
  const root = bundle.locator('[data-kind="certificate"]', { hasText: 'Certbench E2E Root' });
  await expect(root.getByRole('button', { name: /Key present|Matches/ })).toHaveCount(0);
  await expect(root).toContainText('Root CA');

  const key = keyFile.locator('[data-kind="privateKey"]');
  await key.click();
  await expect(page.getByTestId('verdict')).toHaveText('This key belongs to CN=shop.example.test');
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-tone', 'success');
  await snap(page, 'bundle-key-match');

  await key.getByRole('button', { name: /Matches certificate shop\.example\.test/ }).click();
  await expect(leaf).toHaveAttribute('data-selected', 'true');
  await expect(page.getByRole('region', { name: 'Details' }).getByRole('heading', { level: 2 })).toHaveText('shop.example.test');
  await snap(page, 'bundle-certificate');

  // Main agrees: key and leaf are in one match group, and the key's details name the leaf's SHA-256.
  const state = await bench.call('documents.list', {});
  const k = state.documents[1]!.objects[0]!;
  const c = state.documents[0]!.objects.find((o) => o.kind === 'certificate' && o.subject?.includes('shop'))!;
  expect(k.matchGroup).not.toBeNull();
  expect(k.matchGroup).toBe(c.matchGroup);
  const full = await bench.call('objects.details', { objectId: k.id });
  expect(full.kind === 'privateKey' && full.matches.includes(c.sha256!)).toBe(true);

  // Closing the key file removes the match from the certificate.
  await keyFile.getByRole('button', { name: 'Close server.key' }).click();
  await expect(keyFile).toBeHidden();
  await expect(leaf.getByRole('button', { name: /Key present/ })).toHaveCount(0);
});

test('files dropped anywhere in the window open (overlay while dragging)', async ({ app: page }) => {
  const files = [fixture('server.pem'), fixture('server.key')].map((p) => ({ name: p.split('/').pop()!, base64: readFileSync(p).toString('base64') }));
  const dropOn = async (type: 'dragenter' | 'drop') =>
    page.evaluate(
      ({ type, files }) => {
        const data = new DataTransfer();
        for (const f of files) data.items.add(new File([Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0))], f.name));
        document.body.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
      },
      { type, files },
    );
  await dropOn('dragenter');
  await expect(page.getByText('Drop to open in Inspect')).toBeVisible();
  await snap(page, 'drop-overlay');
  await dropOn('drop');
  await expect(page.getByText('Drop to open in Inspect')).toBeHidden();
  await expect(page.getByRole('region', { name: 'server.pem' }).getByRole('button', { name: /Key present/ })).toBeVisible();
  await expect(page.getByRole('region', { name: 'server.key' }).getByRole('button', { name: /Matches certificate shop\.example\.test/ })).toBeVisible();
});

test('a newly opened file scrolls into view; the list is one Tab stop moved with the arrow keys', async ({ app: page }) => {
  const many = ['server.pem', 'client.pem', 'root.pem', 'bundle.pem', 'server.csr', 'client.csr', 'server.key', 'client.key'].map(fixture);
  await page.getByTestId('file-input').setInputFiles(many);
  await expect(page.getByTestId('header-status')).toHaveText('8 files open · drop more anywhere');
  // One more, after the list is longer than the window: it is scrolled to and its first object selected.
  await page.getByTestId('file-input').setInputFiles(fixture('bundle.pem'));
  const fresh = page.getByRole('region', { name: 'bundle.pem' }).last();
  await expect(fresh.locator('[data-file-header]')).toBeInViewport();
  await expect(fresh.locator('[data-object-id]').first()).toHaveAttribute('data-selected', 'true');
  await snap(page, 'bundle-many-files');

  // Arrow keys from the selected row; Home goes to the first file.
  await fresh.locator('[data-object-id]').first().focus();
  await page.keyboard.press('ArrowDown');
  await expect(fresh.locator('[data-object-id]').nth(1)).toBeFocused();
  await expect(page.getByRole('region', { name: 'Details' }).getByRole('heading', { level: 2 })).toHaveText('Certbench E2E Root');
  await page.keyboard.press('Home');
  await expect(page.locator('[data-file-header]').first()).toBeFocused();
  await expect(page.locator('[data-file-header]').first()).toBeInViewport();
  // A key and a certificate that differ say so plainly.
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('region', { name: 'server.pem' }).locator('[data-object-id]')).toBeFocused();
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-tone', 'success');
  const clientKey = page.getByRole('region', { name: 'client.key' });
  await page.keyboard.press('End');
  await expect(page.locator('[data-object-id]').last()).toBeFocused();
  await page.getByLabel('Search open files').fill('private key');
  // (Clicked on its name: the middle of the row is its link chip.)
  await clientKey.locator('[data-kind="privateKey"]').click({ position: { x: 60, y: 12 } });
  await expect(page.getByTestId('verdict')).toHaveText('This key belongs to CN=api-user-42@example.test');
});

test('a key and a certificate that differ: an explicit "does NOT match", both ways', async ({ app: page }) => {
  await page.getByTestId('file-input').setInputFiles([fixture('server.pem'), fixture('client.key')]);
  await page.getByRole('region', { name: 'client.key' }).locator('[data-kind="privateKey"]').click();
  await expect(page.getByTestId('verdict')).toHaveText('This key does NOT match the open certificate CN=shop.example.test');
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-tone', 'error');
  await snap(page, 'bundle-key-mismatch');
  await page.getByRole('region', { name: 'server.pem' }).locator('[data-kind="certificate"]').click();
  await expect(page.getByTestId('key-verdict')).toHaveText('The open EC P-256 private key does NOT match this certificate');
  await expect(page.getByRole('region', { name: 'Details' })).toContainText('The open private key does NOT match');
});

test('a fullchain without its intermediate says so on the file, not green', async ({ app: page }, testInfo) => {
  const path = testInfo.outputPath('fullchain.pem');
  writeFileSync(path, readFileSync(sharedFixture('x509', 'leaf.pem'), 'utf8') + readFileSync(sharedFixture('x509', 'root.pem'), 'utf8'));
  await page.getByTestId('file-input').setInputFiles([path, sharedFixture('x509', 'chain.pem')]);
  const broken = page.getByRole('region', { name: 'fullchain.pem' }).getByTestId('chain-hint');
  await expect(broken).toHaveAttribute('data-tone', 'warning');
  await expect(broken).toContainText(/issuer of www\.example\.test .* is not in this file/);
  const whole = page.getByRole('region', { name: 'chain.pem', exact: true }).getByTestId('chain-hint');
  await expect(whole).toHaveAttribute('data-tone', 'success');
  await snap(page, 'bundle-chain-hints');
});
