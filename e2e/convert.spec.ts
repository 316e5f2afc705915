/**
 * The Convert wizard clicked through as a person would, and every file it writes checked by the peers:
 * OpenSSL for the PEM set and DER, keytool and Java's KeyStore for the JKS.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { probeKeystore } from '../test/helpers/java-probe';
import { test, expect, fixture, sharedFixture, snap, type Bench } from './harness';

const PFX_PASSWORD = 'correct horse';

const openssl = (...args: string[]) => execFileSync('openssl', args, { encoding: 'utf8' });
const mode = (path: string) => statSync(path).mode & 0o777;

/** Subjects of the certificates in a PEM file, in file order, as OpenSSL reads them. */
function pemSubjects(path: string): string[] {
  const text = readFileSync(path, 'utf8');
  if (!text.includes('BEGIN CERTIFICATE')) return [];
  const p7 = execFileSync('openssl', ['crl2pkcs7', '-nocrl', '-certfile', path], { encoding: 'utf8' });
  const printed = execFileSync('openssl', ['pkcs7', '-print_certs', '-noout'], { input: p7, encoding: 'utf8' });
  return printed.split('\n').filter((l) => l.startsWith('subject=')).map((l) => l.slice('subject='.length).trim());
}

async function goToConvert(page: Page) {
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('button', { name: 'Convert' }).click();
  await expect(page.getByRole('heading', { name: 'Convert', level: 1 })).toBeVisible();
}

const nextButton = (page: Page) => page.getByTestId('wizard-footer').getByRole('button', { name: /^Next:/ });
const stepHeading = (page: Page, title: string) => page.getByRole('heading', { name: title, level: 2 });

/** At "Where to save": the files go to the test's folder (the web host's own, or chosen in Electron's folder dialog). */
async function whereToSave(page: Page, bench: Bench): Promise<void> {
  await expect(stepHeading(page, 'Where to save')).toBeVisible();
  await bench.chooseOutputFolder(page);
  await expect(page.getByTestId('output-folder')).toHaveText(bench.outputDir);
}

async function unlockPfx(page: Page) {
  const dialog = page.getByRole('dialog', { name: 'Password for server.pfx' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Password', { exact: true }).fill(PFX_PASSWORD);
  await dialog.getByRole('button', { name: 'Unlock' }).click();
  await expect(dialog).toBeHidden();
}

test('server.pfx → "nginx / Apache": the certbot set (no intermediate: no chain.pem), key encrypted and 0600, checked by OpenSSL, then re-opened in Inspect', async ({ app: page, bench, outputDir }) => {
  await goToConvert(page);
  await expect(stepHeading(page, 'What do you have?')).toBeVisible();
  await snap(page, 'convert-empty');

  await page.getByTestId('convert-file-input').setInputFiles(fixture('server.pfx'));
  await unlockPfx(page);
  // What was found, from convert.preview: the chain leaf → root by signature, and the key that belongs to the leaf.
  await expect(page.getByTestId('found-verdict')).toHaveText('Found 2 certificates and 1 private key');
  const chain = page.getByTestId('chain-order').locator('li');
  await expect(chain).toHaveCount(2);
  await expect(chain.nth(0)).toHaveAttribute('data-role', 'leaf');
  await expect(chain.nth(0)).toContainText('shop.example.test');
  await expect(chain.nth(1)).toHaveAttribute('data-role', 'root');
  await expect(page.getByTestId('found-key')).toContainText('belongs to the leaf certificate');
  // The file is open in Inspect too, ticked here.
  await expect(page.getByTestId('document-choice').getByRole('checkbox').first()).toBeChecked();
  await snap(page, 'convert-found');

  await nextButton(page).click();
  await expect(stepHeading(page, 'Who needs it?')).toBeVisible();
  const nginx = page.getByRole('button', { name: /^nginx \/ Apache:/ });
  await nginx.click();
  await expect(nginx).toHaveAttribute('aria-pressed', 'true');
  await snap(page, 'convert-target');

  await nextButton(page).click();
  await expect(stepHeading(page, 'Protect it')).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Encrypted with a passphrase (recommended)' })).toBeChecked();
  // Go on only with a passphrase typed twice.
  await expect(nextButton(page)).toBeDisabled();
  const passphrase = 'nginx likes 4 keys!';
  await page.getByLabel('Key passphrase', { exact: true }).fill(passphrase);
  await expect(page.getByTestId('password-strength')).toBeVisible();
  await page.getByLabel('Confirm key passphrase').fill('nginx likes 4 keys');
  await expect(page.getByTestId('password-problem')).toHaveText('The two passwords differ.');
  await expect(nextButton(page)).toBeDisabled();
  await page.getByLabel('Confirm key passphrase').fill(passphrase);
  await expect(nextButton(page)).toBeEnabled();
  await snap(page, 'convert-protect');

  await nextButton(page).click();
  await whereToSave(page, bench);
  // certbot's names are what server configurations expect: shown, not editable.
  await expect(page.locator('input[data-role="privkey"]')).toHaveValue('privkey.pem');
  await expect(page.locator('input[data-role="privkey"]')).toBeDisabled();
  await snap(page, 'convert-where');

  await nextButton(page).click();
  await expect(stepHeading(page, 'Review')).toBeVisible();
  const files = page.getByTestId('review-files').locator('tbody tr');
  // The leaf is signed by the root itself: there is no intermediate for chain.pem, and the review says so.
  await expect(files).toHaveCount(3);
  await expect(page.getByTestId('convert-warning')).toContainText('chain.pem is not written');
  await expect(page.getByTestId('left-out')).toContainText('Certbench E2E Root');
  await expect(files.filter({ hasText: 'privkey.pem' })).toContainText('Owner only (0600)');
  await expect(files.filter({ hasText: 'cert.pem' }).first()).not.toContainText('0600');
  await snap(page, 'convert-review');

  await page.getByRole('button', { name: 'Write files' }).click();
  await expect(page.getByTestId('result-verdict')).toHaveText(`Wrote 3 files to ${outputDir}`);
  await expect(page.getByTestId('written-file')).toHaveCount(3);
  await snap(page, 'convert-result');

  // The peers: OpenSSL reads each file; the chain is in order; the key is the certificate's, encrypted, 0600.
  expect(readdirSync(outputDir).sort()).toEqual(['cert.pem', 'fullchain.pem', 'privkey.pem']);
  const at = (name: string) => join(outputDir, name);
  expect(openssl('x509', '-in', at('cert.pem'), '-noout', '-subject')).toContain('CN = shop.example.test');
  const leafSubject = pemSubjects(at('cert.pem'));
  expect(leafSubject).toHaveLength(1);
  // The root never goes into what a server sends: fullchain.pem is the leaf alone here.
  expect(pemSubjects(at('fullchain.pem'))).toEqual(leafSubject);
  expect(openssl('verify', '-CAfile', fixture('root.pem'), at('cert.pem')).trim()).toBe(`${at('cert.pem')}: OK`);
  expect(readFileSync(at('privkey.pem'), 'utf8')).toContain('ENCRYPTED');
  const keyPub = openssl('pkey', '-in', at('privkey.pem'), '-passin', `pass:${passphrase}`, '-pubout');
  const certPub = openssl('x509', '-in', at('cert.pem'), '-noout', '-pubkey');
  expect(keyPub).toBe(certPub);
  expect(() => execFileSync('openssl', ['pkey', '-in', at('privkey.pem'), '-passin', 'pass:wrong', '-noout'], { stdio: 'pipe' })).toThrow();
  expect(mode(at('privkey.pem'))).toBe(0o600);

  // One click re-opens what was written in Inspect; the key asks for its new passphrase there and matches.
  await page.getByRole('button', { name: 'Open in Inspect to verify' }).click();
  const dialog = page.getByRole('dialog', { name: 'Password for privkey.pem' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Password', { exact: true }).fill(passphrase);
  await dialog.getByRole('button', { name: 'Unlock' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Inspect', level: 1 })).toBeVisible();
  const key = page.getByRole('region', { name: 'privkey.pem' }).locator('[data-kind="privateKey"]');
  await expect(key.getByRole('button', { name: /Matches certificate shop\.example\.test/ }).first()).toBeVisible();
  await expect(page.getByRole('region', { name: 'fullchain.pem' }).locator('[data-kind="certificate"]')).toHaveCount(1);
  await snap(page, 'convert-verify-in-inspect');
});

test('a PFX with an intermediate → "nginx / Apache": all four certbot files, chain.pem the intermediate, verified by OpenSSL', async ({ app: page, bench, outputDir }) => {
  const pfx = sharedFixture('pkcs12', 'modern-rsa.pfx');
  await goToConvert(page);
  await page.getByTestId('convert-file-input').setInputFiles(pfx);
  const dialog = page.getByRole('dialog', { name: 'Password for modern-rsa.pfx' });
  await dialog.getByLabel('Password', { exact: true }).fill('Certbench-Test-1');
  await dialog.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByTestId('chain-order').locator('li')).toHaveCount(3);
  await expect(page.getByTestId('chain-order').locator('li').nth(1)).toHaveAttribute('data-role', 'intermediate');
  await nextButton(page).click();
  await page.getByRole('button', { name: /^nginx \/ Apache:/ }).click();
  await nextButton(page).click();
  const passphrase = 'four files, one key';
  await page.getByLabel('Key passphrase', { exact: true }).fill(passphrase);
  await page.getByLabel('Confirm key passphrase').fill(passphrase);
  await nextButton(page).click();
  await whereToSave(page, bench);
  await nextButton(page).click();
  await expect(page.getByTestId('review-files').locator('tbody tr')).toHaveCount(4);
  await page.getByRole('button', { name: 'Write files' }).click();
  await expect(page.getByTestId('result-verdict')).toHaveText(`Wrote 4 files to ${outputDir}`);

  expect(readdirSync(outputDir).sort()).toEqual(['cert.pem', 'chain.pem', 'fullchain.pem', 'privkey.pem']);
  const at = (name: string) => join(outputDir, name);
  // What OpenSSL itself finds in the PFX: leaf, intermediate, root.
  const inPfx = openssl('pkcs12', '-in', pfx, '-passin', 'pass:Certbench-Test-1', '-nokeys').split('\n').filter((l) => l.startsWith('subject=')).map((l) => l.slice('subject='.length).trim());
  const [leaf, intermediate, root] = ['Leaf rsa', 'Intermediate CA', 'Root CA'].map((cn) => inPfx.find((s) => s.endsWith(`Certbench Test ${cn}`))!);
  expect(pemSubjects(at('cert.pem'))).toEqual([leaf]);
  expect(pemSubjects(at('chain.pem'))).toEqual([intermediate]);
  expect(pemSubjects(at('fullchain.pem'))).toEqual([leaf, intermediate]);
  const rootPem = join(outputDir, '..', 'root.pem');
  writeFileSync(rootPem, openssl('pkcs12', '-in', pfx, '-passin', 'pass:Certbench-Test-1', '-nokeys', '-cacerts').replace(/[\s\S]*?(?=-----BEGIN CERTIFICATE-----)/, ''));
  expect(pemSubjects(rootPem)).toContain(root);
  expect(openssl('verify', '-CAfile', rootPem, '-untrusted', at('chain.pem'), at('cert.pem')).trim()).toBe(`${at('cert.pem')}: OK`);
  expect(openssl('pkey', '-in', at('privkey.pem'), '-passin', `pass:${passphrase}`, '-pubout')).toBe(openssl('x509', '-in', at('cert.pem'), '-noout', '-pubkey'));
  expect(mode(at('privkey.pem'))).toBe(0o600);
});

test('server.pfx dropped straight on "Java 8 client": a JKS keytool lists as a PrivateKeyEntry with its chain, and Java’s getKey matches the leaf', async ({ app: page, bench, outputDir }) => {
  await goToConvert(page);
  const pfx = readFileSync(fixture('server.pfx')).toString('base64');
  const drag = (type: 'dragenter' | 'drop', selector: string) =>
    page.evaluate(
      ({ type, selector, pfx }) => {
        const data = new DataTransfer();
        data.items.add(new File([Uint8Array.from(atob(pfx), (c) => c.charCodeAt(0))], 'server.pfx'));
        document.querySelector(selector)!.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
      },
      { type, selector, pfx },
    );
  await drag('dragenter', 'body');
  const overlay = page.getByTestId('convert-drop-overlay');
  await expect(overlay).toBeVisible();
  // Dropped here it is not Inspect's: the Inspector's overlay does not show.
  await expect(page.getByText('Drop to open in Inspect')).toBeHidden();
  await snap(page, 'convert-drop-overlay');
  await drag('drop', '[data-testid="convert-drop-overlay"] [data-drop-card="java8"]');
  await expect(overlay).toBeHidden();
  await unlockPfx(page);

  // The card chose the target: straight to "Protect it".
  await expect(stepHeading(page, 'Protect it')).toBeVisible();
  await expect(page.getByTestId('convert-status')).toHaveText('server.pfx → Java 8 client');
  await expect(page.getByRole('radiogroup', { name: 'Who will open the PFX' })).toHaveCount(0);
  const storePassword = 'trust me 42';
  // keytool refuses keystore passwords under 6 characters: so does the wizard.
  await page.getByLabel('Keystore password', { exact: true }).fill('short');
  await page.getByLabel('Confirm keystore password').fill('short');
  await expect(page.getByTestId('password-problem')).toContainText('At least 6 characters');
  await expect(nextButton(page)).toBeDisabled();
  await page.getByLabel('Keystore password', { exact: true }).fill(storePassword);
  await page.getByLabel('Confirm keystore password').fill(storePassword);
  await expect(nextButton(page)).toBeEnabled();
  // The key entry gets a password of its own, as keytool -keypass gives it.
  const keyPassword = 'own key pass';
  await page.getByLabel(/Protect the key with a password of its own/).check();
  await expect(nextButton(page)).toBeDisabled();
  await page.getByLabel('Key password', { exact: true }).fill(keyPassword);
  await page.getByLabel('Confirm key password').fill(keyPassword);
  await page.getByLabel('Alias').fill('shop');
  await snap(page, 'convert-protect-jks');
  await nextButton(page).click();
  await whereToSave(page, bench);
  await nextButton(page).click();
  await expect(stepHeading(page, 'Review')).toBeVisible();
  await expect(page.getByTestId('review-files').locator('tbody tr')).toHaveCount(1);
  await page.getByRole('button', { name: 'Write files' }).click();
  await expect(page.getByTestId('result-verdict')).toHaveText(`Wrote 1 file to ${outputDir}`);

  const written = readdirSync(outputDir);
  expect(written).toHaveLength(1);
  const jks = join(outputDir, written[0]!);
  const listing = execFileSync('keytool', ['-list', '-v', '-keystore', jks, '-storepass', storePassword], { encoding: 'utf8' });
  expect(listing).toContain('Keystore type: JKS');
  expect(listing).toContain('Alias name: shop');
  expect(listing).toContain('Entry type: PrivateKeyEntry');
  expect(listing).toContain('Certificate chain length: 2');
  expect(listing).toMatch(/Certificate\[1\]:\nOwner: CN=shop\.example\.test/);
  // Java's KeyStore: getKey with the key's own password, and the key signs what the leaf verifies.
  const entries = await probeKeystore('JKS', jks, storePassword, { shop: keyPassword });
  expect(entries).toHaveLength(1);
  expect(entries[0]).toMatchObject({ alias: 'shop', type: 'key', keyMatchesLeaf: true });
  expect(entries[0]!.chain).toHaveLength(2);
  // The store password alone does not open the key.
  await expect(probeKeystore('JKS', jks, storePassword)).rejects.toThrow();
  expect(mode(jks)).toBe(0o600);
});

test('from the Inspector: right-click a certificate → "Save certificate…" → the wizard prefilled → DER that OpenSSL reads', async ({ app: page, bench, outputDir }) => {
  await page.getByTestId('file-input').setInputFiles(fixture('server.pem'));
  const row = page.getByRole('region', { name: 'server.pem' }).locator('[data-kind="certificate"]');
  const menu = page.getByRole('menu', { name: 'Next steps for shop.example.test' });
  // From the keyboard: Shift+F10 on the focused row opens the same menu; Esc closes it.
  await row.focus();
  await page.keyboard.press('Shift+F10');
  await expect(menu).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await row.click({ button: 'right' });
  await expect(menu).toBeVisible();
  await expect(menu.getByRole('menuitem')).toHaveText(['Save certificate…', 'Save chain / fullchain…', 'Export as PFX…', 'Add to a keystore…', 'Check chain…']);
  await snap(page, 'inspect-next-steps-menu');
  await menu.getByRole('menuitem', { name: 'Save certificate…' }).click();

  // Prefilled: the certificate, as DER; nothing to protect, so the wizard opens at "Where to save".
  await expect(page.getByRole('heading', { name: 'Convert', level: 1 })).toBeVisible();
  await whereToSave(page, bench);
  await expect(page.getByTestId('convert-status')).toHaveText('shop.example.test → Appliance that wants DER');
  await expect(page.locator('[data-step="protect"]')).toHaveCount(0);
  const name = page.locator('input[data-role="main"]');
  await expect(name).not.toHaveValue('');
  await name.fill('shop.cer');
  await snap(page, 'convert-prefilled');
  await nextButton(page).click();
  await expect(page.getByTestId('review-files')).toContainText('shop.cer');
  await page.getByRole('button', { name: 'Write files' }).click();
  await expect(page.getByTestId('result-verdict')).toHaveText(`Wrote 1 file to ${outputDir}`);

  const der = join(outputDir, 'shop.cer');
  expect(openssl('x509', '-inform', 'DER', '-in', der, '-noout', '-subject')).toContain('CN = shop.example.test');
  expect(openssl('x509', '-inform', 'DER', '-in', der, '-noout', '-fingerprint', '-sha256')).toBe(openssl('x509', '-in', fixture('server.pem'), '-noout', '-fingerprint', '-sha256'));

  // The file's "⋯" menu: Convert… starts at "Who needs it?" with the whole file chosen.
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('button', { name: 'Inspect' }).click();
  await page.getByRole('button', { name: 'Next steps for server.pem' }).click();
  await page.getByRole('menu', { name: 'Next steps for server.pem' }).getByRole('menuitem', { name: 'Convert…' }).click();
  await expect(stepHeading(page, 'Who needs it?')).toBeVisible();
  await expect(page.getByTestId('convert-status')).toHaveText('server.pem');
});

test('a key without its passphrase only by choice, with a warning; an existing file is replaced only after "Replace"', async ({ app: page, bench, outputDir }) => {
  await page.getByTestId('file-input').setInputFiles([fixture('server.pem'), fixture('server.key')]);
  await page.getByRole('region', { name: 'server.key' }).locator('[data-kind="privateKey"]').click();
  const details = page.getByRole('region', { name: 'Details' });
  await expect(details.getByRole('group', { name: 'Next steps' }).getByRole('button')).toHaveText(['Export key… (encrypted)', 'Export as PFX with its certificate…', 'Add to a keystore with its certificate…', 'Make a CSR for this key…']);
  await snap(page, 'inspect-next-steps-key');
  await details.getByRole('button', { name: 'Export key… (encrypted)' }).click();

  await expect(stepHeading(page, 'Protect it')).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Encrypted with a passphrase (recommended)' })).toBeChecked();
  await expect(page.getByTestId('plain-key-warning')).toHaveCount(0);
  await page.getByRole('radio', { name: 'No passphrase' }).check();
  await expect(page.getByTestId('plain-key-warning')).toContainText('The private key will be written without a passphrase');
  await expect(page.getByLabel('Key passphrase', { exact: true })).toHaveCount(0);
  await snap(page, 'convert-plain-key-warning');
  await nextButton(page).click();
  await whereToSave(page, bench);
  await nextButton(page).click();
  await expect(stepHeading(page, 'Review')).toBeVisible();
  await expect(page.getByTestId('review-files')).toContainText('Key NOT encrypted');
  await page.getByRole('button', { name: 'Write files' }).click();
  await expect(page.getByTestId('result-verdict')).toHaveText(`Wrote 1 file to ${outputDir}`);
  const [name] = readdirSync(outputDir);
  const keyFile = join(outputDir, name!);
  expect(readFileSync(keyFile, 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----/);
  expect(openssl('pkey', '-in', keyFile, '-pubout')).toBe(openssl('pkey', '-in', fixture('server.key'), '-pubout'));
  expect(mode(keyFile)).toBe(0o600);
  const before = statSync(keyFile).mtimeMs;

  // The same again: the file is there. Keep it first, then replace it.
  await page.locator('[data-step="review"]').click();
  await page.getByRole('button', { name: 'Write files' }).click();
  const replace = page.getByRole('dialog', { name: `Replace ${name}?` });
  await expect(replace).toBeVisible();
  await snap(page, 'convert-replace');
  await replace.getByRole('button', { name: 'Keep them' }).click();
  await expect(replace).toBeHidden();
  await expect(page.getByTestId('convert-result')).toHaveCount(0);
  expect(statSync(keyFile).mtimeMs).toBe(before);
  await page.getByRole('button', { name: 'Write files' }).click();
  await replace.getByRole('button', { name: 'Replace' }).click();
  await expect(page.getByTestId('result-verdict')).toHaveText(`Wrote 1 file to ${outputDir}`);
  expect(readdirSync(outputDir)).toEqual([name]);
  expect(openssl('pkey', '-in', keyFile, '-pubout')).toBe(openssl('pkey', '-in', fixture('server.key'), '-pubout'));
});

test('from the Inspector: a key → "Export as PFX with its certificate…" → legacy profile: OpenSSL reads it only with -legacy, keytool lists the key', async ({ app: page, bench, outputDir }) => {
  await page.getByTestId('file-input').setInputFiles([fixture('server.pem'), fixture('root.pem'), fixture('server.key')]);
  await page.getByRole('region', { name: 'server.key' }).locator('[data-kind="privateKey"]').click();
  await page.getByRole('region', { name: 'Details' }).getByRole('button', { name: 'Export as PFX with its certificate…' }).click();

  await expect(stepHeading(page, 'Protect it')).toBeVisible();
  await expect(page.getByTestId('convert-status')).toHaveText('shop.example.test, Certbench E2E Root, RSA 2048-bit private key → Windows Server / IIS');
  const profiles = page.getByRole('radiogroup', { name: 'Who will open the PFX' });
  await expect(profiles.getByRole('radio', { name: /^Modern/ })).toBeChecked();
  await profiles.getByRole('radio', { name: /^Legacy/ }).check();
  await expect(page.getByTestId('convert-status')).toHaveText(/→ Older Windows Server, macOS Keychain, Java 8$/);
  const password = 'for old windows';
  await page.getByLabel('PFX password', { exact: true }).fill(password);
  await page.getByLabel('Confirm PFX password').fill(password);
  await page.getByLabel('Friendly name').fill('shop');
  await snap(page, 'convert-protect-pfx');
  await nextButton(page).click();
  await whereToSave(page, bench);
  await nextButton(page).click();
  await expect(page.getByTestId('review-files')).toContainText('PFX / P12 · Legacy');
  await page.getByRole('button', { name: 'Write files' }).click();
  await expect(page.getByTestId('result-verdict')).toHaveText(`Wrote 1 file to ${outputDir}`);

  const [name] = readdirSync(outputDir);
  const pfx = join(outputDir, name!);
  expect(mode(pfx)).toBe(0o600);
  // RC2-40 certificates and a 3DES key: OpenSSL 3 refuses it without -legacy, reads it with.
  expect(() => execFileSync('openssl', ['pkcs12', '-in', pfx, '-passin', `pass:${password}`, '-info', '-noout'], { stdio: 'pipe' })).toThrow();
  // -info prints the ciphers on stderr, the certificates on stdout.
  const read = spawnSync('openssl', ['pkcs12', '-legacy', '-in', pfx, '-passin', `pass:${password}`, '-info', '-nokeys'], { encoding: 'utf8' });
  expect(read.status).toBe(0);
  const info = read.stdout;
  expect(read.stderr).toMatch(/MAC: sha1/);
  expect(read.stderr).toMatch(/pbeWithSHA1And40BitRC2-CBC/);
  expect(read.stderr).toMatch(/pbeWithSHA1And3-KeyTripleDES-CBC/);
  expect(info.split('\n').filter((l) => l.startsWith('subject=')).map((l) => l.slice(8).trim())).toEqual([...pemSubjects(fixture('server.pem')), ...pemSubjects(fixture('root.pem'))]);
  const listing = execFileSync('keytool', ['-list', '-v', '-storetype', 'PKCS12', '-keystore', pfx, '-storepass', password], { encoding: 'utf8' });
  expect(listing).toContain('Alias name: shop');
  expect(listing).toContain('Entry type: PrivateKeyEntry');
  expect(listing).toContain('Certificate chain length: 2');
});

test('the Inspector’s keystore next steps open the Keystores page with the file or the certificate to add', async ({ app: page }) => {
  await page.getByTestId('file-input').setInputFiles([fixture('keystore.jks'), fixture('root.pem')]);
  await page.getByRole('button', { name: 'Next steps for keystore.jks' }).click();
  const fileMenu = page.getByRole('menu', { name: 'Next steps for keystore.jks' });
  await expect(fileMenu.getByRole('menuitem')).toHaveText(['Convert…', 'Open as keystore…', 'Check chain…']);
  await fileMenu.getByRole('menuitem', { name: 'Open as keystore…' }).click();
  // The Keystores page takes the file and asks its password (a JKS listed without it).
  await expect(page.getByRole('dialog')).toContainText('keystore.jks');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();

  await page.getByRole('navigation', { name: 'Pages' }).getByRole('button', { name: 'Inspect' }).click();
  await page.getByRole('region', { name: 'root.pem' }).locator('[data-kind="certificate"]').click({ button: 'right' });
  await page.getByRole('menu', { name: 'Next steps for Certbench E2E Root' }).getByRole('menuitem', { name: 'Add to a keystore…' }).click();
  await expect(page.getByRole('dialog', { name: 'Add to which keystore?' })).toBeVisible();
});

test('"All formats": a certificate without its key → P7B (DER) that OpenSSL reads; cards that need a key say none was found', async ({ app: page, bench, outputDir }) => {
  await page.getByTestId('file-input').setInputFiles(fixture('bundle.pem'));
  await page.getByRole('button', { name: 'Next steps for bundle.pem' }).click();
  await page.getByRole('menu', { name: 'Next steps for bundle.pem' }).getByRole('menuitem', { name: 'Convert…' }).click();
  await expect(stepHeading(page, 'Who needs it?')).toBeVisible();
  const keyCard = page.getByRole('button', { name: /^Java service key:/ });
  await expect(keyCard).toBeDisabled();
  await expect(keyCard).toContainText('Needs a private key: none was found');
  await page.getByRole('button', { name: 'All formats' }).click();
  await page.getByRole('button', { name: /^P7B \(DER\)/ }).click();
  await snap(page, 'convert-all-formats');
  await nextButton(page).click();
  await expect(stepHeading(page, 'Protect it')).toBeVisible();
  await expect(page.getByLabel(/Include the root certificate/)).toBeChecked();
  await nextButton(page).click();
  await whereToSave(page, bench);
  await nextButton(page).click();
  await expect(page.getByTestId('chain-order').locator('li')).toHaveCount(2);
  await page.getByRole('button', { name: 'Write files' }).click();
  await expect(page.getByTestId('result-verdict')).toHaveText(`Wrote 1 file to ${outputDir}`);
  const [name] = readdirSync(outputDir);
  const printed = openssl('pkcs7', '-inform', 'DER', '-in', join(outputDir, name!), '-print_certs', '-noout');
  const subjects = printed.split('\n').filter((l) => l.startsWith('subject=')).map((l) => l.slice('subject='.length).trim());
  // Leaf → root, as in bundle.pem.
  expect(subjects).toEqual(pemSubjects(fixture('bundle.pem')));
});
