/**
 * (f) The private-key audit. Every test's fixture (harness.ts) already records every API response and event
 * main sent (the web host's tap, or in Electron main's e2e hooks) and fails on private key material; this suite feeds it the most keys, in every encoding, and proves the
 * detector itself finds real leaks.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, fixture, sharedFixture, snap } from './harness';
import { keyDetector } from './key-material';
import { loadFixtureSecrets } from './fixture-secrets';

const SHARED_PASSWORD = 'certbench-pass';
const SHARED_PKCS12 = sharedFixture('pkcs12');

interface Pkcs12Manifest {
  files: Record<string, { password: string | null; expect: string; keys: string[] }>;
}
const sharedPkcs12Manifest = (): Pkcs12Manifest => JSON.parse(readFileSync(join(SHARED_PKCS12, 'manifest.json'), 'utf8')) as Pkcs12Manifest;

// The full proof of the detector (every component, encoding and alignment) is e2e/key-material.test.ts.
test('the detector knows exactly the keys OpenSSL and keytool extracted, finds them, and not certificates', () => {
  const d = keyDetector();
  expect(d.keyCount).toBe(loadFixtureSecrets().keyCount);
  const pem = readFileSync(fixture('server.key'), 'utf8');
  expect(d.find(pem)).toContain('PEM private key header');
  const body = pem.replace(/-----[A-Z ]+-----/g, '').replace(/\s/g, '');
  expect(d.find(JSON.stringify({ dataBase64: body }))).toContain('private key bytes');
  expect(d.find(Buffer.from(body, 'base64').toString('hex'))).toContain('private key bytes');
  expect(d.find(JSON.stringify({ kty: 'EC', d: 'abc' }))).toContain('JWK');
  expect(d.find(readFileSync(fixture('bundle.pem'), 'utf8'))).toBeNull();
  expect(d.find(readFileSync(fixture('client.pem'), 'utf8'))).toBeNull();
  expect(d.audit([JSON.stringify({ ok: true, value: { pem: body } })])).toHaveLength(1);
  expect(d.audit([JSON.stringify({ ok: true, value: { pem: readFileSync(fixture('bundle.pem'), 'utf8') } })])).toEqual([]);
});

async function openAndUnlockAll(page: Page, files: string[], passwords: Record<string, string>): Promise<void> {
  await page.getByTestId('file-input').setInputFiles(files);
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible({ timeout: 60_000 });
  // Unlock every locked file through the dialog, as a person would.
  for (let i = 0; i < files.length; i++) {
    if (!(await dialog.isVisible())) {
      await page.waitForTimeout(300);
      if (!(await dialog.isVisible())) break;
    }
    const title = (await dialog.getByRole('heading').textContent()) ?? '';
    const name = title.replace(/^Password for /, '');
    await dialog.getByLabel('Password', { exact: true }).fill(passwords[name] ?? SHARED_PASSWORD);
    await dialog.getByRole('button', { name: 'Unlock' }).click();
    const outcome = async () => {
      if (!(await dialog.isVisible())) return 'closed';
      if ((await dialog.getByRole('heading').textContent()) !== title) return 'next';
      return (await dialog.getByTestId('password-error').isVisible()) && (await dialog.getByRole('button', { name: 'Unlock' }).isEnabled()) ? 'refused' : 'waiting';
    };
    await expect.poll(outcome, { timeout: 30_000 }).not.toBe('waiting');
    if ((await outcome()) === 'refused') await dialog.getByRole('button', { name: 'Cancel' }).click();
  }
  await expect(dialog).toBeHidden();
}

/**
 * Looks at each key's details and PEM tab (the public half only), as someone checking keys would: the list
 * shows private keys only, then the arrow keys go from one key to the next (the list is virtualized, so rows
 * far down are not in the page until reached).
 */
async function visitKeys(page: Page, max: number): Promise<number> {
  await page.getByRole('combobox', { name: 'Kind' }).click();
  await page.getByRole('option', { name: /^Private key \(/ }).click();
  await expect(page.getByRole('listbox')).toBeHidden();
  const shown = Number(/^([\d,]+) of/.exec((await page.getByTestId('list-count').textContent()) ?? '')![1]!.replace(/,/g, ''));
  const details = page.getByRole('region', { name: 'Details' });
  const focusedKey = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.closest('[data-kind="privateKey"]')?.getAttribute('data-object-id') ?? null);
  await page.locator('[data-kind="privateKey"]').first().click({ position: { x: 60, y: 12 } });
  const seen = new Set<string>();
  for (let presses = 0; seen.size < Math.min(shown, max) && presses < 4 * max; presses++) {
    const id = await focusedKey();
    if (id && !seen.has(id)) {
      seen.add(id);
      await expect(page.locator(`[data-object-id="${id}"]`)).toHaveAttribute('data-selected', 'true');
      await details.getByRole('tab', { name: 'PEM' }).click();
      await expect(details.getByLabel('PEM text')).toContainText('PUBLIC KEY');
      await page.locator(`[data-object-id="${id}"]`).focus();
    }
    await page.keyboard.press('ArrowDown');
  }
  return seen.size;
}

test('key files in every encoding (PKCS#1, PKCS#8, SEC1, encrypted, DER) send no private key material', async ({ app: page, bench }) => {
  test.setTimeout(120_000);
  const shared = readdirSync(sharedFixture('keys')).filter((f) => /\.(pem|der)$/.test(f)).map((f) => sharedFixture('keys', f));
  expect(shared.length).toBeGreaterThan(30);
  const files = [fixture('server.key'), fixture('client.key'), ...shared];
  await openAndUnlockAll(page, files, {});
  expect(await visitKeys(page, 10)).toBeGreaterThanOrEqual(2);
  await snap(page, 'many-key-files');
  expect(keyDetector().find(await page.content()), 'private key material in the page').toBeNull();
  const wire = await bench.wire();
  expect(wire.length).toBeGreaterThan(files.length);
  expect(wire.some((w) => w.kind === 'event')).toBe(true);
});

test('PFX and Java keystores (modern, legacy, EC, Ed25519, non-ASCII password) send no private key material', async ({ app: page, bench }) => {
  test.setTimeout(120_000);
  const passwords: Record<string, string> = { 'server.pfx': 'correct horse', 'keystore.jks': 'changeit' };
  // The PKCS#12 files other engineers made with OpenSSL and keytool.
  const manifest = sharedPkcs12Manifest();
  const pfx = Object.entries(manifest.files)
    .filter(([name, f]) => f.expect === 'ok' && (f.keys?.length ?? 0) > 0 && !name.startsWith('bench-'))
    .map(([name, f]) => {
      passwords[name] = f.password ?? '';
      return join(SHARED_PKCS12, name);
    });
  expect(pfx.length).toBeGreaterThan(5);
  const keystoreNames = ['server.jks', 'keys.jceks', 'ec.jks'];
  const files = [fixture('server.pfx'), ...pfx, ...keystoreNames.map((n) => sharedFixture('keystores', n))];
  await openAndUnlockAll(page, files, passwords);
  // Keystores open listed without their password; unlock each from its card, as a person would.
  const storePassword = (JSON.parse(readFileSync(sharedFixture('keystores', 'manifest.json'), 'utf8')) as { stores: Record<string, { password: string }> }).stores;
  for (const name of keystoreNames) {
    const card = page.getByRole('region', { name });
    await card.getByRole('button', { name: 'Enter password' }).click();
    const dialog = page.getByRole('dialog', { name: `Password for ${name}` });
    await dialog.getByLabel('Password', { exact: true }).fill(storePassword[name].password);
    await dialog.getByRole('button', { name: 'Unlock' }).click();
    await expect(dialog).toBeHidden({ timeout: 30_000 });
    await expect(card).toContainText('Integrity verified');
  }
  expect(await visitKeys(page, 16)).toBeGreaterThanOrEqual(pfx.length + keystoreNames.length);
  expect(keyDetector().find(await page.content()), 'private key material in the page').toBeNull();
  expect((await bench.wire()).some((w) => w.kind === 'event')).toBe(true);
});
