/**
 * The Keystores page as a person uses it, checked by the peers: a JKS opened, edited and saved with a new
 * store password (keytool and java.security.KeyStore read it); a truststore made from a bundle's CA
 * certificates saved as PKCS#12 (keytool lists a trustedCertEntry); the CA reply flow refusing a reply for
 * another key (NO_MATCHING_KEY) and taking the right one.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { probeKeystore } from '../test/helpers/java-probe';
import { test, expect, fixture, sharedFixture, snap, type Bench } from './harness';

const keytoolList = (file: string, storePassword: string, storeType?: string) =>
  execFileSync('keytool', ['-list', '-v', '-keystore', file, '-storepass', storePassword, ...(storeType ? ['-storetype', storeType] : [])], { encoding: 'utf8', timeout: 60_000 });

/** Aliases and entry types as keytool -list -v prints them, in order. */
function keytoolEntries(listing: string): { alias: string; type: string }[] {
  const aliases = [...listing.matchAll(/^Alias name: (.+)$/gm)].map((m) => m[1]!.trim());
  const types = [...listing.matchAll(/^Entry type: (.+)$/gm)].map((m) => m[1]!.trim());
  return aliases.map((alias, i) => ({ alias, type: types[i]! }));
}

async function openKeystoresPage(page: Page) {
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('button', { name: 'Keystores' }).click();
  await expect(page.getByRole('heading', { name: 'Keystores' })).toBeVisible();
}

const row = (page: Page, alias: string) => page.getByRole('table', { name: 'Entries' }).locator(`tr[data-alias="${alias}"]`);

/** Fills and submits the save dialog, into the test's folder; answers the dialog (still open when the file exists). */
async function save(page: Page, bench: Bench, kind: RegExp, fileName: string, password: string, screenshot?: string) {
  await page.getByRole('button', { name: 'Save…' }).click();
  const dialog = page.getByRole('dialog', { name: /^Save / });
  await bench.chooseOutputFolder(dialog);
  await dialog.getByRole('radio', { name: kind }).check();
  await dialog.getByLabel('File name').fill(fileName);
  await dialog.getByLabel('Store password', { exact: true }).fill(password);
  await dialog.getByLabel('Confirm store password', { exact: true }).fill(password);
  if (screenshot) await snap(page, screenshot);
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  return dialog;
}

test('a JKS: opened with its password, a root added as trusted, an entry renamed, saved with a new password that keytool and Java accept', async ({ app: page, bench, outputDir }) => {
  await openKeystoresPage(page);
  await expect(page.getByText('Open a .jks, .jceks or .p12 — or start a new keystore or truststore')).toBeVisible();
  await snap(page, 'keystores-empty');

  await page.getByTestId('keystore-file-input').setInputFiles(fixture('keystore.jks'));
  const ask = page.getByRole('dialog', { name: 'Password for keystore.jks' });
  await ask.getByLabel('Store password', { exact: true }).fill('not it');
  await ask.getByRole('button', { name: 'Open' }).click();
  await expect(ask.getByTestId('error')).toHaveAttribute('data-code', 'WRONG_PASSWORD');
  await ask.getByLabel('Store password', { exact: true }).fill('changeit');
  await ask.getByRole('button', { name: 'Open' }).click();
  await expect(ask).toBeHidden();

  await expect(page.getByRole('tab', { name: /^keystore\.jks, JKS/ })).toBeVisible();
  const shop = row(page, 'shop');
  await expect(shop).toHaveAttribute('data-type', 'privateKey');
  await expect(shop).toContainText('Key pair');
  await expect(shop).toContainText('shop.example.test');
  await expect(shop).toContainText(/\d+ days left/);
  await expect(shop.getByTitle(/^Expires \d{1,2} \w{3} \d{4}, in \d+ days$/)).toBeVisible();
  await expect(shop.locator('td').nth(4)).toHaveText('2');
  // The details: the chain leaf → root, each with its expiry.
  const details = page.getByRole('region', { name: 'Entry details' });
  await expect(details.getByTestId('chain-node')).toHaveCount(2);
  await expect(details.getByTestId('chain-node').last()).toContainText('Root CA');
  await expect(details.getByTestId('chain-node').last()).toContainText(/Expires \d{1,2} \w{3} \d{4}, in \d+ years/);

  // Add root.pem as a trusted certificate, from a file opened in the dialog.
  await page.getByRole('button', { name: 'Add trusted certificate' }).click();
  const add = page.getByRole('dialog', { name: 'Add trusted certificates to keystore.jks' });
  await add.getByTestId('trusted-file-input').setInputFiles(fixture('root.pem'));
  await expect(add.getByRole('checkbox', { name: /^Certificate Certbench E2E Root/ })).toBeChecked();
  await expect(add.getByLabel('Alias')).toHaveValue('certbench-e2e-root');
  await add.getByRole('button', { name: 'Add certificate' }).click();
  await expect(add).toBeHidden();
  await expect(row(page, 'certbench-e2e-root')).toHaveAttribute('data-type', 'trustedCert');
  await expect(page.getByRole('tab', { name: /unsaved changes/ })).toBeVisible();

  // Rename from the row's context menu.
  await shop.click({ button: 'right' });
  await page.getByRole('menu', { name: 'Actions for shop' }).getByRole('menuitem', { name: 'Rename…' }).click();
  const rename = page.getByRole('dialog', { name: 'Rename “shop”' });
  await rename.getByLabel('New alias').fill('Certbench-E2E-Root');
  await expect(rename.getByText('is already an alias')).toBeVisible();
  await expect(rename.getByRole('button', { name: 'Rename' })).toBeDisabled();
  await rename.getByLabel('New alias').fill('server');
  await rename.getByRole('button', { name: 'Rename' }).click();
  await expect(rename).toBeHidden();
  await expect(row(page, 'server')).toHaveAttribute('data-type', 'privateKey');
  await expect(row(page, 'shop')).toHaveCount(0);
  await snap(page, 'keystores-jks');

  // Save as JKS with a new store password: a short one is refused first.
  await page.getByRole('button', { name: 'Save…' }).click();
  let dialog = page.getByRole('dialog', { name: 'Save keystore.jks' });
  await dialog.getByLabel('Store password', { exact: true }).fill('abc');
  await expect(dialog.getByText('keytool refuses shorter passwords')).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  const password = 'Blue-Harbor-2031!';
  dialog = await save(page, bench, /^JKS/, 'edited.jks', password, 'keystores-save');
  await expect(dialog).toBeHidden();
  const file = join(outputDir, 'edited.jks');
  expect(statSync(file).mode & 0o777, 'a keystore holding a key is written 0600').toBe(0o600);
  await expect(page.getByRole('tab', { name: /unsaved changes/ })).toHaveCount(0);

  // Saving again under the same name asks before replacing it.
  dialog = await save(page, bench, /^JKS/, 'edited.jks', password);
  const replace = page.getByRole('dialog', { name: 'Replace edited.jks?' });
  await expect(replace).toBeVisible();
  await replace.getByRole('button', { name: 'Replace' }).click();
  await expect(dialog).toBeHidden();

  // The peers: keytool with the new password, and java.security.KeyStore with getKey.
  const listing = keytoolList(file, password);
  expect(listing).toContain('Keystore type: JKS');
  expect(keytoolEntries(listing).sort((a, b) => a.alias.localeCompare(b.alias))).toEqual([
    { alias: 'certbench-e2e-root', type: 'trustedCertEntry' },
    { alias: 'server', type: 'PrivateKeyEntry' },
  ]);
  expect(listing).toContain('Certificate chain length: 2');
  expect(() => keytoolList(file, 'changeit')).toThrow();
  const probed = await probeKeystore('JKS', file, password);
  const server = probed.find((e) => e.alias === 'server');
  expect(server?.type).toBe('key');
  expect(server?.keyMatchesLeaf).toBe(true);
  expect(server?.chain?.[0]).toContain('CN=shop.example.test');
  expect(probed.find((e) => e.alias === 'certbench-e2e-root')?.type).toBe('trusted');
});

test('a truststore from a bundle’s CA certificates, saved as PKCS#12: keytool lists a trustedCertEntry', async ({ app: page, bench, outputDir }) => {
  await openKeystoresPage(page);
  await page.getByRole('button', { name: 'New truststore from CA certificates' }).click();
  const dialog = page.getByRole('dialog', { name: 'New truststore from CA certificates' });
  await dialog.getByTestId('truststore-file-input').setInputFiles(fixture('bundle.pem'));
  // The bundle holds the server certificate and its root: only the CA is offered and chosen.
  const choices = dialog.getByRole('group', { name: 'CA certificates' });
  await expect(choices.getByRole('checkbox')).toHaveCount(1);
  await expect(choices.getByRole('checkbox', { name: /^Certificate Certbench E2E Root/ })).toBeChecked();
  await dialog.getByLabel('Name').fill('partners');
  await dialog.getByRole('button', { name: 'Create with 1 certificate' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('tab', { name: /^partners, PKCS#12/ })).toBeVisible();
  // One trusted entry, named after the CA's common name.
  const rows = page.getByRole('table', { name: 'Entries' }).locator('tr[data-alias]');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute('data-type', 'trustedCert');
  await expect(rows.first()).toHaveAttribute('data-alias', /^certbench[ -]e2e[ -]root$/i);
  const alias = (await rows.first().getAttribute('data-alias'))!;

  const password = 'Truststore-pass-77';
  const saved = await save(page, bench, /^PKCS#12/, 'partners.p12', password);
  await expect(saved).toBeHidden();
  const file = join(outputDir, 'partners.p12');
  const listing = keytoolList(file, password, 'PKCS12');
  // Java's PKCS12 KeyStore lists aliases in lower case.
  expect(keytoolEntries(listing)).toEqual([{ alias: alias.toLowerCase(), type: 'trustedCertEntry' }]);
  expect(listing).toContain('CN=Certbench E2E Root');
  const probed = await probeKeystore('PKCS12', file, password);
  expect(probed.map((e) => [e.alias, e.type])).toEqual([[alias.toLowerCase(), 'trusted']]);
  await snap(page, 'keystores-truststore');
});

/** Signs a CSR for `key` with the e2e root, valid from before the e2e clock (openssl ca takes a start date). */
function signedReply(dir: string, name: string, key: string, subject: string): string {
  mkdirSync(dir, { recursive: true });
  const csr = join(dir, `${name}.csr`);
  execFileSync('openssl', ['req', '-new', '-key', key, '-subj', subject, '-out', csr]);
  const cnf = join(dir, `${name}.cnf`);
  writeFileSync(join(dir, `${name}.index`), '');
  writeFileSync(join(dir, `${name}.serial`), name === 'other' ? '1001\n' : '1002\n');
  writeFileSync(
    cnf,
    [
      '[ca]',
      'default_ca = reply',
      '[reply]',
      `database = ${join(dir, `${name}.index`)}`,
      `serial = ${join(dir, `${name}.serial`)}`,
      `new_certs_dir = ${dir}`,
      'default_md = sha256',
      'policy = any',
      'unique_subject = no',
      'x509_extensions = client',
      '[any]',
      'commonName = supplied',
      '[client]',
      'basicConstraints = CA:FALSE',
      'keyUsage = critical, digitalSignature, keyEncipherment',
      'extendedKeyUsage = clientAuth',
      '',
    ].join('\n'),
  );
  const out = join(dir, `${name}.pem`);
  execFileSync('openssl', ['ca', '-batch', '-config', cnf, '-cert', fixture('root.pem'), '-keyfile', fixture('root.key'), '-in', csr, '-out', out, '-notext', '-startdate', '20261101000000Z', '-enddate', '20271101000000Z'], { stdio: 'pipe' });
  return out;
}

test('CA reply: a reply for another key is refused in plain words (NO_MATCHING_KEY); the right one replaces the chain', async ({ app: page, bench, outputDir }, testInfo) => {
  const work = testInfo.outputPath('ca');
  mkdirSync(work, { recursive: true });
  const otherKey = join(work, 'other.key');
  execFileSync('openssl', ['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', otherKey]);
  const otherReply = signedReply(work, 'other', otherKey, '/O=Example/CN=someone-else@example.test');
  const reply = signedReply(work, 'reply', fixture('server.key'), '/O=Example/CN=api-user-7@example.test');

  await openKeystoresPage(page);
  await page.getByRole('button', { name: 'New keystore' }).click();
  await expect(page.getByRole('tab', { name: /^keystore, JKS/ })).toBeVisible();

  // The key pair: server.key with server.pem and root.pem.
  await page.getByRole('button', { name: 'Import key pair' }).click();
  const imp = page.getByRole('dialog', { name: 'Import a key pair into keystore' });
  await imp.getByTestId('key-file-input').setInputFiles(fixture('server.key'));
  await expect(imp.getByRole('radio', { name: /RSA 2048-bit private key/ })).toBeChecked();
  await imp.getByTestId('chain-file-input').setInputFiles([fixture('server.pem'), fixture('root.pem')]);
  await expect(imp.getByRole('group', { name: 'Certificates' }).getByRole('checkbox', { checked: true })).toHaveCount(2);
  await expect(imp.getByLabel('Alias')).toHaveValue('shop.example.test');
  await imp.getByLabel('Alias').fill('client');
  await imp.getByRole('button', { name: 'Import key pair' }).click();
  await expect(imp).toBeHidden();
  await expect(row(page, 'client')).toHaveAttribute('data-type', 'privateKey');
  await expect(row(page, 'client').locator('td').nth(4)).toHaveText('2');

  // A reply for another key: the review warns, main refuses, the message says so in plain words.
  await row(page, 'client').getByRole('button', { name: 'Actions for client' }).click();
  await page.getByRole('menuitem', { name: 'Import CA reply…' }).click();
  const wizard = page.getByRole('dialog', { name: 'Import a CA reply into keystore' });
  await expect(wizard.getByRole('radio', { name: /client/ })).toBeChecked();
  await wizard.getByRole('button', { name: 'Next' }).click();
  await wizard.getByTestId('ca-reply-file-input').setInputFiles(otherReply);
  await expect(wizard.getByRole('checkbox', { name: /someone-else@example\.test/ })).toBeChecked();
  await wizard.getByRole('button', { name: 'Next' }).click();
  await expect(wizard.getByTestId('ca-reply-check')).toContainText('None of the chosen certificates holds the public key of “client”');
  await wizard.getByRole('button', { name: 'Import reply' }).click();
  const refused = wizard.getByTestId('error');
  await expect(refused).toHaveAttribute('data-code', 'NO_MATCHING_KEY');
  await expect(refused).toContainText('This reply is for a different key');
  await snap(page, 'keystores-ca-reply-refused');

  // The right reply: back one step, open it, choose only it.
  await wizard.getByRole('button', { name: 'Back' }).click();
  await wizard.getByTestId('ca-reply-file-input').setInputFiles(reply);
  await wizard.getByRole('checkbox', { name: /someone-else@example\.test/ }).uncheck();
  await expect(wizard.getByRole('checkbox', { name: /api-user-7@example\.test/ })).toBeChecked();
  await wizard.getByRole('button', { name: 'Next' }).click();
  await expect(wizard.getByTestId('ca-reply-check')).toContainText('holds the public key of “client”');
  await snap(page, 'keystores-ca-reply');
  await wizard.getByRole('button', { name: 'Import reply' }).click();
  await expect(wizard.getByTestId('ca-reply-done')).toContainText('api-user-7@example.test → Certbench E2E Root');
  await wizard.getByRole('button', { name: 'Done' }).click();
  await expect(row(page, 'client')).toContainText('api-user-7@example.test');

  const password = 'Mutual-TLS-2026';
  await expect(await save(page, bench, /^JKS/, 'client.jks', password)).toBeHidden();
  const probed = await probeKeystore('JKS', join(outputDir, 'client.jks'), password);
  expect(probed).toHaveLength(1);
  expect(probed[0]!.alias).toBe('client');
  expect(probed[0]!.keyMatchesLeaf).toBe(true);
  expect(probed[0]!.chain).toHaveLength(2);
  expect(probed[0]!.chain![0]).toContain('CN=api-user-7@example.test');
  expect(probed[0]!.chain![1]).toContain('CN=Certbench E2E Root');
});

test('a key with its own password: listed as locked, unlocked here, given the store password, an entry deleted; Java opens the key with the new store password', async ({ app: page, bench, outputDir }) => {
  await openKeystoresPage(page);
  await page.getByTestId('keystore-file-input').setInputFiles(sharedFixture('keystores', 'keypass.jks'));
  const ask = page.getByRole('dialog', { name: 'Password for keypass.jks' });
  await ask.getByLabel('Store password', { exact: true }).fill('changeit-store');
  await ask.getByRole('button', { name: 'Open' }).click();
  await expect(ask).toBeHidden();

  const locked = row(page, 'locked');
  await expect(locked).toContainText('Needs its own password');
  await expect(page.getByRole('region', { name: 'Entry details' })).toBeVisible();
  await snap(page, 'keystores-locked-key');
  await locked.getByRole('button', { name: 'Unlock' }).click();
  const unlock = page.getByRole('dialog', { name: 'Unlock “locked”' });
  await unlock.getByLabel('Key password', { exact: true }).fill('changeit-store');
  await unlock.getByRole('button', { name: 'Unlock' }).click();
  await expect(unlock.getByTestId('error')).toHaveAttribute('data-code', 'WRONG_PASSWORD');
  await unlock.getByLabel('Key password', { exact: true }).fill('other-key-pass');
  await unlock.getByRole('button', { name: 'Unlock' }).click();
  await expect(unlock).toBeHidden();
  await expect(locked).not.toContainText('Needs its own password');
  await expect(locked).toContainText('Own key password');

  // The key takes the store password from now on.
  await locked.click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Change key password…' }).click();
  const keyPassword = page.getByRole('dialog', { name: 'Key password of “locked”' });
  await keyPassword.getByRole('radio', { name: /Same as the store password/ }).check();
  await keyPassword.getByRole('button', { name: 'Set key password' }).click();
  await expect(keyPassword).toBeHidden();
  await expect(locked).not.toContainText('Own key password');

  // Delete the trusted root from the keyboard (F2 renames, Delete deletes), after a confirm.
  await row(page, 'rootca').click();
  await page.keyboard.press('F2');
  await expect(page.getByRole('dialog', { name: 'Rename “rootca”' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Rename “rootca”' })).toBeHidden();
  await row(page, 'rootca').focus();
  await page.keyboard.press('Delete');
  const confirm = page.getByRole('dialog', { name: 'Delete “rootca”?' });
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await expect(confirm).toBeHidden();
  await expect(row(page, 'rootca')).toHaveCount(0);

  const password = 'One-Password-For-All';
  await expect(await save(page, bench, /^JKS/, 'keypass-unified.jks', password)).toBeHidden();
  const file = join(outputDir, 'keypass-unified.jks');
  expect(keytoolEntries(keytoolList(file, password))).toEqual([{ alias: 'locked', type: 'PrivateKeyEntry' }]);
  // No key password given to Java: the store password must open the key now.
  const probed = await probeKeystore('JKS', file, password);
  expect(probed).toHaveLength(1);
  expect(probed[0]!.type).toBe('key');
  expect(probed[0]!.keyMatchesLeaf).toBe(true);

  // Close: saved, so no question; the page teaches again.
  await page.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(page.getByText('Open a .jks, .jceks or .p12 — or start a new keystore or truststore')).toBeVisible();
});

test('closing a keystore with unsaved changes asks first', async ({ app: page }) => {
  await openKeystoresPage(page);
  await page.getByRole('button', { name: 'New keystore' }).click();
  await page.getByRole('button', { name: 'Add trusted certificate' }).click();
  const add = page.getByRole('dialog', { name: /^Add trusted certificates/ });
  await add.getByTestId('trusted-file-input').setInputFiles(fixture('root.pem'));
  await add.getByRole('button', { name: 'Add certificate' }).click();
  await expect(add).toBeHidden();
  await page.getByRole('button', { name: 'Close', exact: true }).click();
  const confirm = page.getByRole('dialog', { name: /without saving\?$/ });
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('tab', { name: /unsaved changes/ })).toBeVisible();
  await page.getByRole('button', { name: 'Close', exact: true }).click();
  await page.getByRole('dialog', { name: /without saving\?$/ }).getByRole('button', { name: 'Close without saving' }).click();
  await expect(page.getByRole('tab')).toHaveCount(0);
  await expect(page.getByText('Open a .jks, .jceks or .p12 — or start a new keystore or truststore')).toBeVisible();
});

test('a keystore dropped on the page opens here for editing, not in Inspect', async ({ app: page }) => {
  await openKeystoresPage(page);
  const file = { name: 'keystore.jks', base64: readFileSync(fixture('keystore.jks')).toString('base64') };
  const dropOn = async (type: 'dragenter' | 'drop') =>
    page.evaluate(
      ({ type, file }) => {
        const data = new DataTransfer();
        data.items.add(new File([Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0))], file.name));
        document.body.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
      },
      { type, file },
    );
  await dropOn('dragenter');
  await expect(page.getByText('Drop a keystore to edit it')).toBeVisible();
  await snap(page, 'keystores-drop');
  await dropOn('drop');
  await expect(page.getByText('Drop a keystore to edit it')).toBeHidden();
  const ask = page.getByRole('dialog', { name: 'Password for keystore.jks' });
  await ask.getByLabel('Store password', { exact: true }).fill('changeit');
  await ask.getByRole('button', { name: 'Open' }).click();
  await expect(ask).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Keystores' })).toBeVisible();
  await expect(row(page, 'shop')).toHaveAttribute('data-type', 'privateKey');
});

test('a truststore of certifi’s 121 roots: only the rows on screen are drawn, the keyboard reaches the last, keytool lists every one', async ({ app: page, bench, outputDir }) => {
  test.setTimeout(120_000);
  const roots = sharedFixture('corpus', 'certifi', 'cacert.pem');
  const expected = Number(execFileSync('openssl', ['storeutl', '-noout', '-certs', roots], { encoding: 'utf8' }).match(/Total found: (\d+)/)![1]);
  expect(expected).toBeGreaterThan(100);

  await openKeystoresPage(page);
  await page.getByRole('button', { name: 'New truststore from CA certificates' }).click();
  const dialog = page.getByRole('dialog', { name: 'New truststore from CA certificates' });
  await dialog.getByTestId('truststore-file-input').setInputFiles(roots);
  await dialog.getByRole('button', { name: `Create with ${expected} certificates` }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('keystore-summary')).toContainText(`${expected} trusted certificates`);

  const table = page.getByRole('table', { name: 'Entries' });
  const drawn = await table.locator('tr[data-alias]').count();
  expect(drawn, 'rows drawn for a window of 800 px').toBeLessThan(60);
  await table.locator('tr[data-alias]').first().click();
  await page.keyboard.press('End');
  const last = table.locator('tr[data-alias][aria-selected="true"]');
  await expect(last).toBeFocused();
  const lastAlias = (await last.getAttribute('data-alias'))!;
  await page.keyboard.press('Home');
  await expect(table.locator('tr[data-alias][aria-selected="true"]')).not.toHaveAttribute('data-alias', lastAlias);
  await snap(page, 'keystores-big-truststore');

  const password = 'Roots-Of-Trust-121';
  await expect(await save(page, bench, /^PKCS#12/, 'roots.p12', password)).toBeHidden();
  const entries = keytoolEntries(keytoolList(join(outputDir, 'roots.p12'), password, 'PKCS12'));
  expect(entries).toHaveLength(expected);
  expect(entries.every((e) => e.type === 'trustedCertEntry')).toBe(true);
  expect(entries.map((e) => e.alias)).toContain(lastAlias.toLowerCase());
});

test('a PFX opened as a keystore and saved as JCEKS: keytool and Java read the key pair', async ({ app: page, bench, outputDir }) => {
  await openKeystoresPage(page);
  await page.getByTestId('keystore-file-input').setInputFiles(fixture('server.pfx'));
  const ask = page.getByRole('dialog', { name: 'Password for server.pfx' });
  await ask.getByLabel('Store password', { exact: true }).fill('correct horse');
  await ask.getByRole('button', { name: 'Open' }).click();
  await expect(ask).toBeHidden();
  await expect(page.getByRole('tab', { name: /^server\.pfx, PKCS#12/ })).toBeVisible();
  const key = page.getByRole('table', { name: 'Entries' }).locator('tr[data-type="privateKey"]');
  await expect(key).toHaveCount(1);
  await expect(key).toContainText('shop.example.test');
  const alias = (await key.getAttribute('data-alias'))!;

  const password = 'Jceks-Store-2026';
  await page.getByRole('button', { name: 'Save…' }).click();
  const dialog = page.getByRole('dialog', { name: /^Save / });
  await bench.chooseOutputFolder(dialog);
  await dialog.getByRole('radio', { name: /^JCEKS/ }).check();
  // The file name follows the kind chosen.
  await expect(dialog.getByLabel('File name')).toHaveValue('server.jceks');
  await dialog.getByLabel('Store password', { exact: true }).fill(password);
  await dialog.getByLabel('Confirm store password', { exact: true }).fill(`${password}x`);
  await expect(dialog.getByText('The two passwords differ.')).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Save', exact: true })).toBeDisabled();
  await dialog.getByLabel('Confirm store password', { exact: true }).fill(password);
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(dialog).toBeHidden();

  const file = join(outputDir, 'server.jceks');
  const listing = keytoolList(file, password, 'JCEKS');
  expect(listing).toContain('Keystore type: JCEKS');
  expect(keytoolEntries(listing)).toEqual([{ alias: alias.toLowerCase(), type: 'PrivateKeyEntry' }]);
  const probed = await probeKeystore('JCEKS', file, password);
  expect(probed).toHaveLength(1);
  expect(probed[0]!.keyMatchesLeaf).toBe(true);
  expect(probed[0]!.chain![0]).toContain('CN=shop.example.test');
});

test('from Inspect: a certificate added to a new truststore, a key imported with the chain main builds, a keystore file opened here', async ({ app: page }) => {
  await page.getByTestId('file-input').setInputFiles([fixture('bundle.pem'), fixture('server.key'), fixture('keystore.jks')]);
  const bundle = page.getByRole('region', { name: 'bundle.pem' });
  await bundle.locator('[data-kind="certificate"]', { hasText: 'Certbench E2E Root' }).click();
  await page.getByRole('group', { name: 'Next steps' }).getByRole('button', { name: 'Add to a keystore…' }).click();

  // No keystore open yet: the choice is a new truststore, then the certificate is offered, chosen.
  const target = page.getByRole('dialog', { name: 'Add to which keystore?' });
  await expect(target.getByRole('radio', { name: 'A new truststore' })).toBeChecked();
  await target.getByRole('button', { name: 'Continue' }).click();
  const add = page.getByRole('dialog', { name: 'Add trusted certificates to truststore' });
  await expect(add.getByRole('checkbox', { name: /^Certificate Certbench E2E Root/ })).toBeChecked();
  await add.getByRole('button', { name: 'Add certificate' }).click();
  await expect(add).toBeHidden();
  await expect(page.getByRole('tab', { name: /^truststore, PKCS#12/ })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Entries' }).locator('tr[data-type="trustedCert"]')).toHaveCount(1);

  // The key, from Inspect, into the open keystore: its chain is built from the open certificates.
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('button', { name: 'Inspect' }).click();
  await page.getByRole('region', { name: 'server.key' }).locator('[data-kind="privateKey"]').click();
  await page.getByRole('group', { name: 'Next steps' }).getByRole('button', { name: 'Add to a keystore with its certificate…' }).click();
  const imp = page.getByRole('dialog', { name: 'Import a key pair into truststore' });
  await expect(imp.getByRole('radio', { name: /RSA 2048-bit private key/ })).toBeChecked();
  await expect(imp.getByLabel('Alias')).toHaveValue('shop.example.test');
  await imp.getByRole('button', { name: 'Import key pair' }).click();
  await expect(imp).toBeHidden();
  const keyRow = page.getByRole('table', { name: 'Entries' }).locator('tr[data-alias="shop.example.test"]');
  await expect(keyRow).toHaveAttribute('data-type', 'privateKey');
  await expect(keyRow.locator('td').nth(4)).toHaveText('2');

  // A keystore file, from its next steps in Inspect: its password is asked here.
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('button', { name: 'Inspect' }).click();
  await page.getByRole('button', { name: 'Next steps for keystore.jks' }).click();
  await page.getByRole('menuitem', { name: 'Open as keystore…' }).click();
  const ask = page.getByRole('dialog', { name: 'Password for keystore.jks' });
  await ask.getByLabel('Store password', { exact: true }).fill('changeit');
  await ask.getByRole('button', { name: 'Open' }).click();
  await expect(ask).toBeHidden();
  await expect(page.getByRole('tab', { name: /^keystore\.jks, JKS/ })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tab')).toHaveCount(2);
  await expect(page.getByRole('table', { name: 'Entries' }).locator('tr[data-alias="shop"]')).toHaveAttribute('data-type', 'privateKey');
});
