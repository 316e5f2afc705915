/**
 * New CSR clicked through as a person would: a server CSR from an OpenSSL config file, a mutual-TLS client CSR
 * typed in, bad input stopped under its field, and the CA's reply turned into a Java keystore. Every file
 * written is read back by the peers: openssl (req -verify, pkey) and keytool / Java's KeyStore.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { probeKeystore } from '../test/helpers/java-probe';
import { test, expect, fixture, snap, type Bench } from './harness';

const openssl = (...args: string[]) => execFileSync('openssl', args, { encoding: 'utf8' });
const mode = (path: string) => statSync(path).mode & 0o777;

async function goToCsr(page: Page) {
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('button', { name: 'New CSR' }).click();
  await expect(page.getByRole('heading', { name: 'New CSR', level: 1 })).toBeVisible();
  await expect(stepHeading(page, 'What is it for?')).toBeVisible();
}

const footer = (page: Page) => page.getByTestId('wizard-footer');
const nextButton = (page: Page) => footer(page).getByRole('button', { name: /^Next:/ });
const stepHeading = (page: Page, title: string) => page.getByRole('heading', { name: title, level: 2 });

async function next(page: Page, title: string) {
  await nextButton(page).click();
  await expect(stepHeading(page, title)).toBeVisible();
}

/**
 * What openssl prints of a CSR: verified, its subject (one line) and its requested extensions, each as
 * "name: value" (sorted: the order of extensions in a CSR carries no meaning).
 */
function readCsr(path: string): { verified: boolean; subject: string; extensions: string[]; text: string } {
  const run = spawnSync('openssl', ['req', '-verify', '-noout', '-text', '-in', path], { encoding: 'utf8' });
  const text = run.stdout;
  const subject = /^\s*Subject: (.*)$/m.exec(text)?.[1] ?? '';
  const block = text.split('Requested Extensions:')[1]?.split(/Signature Algorithm:/)[0] ?? '';
  const extensions: string[] = [];
  for (const line of block.split('\n').map((l) => l.trim()).filter(Boolean)) {
    if (/^X509v3 .*:/.test(line) || /^[\w .]+: ?(critical)?$/.test(line)) extensions.push(line);
    else extensions[extensions.length - 1] += ` ${line}`;
  }
  return { verified: run.status === 0 && /verify OK/.test(run.stderr + run.stdout), subject, extensions: extensions.sort(), text };
}

/** Creates the CSR on the review step and goes on to Save. */
/** Create, then the Save step writing into the test's folder (the web host's own, or chosen in Electron's folder dialog). */
async function createAndGoToSave(page: Page, bench: Bench) {
  await footer(page).getByRole('button', { name: 'Create CSR' }).click();
  await expect(page.getByTestId('review-verdict')).toHaveText('CSR made: send it to your CA');
  await expect(page.getByTestId('created-pem')).toContainText('-----BEGIN CERTIFICATE REQUEST-----');
  await next(page, 'Save');
  await bench.chooseOutputFolder(page);
}

async function saveWithPassphrase(page: Page, passphrase: string) {
  await expect(page.getByRole('radio', { name: 'Encrypted with a passphrase (recommended)' })).toBeChecked();
  await expect(footer(page).getByRole('button', { name: 'Save files' })).toBeDisabled();
  await page.getByLabel('Key passphrase', { exact: true }).fill(passphrase);
  await page.getByLabel('Confirm key passphrase').fill(passphrase);
  await expect(footer(page).getByTestId('step-blocker')).toHaveText('');
  await footer(page).getByRole('button', { name: 'Save files' }).click();
}

/** The key file decrypts with the passphrase (and not without), and its public key is the CSR's. */
function expectKeyOfCsr(keyPath: string, csrPath: string, passphrase: string) {
  expect(readFileSync(keyPath, 'utf8')).toContain('-----BEGIN ENCRYPTED PRIVATE KEY-----');
  const keyPub = openssl('pkey', '-in', keyPath, '-passin', `pass:${passphrase}`, '-pubout');
  const csrPub = openssl('req', '-in', csrPath, '-noout', '-pubkey');
  expect(keyPub).toBe(csrPub);
  expect(() => execFileSync('openssl', ['pkey', '-in', keyPath, '-passin', 'pass:wrong', '-noout'], { stdio: 'pipe' })).toThrow();
  expect(mode(keyPath)).toBe(0o600);
}

test('a server CSR from an OpenSSL config file: imported, reviewed, created, saved with a passphrase; openssl reads the same subject and extensions as its own CSR from that file', async ({ app: page, bench, outputDir }, testInfo) => {
  const config = fixture('csr-server.cnf');
  await goToCsr(page);
  await expect(page.getByRole('button', { name: /^TLS server behind a load balancer:/ })).toBeVisible();
  await snap(page, 'csr-template');

  await page.getByTestId('config-file-input').setInputFiles(config);
  await expect(page.getByTestId('csr-status')).toContainText('csr-server.cnf');
  await expect(page.getByTestId('import-error')).toHaveCount(0);

  await next(page, 'Who is this certificate for?');
  await expect(page.getByLabel('Country (two letters)')).toHaveValue('US');
  await expect(page.getByLabel('State or province')).toHaveValue('Minnesota');
  await expect(page.getByLabel('City')).toHaveValue('Eden Prairie');
  await expect(page.getByLabel('Organization (legal name)')).toHaveValue('Example, Inc.');
  await expect(page.getByLabel('Department')).toHaveValue('');
  await expect(page.getByLabel(/^Common name/)).toHaveValue('paging.example.test');
  await snap(page, 'csr-subject');

  await next(page, 'Which names must it cover?');
  const rows = page.getByTestId('san-rows').locator('li');
  await expect(rows).toHaveCount(3);
  await expect(page.getByLabel('Name 1', { exact: true })).toHaveValue('paging.example.test');
  await expect(page.getByLabel('Name 2', { exact: true })).toHaveValue('paging-lb.example.test');
  await expect(page.getByLabel('Name 3', { exact: true })).toHaveValue('10.0.0.7');
  await expect(rows.nth(2)).toHaveAttribute('data-san-type', 'IP');
  await expect(page.getByRole('checkbox', { name: 'TLS server (websites, APIs)' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Key encipherment (RSA key exchange)' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Digital signature (TLS with ECDHE, signing)' })).not.toBeChecked();
  // dataEncipherment is not a usual choice: the advanced section opens to show it.
  await expect(page.getByRole('checkbox', { name: 'Data encipherment' })).toBeChecked();
  await snap(page, 'csr-names');

  await next(page, 'Key');
  // default_bits = 2048 in the file.
  await expect(page.getByRole('radio', { name: /^RSA 2048/ })).toBeChecked();

  await next(page, 'Review');
  // The internal address is a warning, not an error: Create is open.
  await expect(page.getByTestId('review-verdict')).toHaveText(/^Ready to send/);
  await expect(page.getByTestId('subject-line')).toHaveText('/C=US/ST=Minnesota/L=Eden Prairie/O=Example, Inc./CN=paging.example.test');
  await expect(page.getByTestId('config-text')).toContainText('DNS.2');
  await page.getByRole('tab', { name: 'openssl commands' }).click();
  await expect(page.getByTestId('command-openssl').first()).toContainText('openssl req');
  await page.getByRole('tab', { name: 'OpenSSL config file' }).click();
  await expect(footer(page).getByRole('button', { name: 'Create CSR' })).toBeEnabled();
  await snap(page, 'csr-review');

  await createAndGoToSave(page, bench);
  await expect(page.getByLabel('File name (without extension)')).toHaveValue('paging.example.test');
  const passphrase = 'paging pass 2026!';
  await saveWithPassphrase(page, passphrase);
  await expect(page.getByTestId('saved-verdict')).toHaveText('Saved 2 files');
  await expect(page.getByTestId('saved-folder')).toHaveText(outputDir);
  await snap(page, 'csr-saved');

  expect(readdirSync(outputDir).sort()).toEqual(['paging.example.test.csr', 'paging.example.test.key']);
  const csrPath = join(outputDir, 'paging.example.test.csr');
  const ours = readCsr(csrPath);
  expect(ours.verified).toBe(true);
  // openssl's own CSR from the same config file: the same subject and the same requested extensions.
  const theirsPath = testInfo.outputPath('openssl.csr');
  execFileSync('openssl', ['req', '-new', '-config', config, '-newkey', 'rsa:2048', '-nodes', '-keyout', testInfo.outputPath('openssl.key'), '-out', theirsPath], { stdio: 'pipe' });
  const theirs = readCsr(theirsPath);
  expect(ours.subject).toBe('C = US, ST = Minnesota, L = Eden Prairie, O = "Example, Inc.", CN = paging.example.test');
  expect(ours.subject).toBe(theirs.subject);
  expect(ours.extensions).toEqual([
    'X509v3 Extended Key Usage: TLS Web Server Authentication',
    'X509v3 Key Usage: Key Encipherment, Data Encipherment',
    'X509v3 Subject Alternative Name: DNS:paging.example.test, DNS:paging-lb.example.test, IP Address:10.0.0.7',
  ]);
  expect(ours.extensions).toEqual(theirs.extensions);
  expect(ours.text).toContain('Public-Key: (2048 bit)');
  expectKeyOfCsr(join(outputDir, 'paging.example.test.key'), csrPath, passphrase);
});

/** The mutual-TLS client CSR typed into the form and saved; returns the CSR's and key's paths. */
async function makeClientCsr(page: Page, bench: Bench, passphrase: string): Promise<{ csr: string; key: string }> {
  const outputDir = bench.outputDir;
  await goToCsr(page);
  const client = page.getByRole('button', { name: /^TLS client for mutual TLS:/ });
  await client.click();
  await expect(client).toHaveAttribute('aria-pressed', 'true');
  await next(page, 'Who is this certificate for?');
  await page.getByLabel('Organization (legal name)').fill('Example Corp');
  await page.getByLabel(/^Common name/).fill('api-user-42@example.test');
  await next(page, 'Which names must it cover?');
  await expect(page.getByRole('checkbox', { name: 'TLS client (mutual TLS)' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'TLS server (websites, APIs)' })).not.toBeChecked();
  await next(page, 'Key');
  await next(page, 'Review');
  await expect(page.getByTestId('subject-line')).toHaveText('/O=Example Corp/CN=api-user-42@example.test');
  await createAndGoToSave(page, bench);
  await saveWithPassphrase(page, passphrase);
  await expect(page.getByTestId('saved-verdict')).toHaveText('Saved 2 files');
  await expect(page.getByTestId('saved-folder')).toHaveText(outputDir);
  const base = 'api-user-42@example.test';
  return { csr: join(outputDir, `${base}.csr`), key: join(outputDir, `${base}.key`) };
}

test('a mutual-TLS client CSR typed in: the client template asks for the user id and company, EKU clientAuth; openssl verifies it; the form saved as a template comes back as a card', async ({ app: page, bench, outputDir }) => {
  const passphrase = 'client pass 42!';
  const { csr, key } = await makeClientCsr(page, bench, passphrase);
  await page.getByRole('button', { name: 'Save as template' }).click();
  const dialog = page.getByRole('dialog', { name: 'Save as template' });
  await dialog.getByLabel('Template name').fill('Example Corp API users');
  await dialog.getByRole('button', { name: 'Save template' }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('button', { name: 'Make another CSR' }).click();
  const card = page.getByRole('button', { name: /^Example Corp API users:/ });
  await card.click();
  await next(page, 'Who is this certificate for?');
  await expect(page.getByLabel('Organization (legal name)')).toHaveValue('Example Corp');
  await page.locator('[data-step="template"]').click();
  await page.getByRole('button', { name: 'Delete the template Example Corp API users' }).click();
  await expect(card).toHaveCount(0);

  const read = readCsr(csr);
  expect(read.verified).toBe(true);
  expect(read.subject).toBe('O = Example Corp, CN = api-user-42@example.test');
  expect(read.extensions).toContain('X509v3 Extended Key Usage: TLS Web Client Authentication');
  expect(read.extensions.join('\n')).not.toContain('TLS Web Server Authentication');
  expectKeyOfCsr(key, csr, passphrase);
});

test('bad input: a three-letter country is explained under the field, Next still goes on, Create is blocked and says why, nothing is written', async ({ app: page, bench, outputDir }) => {
  await goToCsr(page);
  await page.getByRole('button', { name: /^TLS server behind a load balancer:/ }).click();
  await next(page, 'Who is this certificate for?');
  await page.getByLabel(/^Common name/).fill('shop.example.com');
  const country = page.getByLabel('Country (two letters)');
  await country.fill('USA');
  await expect(country).toHaveAttribute('aria-invalid', 'true');
  await expect(country).toHaveAccessibleDescription(/The country “?"?USA"?”? is not a two-letter ISO 3166 country code/);
  await expect(country).toHaveAccessibleDescription(/RFC 5280 4\.1\.2\.4/);
  // Warnings and errors never hold the wizard back: only Create is blocked.
  await expect(nextButton(page)).toBeEnabled();
  await next(page, 'Which names must it cover?');
  await next(page, 'Key');
  await next(page, 'Review');
  await expect(page.getByTestId('review-verdict')).toHaveText(/^\d+ problems? to fix first$/);
  await expect(page.getByTestId('lint-list').locator('li[data-severity="error"]').first()).toContainText('USA');
  const create = footer(page).getByRole('button', { name: 'Create CSR' });
  await expect(create).toBeDisabled();
  await expect(page.getByTestId('step-blocker')).toContainText('USA');
  // The Save step cannot be reached without a CSR.
  await expect(page.locator('[data-step="save"]')).toBeDisabled();
  // "Fix" goes back to the field; a good code unblocks Create.
  await page.getByTestId('lint-list').locator('li[data-severity="error"]').first().getByRole('button', { name: /^Fix in/ }).click();
  await expect(stepHeading(page, 'Who is this certificate for?')).toBeVisible();
  await snap(page, 'csr-subject-error');
  await page.getByLabel('Country (two letters)').fill('US');
  await expect(page.getByLabel('Country (two letters)')).not.toHaveAttribute('aria-invalid', 'true');
  await page.locator('[data-step="review"]').click();
  await expect(page.getByTestId('review-verdict')).toHaveText(/^Ready to send/);
  await expect(create).toBeEnabled();
  expect(existsSync(outputDir) ? readdirSync(outputDir) : []).toEqual([]);
});

/**
 * Signs a CSR as `openssl ca` does for a client certificate, with the e2e root. Its validity starts before the
 * e2e clock (E2E_NOW), so the app sees a certificate that is valid now.
 */
function signAsClient(csr: string, dir: string): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'index.txt'), '');
  writeFileSync(join(dir, 'serial'), '1234\n');
  const config = join(dir, 'ca.cnf');
  writeFileSync(
    config,
    [
      '[ ca ]',
      'default_ca = e2e',
      '[ e2e ]',
      `database = ${join(dir, 'index.txt')}`,
      `serial = ${join(dir, 'serial')}`,
      `new_certs_dir = ${dir}`,
      `certificate = ${fixture('root.pem')}`,
      `private_key = ${fixture('root.key')}`,
      'default_md = sha256',
      'policy = any',
      'unique_subject = no',
      'x509_extensions = client',
      '[ any ]',
      'organizationName = optional',
      'commonName = supplied',
      '[ client ]',
      'basicConstraints = CA:FALSE',
      'keyUsage = critical, digitalSignature',
      'extendedKeyUsage = clientAuth',
      '',
    ].join('\n'),
  );
  const leaf = join(dir, 'leaf.pem');
  execFileSync('openssl', ['ca', '-batch', '-config', config, '-preserveDN', '-notext', '-in', csr, '-out', leaf, '-startdate', '20261101000000Z', '-enddate', '20270101000000Z'], { stdio: 'pipe' });
  return leaf;
}

test('the CA reply: the saved CSR signed by an openssl CA, the reply dropped on the page, its key found, written as a JKS with the CA under its own alias (keytool and Java check it)', async ({ app: page, bench, outputDir }, testInfo) => {
  const passphrase = 'client pass 42!';
  const { csr } = await makeClientCsr(page, bench, passphrase);

  // The CA: `openssl ca` with the e2e root signs the CSR as a client certificate; the reply is the leaf with the CA after it.
  const leaf = signAsClient(csr, testInfo.outputPath('ca'));
  const reply = readFileSync(leaf, 'utf8') + readFileSync(fixture('root.pem'), 'utf8');

  // Dropped on the saved view: not a config file, so it is the CA's reply.
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.items.add(new File([text], 'api-user-42.pem'));
    document.body.dispatchEvent(new DragEvent('dragenter', { dataTransfer: data, bubbles: true, cancelable: true }));
    document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, reply);
  await expect(page.getByRole('heading', { name: 'I got my certificate back', level: 2 })).toBeVisible();
  await expect(page.getByTestId('reply-verdict')).toHaveText(/belongs to the key you made for/);
  const chain = page.getByTestId('chain-order').locator('li');
  await expect(chain).toHaveCount(2);
  await expect(chain.nth(0)).toHaveAttribute('data-role', 'leaf');
  await expect(chain.nth(0)).toContainText('api-user-42@example.test');
  await expect(chain.nth(1)).toHaveAttribute('data-role', 'root');
  // Valid at the e2e clock, for the key made here: nothing to warn about.
  await expect(page.getByTestId('problems').locator('li[data-severity="error"], li[data-severity="warning"]')).toHaveCount(0);
  await snap(page, 'csr-ca-reply');

  await page.getByRole('button', { name: 'Java keystore…' }).click();
  await expect(page.getByRole('heading', { name: 'Convert', level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Protect it', level: 2 })).toBeVisible();
  const storePassword = 'keystore 42!';
  await page.getByLabel('Keystore password', { exact: true }).fill(storePassword);
  await page.getByLabel('Confirm keystore password').fill(storePassword);
  await page.getByLabel('Alias').fill('api-user-42');
  await nextButton(page).click();
  await expect(page.getByRole('heading', { name: 'Where to save', level: 2 })).toBeVisible();
  await bench.chooseOutputFolder(page);
  await nextButton(page).click();
  await expect(page.getByRole('heading', { name: 'Review', level: 2 })).toBeVisible();
  await page.getByRole('button', { name: 'Write files' }).click();
  await expect(page.getByTestId('result-verdict')).toHaveText(`Wrote 1 file to ${outputDir}`);

  const jksName = readdirSync(outputDir).find((n) => !n.endsWith('.csr') && !n.endsWith('.key'))!;
  const jks = join(outputDir, jksName);
  const listing = execFileSync('keytool', ['-list', '-v', '-keystore', jks, '-storepass', storePassword], { encoding: 'utf8' });
  expect(listing).toContain('Your keystore contains 2 entries');
  expect(listing).toContain('Alias name: api-user-42');
  expect(listing).toContain('Entry type: PrivateKeyEntry');
  expect(listing).toContain('Entry type: trustedCertEntry');
  expect(listing).toContain('Certificate chain length: 2');
  const entries = await probeKeystore('JKS', jks, storePassword);
  const key = entries.find((e) => e.type === 'key')!;
  const trusted = entries.find((e) => e.type === 'trusted')!;
  expect(key).toMatchObject({ alias: 'api-user-42', keyMatchesLeaf: true });
  expect(key.chain![0]).toContain('CN=api-user-42@example.test');
  expect(trusted.alias).not.toBe('api-user-42');
  expect(trusted.subject).toContain('CN=Certbench E2E Root');
  // The leaf is the one the CA signed: its public key is the CSR's.
  expect(openssl('x509', '-in', leaf, '-noout', '-pubkey')).toBe(openssl('req', '-in', csr, '-noout', '-pubkey'));
});

test('from the Inspector: an opened CSR lists its lints with the rule they follow; a key opens New CSR with that key chosen, and the CSR made is for it', async ({ app: page, bench, outputDir }) => {
  await page.getByTestId('file-input').setInputFiles([fixture('server.csr'), fixture('server.key')]);
  await page.getByRole('region', { name: 'server.csr' }).locator('[data-kind="csr"]').click();
  const details = page.getByRole('region', { name: 'Details' });
  // The "is this CSR right before I send it?" check: the CN is not among the SANs (the fixture has none).
  const lint = details.getByTestId('problems').locator('li', { hasText: 'not among the subject alternative names' });
  await expect(lint).toHaveAttribute('data-severity', 'warning');
  await expect(lint).toContainText('CA/B Forum BR 7.1.4.2.2');
  await snap(page, 'csr-inspect-lints');

  await page.getByRole('region', { name: 'server.key' }).locator('[data-kind="privateKey"]').click();
  await details.getByRole('button', { name: 'Make a CSR for this key…' }).click();
  await expect(page.getByRole('heading', { name: 'New CSR', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: /^TLS server behind a load balancer:/ }).click();
  await next(page, 'Who is this certificate for?');
  await page.getByLabel(/^Common name/).fill('renew.example.test');
  await next(page, 'Which names must it cover?');
  await next(page, 'Key');
  // The template did not replace the key the Inspector chose.
  await expect(page.getByRole('radio', { name: /^Use a key I already have/ })).toBeChecked();
  await expect(page.getByLabel('Private key')).toContainText('server.key');
  await next(page, 'Review');
  await createAndGoToSave(page, bench);
  // The key is in its own file already: save just the CSR.
  await page.getByRole('radio', { name: /^Do not write the key/ }).check();
  await expect(page.getByTestId('planned-files').locator('li')).toHaveCount(1);
  // A file of that name is there: nothing is replaced until the user says so.
  const csr = join(outputDir, 'renew.example.test.csr');
  writeFileSync(csr, 'the old request\n');
  await footer(page).getByRole('button', { name: 'Save the CSR' }).click();
  const replace = page.getByRole('dialog', { name: 'Replace renew.example.test.csr?' });
  await expect(replace).toBeVisible();
  await replace.getByRole('button', { name: 'Keep them' }).click();
  await expect(replace).toBeHidden();
  expect(readFileSync(csr, 'utf8')).toBe('the old request\n');
  await footer(page).getByRole('button', { name: 'Save the CSR' }).click();
  await replace.getByRole('button', { name: 'Replace' }).click();
  await expect(page.getByTestId('saved-verdict')).toHaveText('Saved 1 file');

  expect(readdirSync(outputDir)).toEqual(['renew.example.test.csr']);
  const read = readCsr(csr);
  expect(read.verified).toBe(true);
  expect(read.subject).toBe('CN = renew.example.test');
  expect(read.extensions).toContain('X509v3 Subject Alternative Name: DNS:renew.example.test');
  expect(openssl('req', '-in', csr, '-noout', '-pubkey')).toBe(openssl('pkey', '-in', fixture('server.key'), '-pubout'));
});

test('a self-signed certificate from the same form, saved with its key unencrypted only after the explicit yes; openssl verifies it and the key is its own', async ({ app: page, bench, outputDir }) => {
  await goToCsr(page);
  await page.getByRole('button', { name: /^TLS server behind a load balancer:/ }).click();
  await next(page, 'Who is this certificate for?');
  await page.getByLabel('Organization (legal name)').fill('Lab');
  await page.getByLabel(/^Common name/).fill('lab.example.test');
  await next(page, 'Which names must it cover?');
  await next(page, 'Key');
  await page.getByRole('radio', { name: /^EC P-256/ }).check();
  await page.getByLabel('Make a self-signed certificate instead (for labs and internal services)').check();
  await page.getByLabel('Valid for (days)').fill('');
  await expect(page.getByLabel('Valid for (days)')).toHaveAccessibleDescription('Whole days, from 1 to 100,000.');
  await page.getByLabel('Valid for (days)').fill('30');
  await next(page, 'Review');
  await expect(page.getByTestId('review-verdict')).toHaveText(/^Ready to make/);
  await footer(page).getByRole('button', { name: 'Create certificate' }).click();
  await expect(page.getByTestId('review-verdict')).toHaveText('Self-signed certificate made');
  await expect(page.getByTestId('created-pem')).toContainText('-----BEGIN CERTIFICATE-----');
  await next(page, 'Save');
  await bench.chooseOutputFolder(page);

  await page.getByRole('radio', { name: 'No passphrase' }).check();
  await expect(page.getByTestId('plain-key-warning')).toContainText('The private key will be written without a passphrase');
  const save = footer(page).getByRole('button', { name: 'Save files' });
  await expect(save).toBeDisabled();
  await expect(page.getByTestId('step-blocker')).toContainText('without a passphrase');
  await page.getByLabel('I understand: write the key without a passphrase').check();
  await save.click();
  await expect(page.getByTestId('saved-verdict')).toHaveText('Saved 3 files');
  await expect(page.getByRole('button', { name: 'I got my certificate back' })).toHaveCount(1);

  expect(readdirSync(outputDir).sort()).toEqual(['lab.example.test.crt', 'lab.example.test.csr', 'lab.example.test.key']);
  const crt = join(outputDir, 'lab.example.test.crt');
  const key = join(outputDir, 'lab.example.test.key');
  const text = openssl('x509', '-in', crt, '-noout', '-text');
  expect(text).toMatch(/Subject: O = Lab, CN = lab\.example\.test/);
  expect(text).toMatch(/Issuer: O = Lab, CN = lab\.example\.test/);
  expect(text).toContain('DNS:lab.example.test');
  expect(text).toContain('ASN1 OID: prime256v1');
  const notBefore = new Date(openssl('x509', '-in', crt, '-noout', '-startdate').trim().replace('notBefore=', ''));
  const notAfter = new Date(openssl('x509', '-in', crt, '-noout', '-enddate').trim().replace('notAfter=', ''));
  expect(Math.round((notAfter.getTime() - notBefore.getTime()) / 86_400_000)).toBe(30);
  // Its own signature verifies: openssl trusts it as the anchor of a one-certificate chain.
  expect(openssl('verify', '-CAfile', crt, '-partial_chain', crt).trim()).toBe(`${crt}: OK`);
  expect(readFileSync(key, 'utf8')).toContain('-----BEGIN PRIVATE KEY-----');
  expect(openssl('pkey', '-in', key, '-pubout')).toBe(openssl('x509', '-in', crt, '-noout', '-pubkey'));
  expect(mode(key)).toBe(0o600);
});

test('a reply for a key Certbench does not hold: NO_MATCHING_KEY in plain words, no export offered', async ({ app: page }) => {
  await goToCsr(page);
  await page.getByTestId('ca-reply-entry').click();
  await expect(page.getByRole('heading', { name: 'I got my certificate back', level: 2 })).toBeVisible();
  // client.pem's key (client.key) is not open.
  await page.getByTestId('reply-file-input').setInputFiles(fixture('client.pem'));
  const error = page.getByTestId('reply-error');
  await expect(error).toHaveAttribute('data-code', 'NO_MATCHING_KEY');
  await expect(error).toContainText('None of the keys open in Certbench belongs to this certificate');
  await expect(page.getByRole('group', { name: 'Export' })).toHaveCount(0);
  await snap(page, 'csr-ca-reply-no-key');
});
