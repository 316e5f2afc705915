/**
 * Issue certificate, as a support engineer uses it, against a real ACME CA: Debian's pebble and its fake DNS
 * (pebble-challtestsrv) on 127.0.0.1, started here (test/helpers/pebble.ts). Pebble's own TLS certificate is
 * trusted through the page's "CA certificate" field: in the web host a file in its output folder, named; in
 * Electron the file chosen in the native open dialog (stubbed in main by the driver).
 * Every name resolves to 127.0.0.1; HTTP-01 is answered by Certbench's own responder (in main) on pebble's HTTP port;
 * DNS-01 values are set in challtestsrv by the test, as a person would set them at their DNS provider.
 * Issued files are checked by openssl against pebble's root. Nothing here talks to anything but 127.0.0.1.
 */
import { copyFileSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { startPebble, type Pebble } from '../test/helpers/pebble';
import { test, expect, snap, type Bench, type Wire } from './harness';

let pebble: Pebble;

test.beforeAll(async () => {
  pebble = await startPebble();
});

test.afterAll(async () => {
  await pebble?.stop();
});

// An order takes a second or two against pebble; the CA polls and the page follows.
test.setTimeout(120_000);
const ORDER_TIMEOUT = 45_000;

const CA_FILE = 'pebble-ca.pem';

const openssl = (args: string[], input?: string) => execFileSync('openssl', args, { encoding: 'utf8', input, stdio: ['pipe', 'pipe', 'pipe'] });

async function goToIssue(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('button', { name: 'Issue certificate' }).click();
  await expect(page.getByRole('heading', { name: 'Issue certificate', level: 1 })).toBeVisible();
}

const next = (page: Page) => page.getByTestId('acme-footer').getByRole('button', { name: /^Next/ });

/**
 * The CA's TLS certificate file for the "CA certificate" field. Web: copied into the host's output folder and
 * named there (the browser host reads nothing else). Electron: chosen in the open dialog (main grants it).
 */
async function chooseCaFile(page: Page, bench: Bench, caFile: string): Promise<void> {
  const caPath = join(bench.outputDir, CA_FILE);
  copyFileSync(caFile, caPath);
  if (bench.target === 'web') return page.getByLabel('CA certificate (optional)').fill(CA_FILE);
  await bench.pickInNativeDialog(page.getByRole('button', { name: 'Choose file…' }), [caPath]);
  await expect(page.getByTestId('acme-ca-file')).toHaveText(caPath);
}

/** Step 1: pebble's directory, its TLS CA file, the terms agreed. */
async function choosePebble(page: Page, bench: Bench, options: { snapName?: string } = {}): Promise<void> {
  // Staging is preselected, with its note; nothing is fetched from Let's Encrypt unless the user connects.
  await expect(page.getByRole('radio', { name: /Let's Encrypt \(staging\)/ })).toBeChecked();
  await expect(page.getByTestId('acme-staging-note')).toBeVisible();
  await page.getByRole('radio', { name: /Another ACME CA/ }).check();
  await page.getByLabel('Directory URL').fill(pebble.directoryUrl);
  await chooseCaFile(page, bench, pebble.caFile);
  await expect(page.getByTestId('acme-blocker')).toHaveText(/Connect to the CA/);
  await page.getByRole('button', { name: 'Connect to the CA' }).click();
  await expect(page.getByTestId('acme-directory')).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('acme-connect-status')).toContainText(pebble.directoryUrl);
  await expect(page.getByTestId('acme-terms-link')).not.toBeEmpty();
  await expect(page.getByTestId('acme-blocker')).toHaveText(/Agree to the CA’s terms/);
  await expect(next(page)).toBeDisabled();
  await page.getByRole('checkbox', { name: /agree to the CA’s terms of service/ }).check();
  await page.getByLabel('Email (optional)').fill('ops@example.test');
  if (options.snapName) await snap(page, options.snapName);
  await next(page).click();
}

/** Step 2: names pasted at once (the SAN editor shared with the New CSR wizard). */
async function enterNames(page: Page, names: string[]): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Which names?' })).toBeVisible();
  await page.getByLabel('Paste several names at once').fill(names.join(', '));
  await page.getByRole('button', { name: names.length === 1 ? 'Add name' : `Add ${names.length} names` }).click();
  for (const [i, name] of names.entries()) await expect(page.getByLabel(`Host name ${i + 1}`)).toHaveValue(name);
}

/** Step 3: a new key of this type. */
async function chooseKey(page: Page, label: 'RSA 2048' | 'EC P-256' | 'EC P-384'): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Key', exact: true })).toBeVisible();
  await page.getByRole('radio', { name: new RegExp(`^${label}`) }).check();
  await next(page).click();
}

/** Step 4's advanced section: the checks ask challtestsrv, never the system resolver. */
async function useTestDns(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Advanced: DNS servers for the checks' }).click();
  await page.getByRole('textbox', { name: 'DNS servers' }).fill(pebble.dnsServer);
}

async function order(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Order the certificate' }).click();
}

const verdict = (page: Page) => page.getByTestId('acme-verdict');
const card = (page: Page, domain: string): Locator => page.locator(`[data-testid="acme-challenge"][data-domain="${domain}"]`);

async function waitForState(page: Page, state: string): Promise<void> {
  await expect(verdict(page)).toHaveAttribute('data-state', state, { timeout: ORDER_TIMEOUT });
}

/** The TXT records a card shows, set in challtestsrv as the user would at their DNS provider. */
async function placeTxt(page: Page, domains: string[]): Promise<void> {
  for (const d of domains) {
    const name = (await card(page, d).getByTestId('acme-txt-name').textContent())!.trim();
    const value = (await card(page, d).getByTestId('acme-txt-value').textContent())!.trim();
    expect(name).toBe(`_acme-challenge.${d.replace(/^\*\./, '')}`);
    expect(value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    await pebble.setTxt(name, value);
  }
}

/** "Save the certbot set…" into the test's folder (the web host's own, or chosen in Electron's folder dialog). */
async function saveCertbotSet(page: Page, bench: Bench): Promise<void> {
  await bench.chooseOutputFolder(page.getByRole('region', { name: 'Save the certbot set' }));
  await page.getByRole('button', { name: 'Save the certbot set…' }).click();
}

/** The certbot set as openssl sees it: chain to pebble's root, key matching, names, key file 0600. */
async function expectCertbotSet(dir: string, names: string[]): Promise<string> {
  const root = join(dir, '..', 'pebble-root.pem');
  writeFileSync(root, await pebble.rootPem());
  const cert = join(dir, 'cert.pem');
  const chain = join(dir, 'chain.pem');
  const fullchain = join(dir, 'fullchain.pem');
  const key = join(dir, 'privkey.pem');
  for (const f of [cert, chain, fullchain, key]) expect(existsSync(f), f).toBe(true);
  expect(openssl(['verify', '-CAfile', root, '-untrusted', chain, cert]).trim()).toBe(`${cert}: OK`);
  expect(openssl(['verify', '-CAfile', root, '-untrusted', fullchain, fullchain]).trim()).toBe(`${fullchain}: OK`);
  expect(readFileSync(fullchain, 'utf8')).toBe(readFileSync(cert, 'utf8') + readFileSync(chain, 'utf8'));
  expect(openssl(['pkey', '-in', key, '-pubout'])).toBe(openssl(['x509', '-in', cert, '-noout', '-pubkey']));
  const san = openssl(['x509', '-in', cert, '-noout', '-ext', 'subjectAltName']);
  for (const n of names) expect(san).toContain(`DNS:${n}`);
  expect(statSync(key).mode & 0o777).toBe(0o600);
  return readFileSync(key, 'utf8');
}

/** No private key (the certificate's, the account's) in anything main sent to the page. */
function expectKeysNotOnWire(wire: Wire[], pems: string[]): void {
  expect(wire.length).toBeGreaterThan(0);
  for (const pem of pems) {
    const body = pem.replace(/-----[A-Z ]+-----/g, '').replace(/\s/g, '');
    expect(body.length).toBeGreaterThan(60);
    const hex = Buffer.from(body, 'base64').toString('hex');
    const leaks = wire.filter((w) => w.body.includes(body.slice(0, 60)) || w.body.includes(body.slice(-60)) || w.body.toLowerCase().includes(hex.slice(40, 120)));
    expect(leaks).toEqual([]);
  }
  expect(wire.filter((w) => w.body.includes('PRIVATE KEY-----'))).toEqual([]);
}

/** Every key file main keeps in its data folder (account and certificate keys), PEM. */
function keptKeys(dataDir: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (readFileSync(p, 'utf8').includes('PRIVATE KEY-----')) out.push(readFileSync(p, 'utf8'));
    }
  };
  walk(dataDir);
  return out;
}

test('HTTP-01 answered by Certbench: two names issued, the timeline reaches "issued", the certbot set saved and verified by openssl against pebble’s root, key 0600; revoked and renewed from the orders list', async ({ app: page, bench, outputDir, dataDir }) => {
  await goToIssue(page);
  await snap(page, 'acme-ca-staging');
  await choosePebble(page, bench, { snapName: 'acme-ca-connected' });
  const names = ['www.example.test', 'api.example.test'];
  await enterNames(page, names);
  await expect(page.getByTestId('acme-wildcard-note')).toHaveCount(0);
  await next(page).click();
  await chooseKey(page, 'EC P-256');

  await expect(page.getByRole('radio', { name: /HTTP-01, answered by Certbench/ })).toBeChecked();
  await page.getByRole('textbox', { name: 'Port' }).fill(String(pebble.httpPort));
  await page.getByRole('textbox', { name: 'Listen on address' }).fill('127.0.0.1');
  await useTestDns(page);
  await snap(page, 'acme-challenge-serve');
  await order(page);

  await waitForState(page, 'issued');
  await expect(page.getByTestId('acme-result')).toHaveAttribute('data-state', 'issued');
  await expect(page.getByTestId('acme-state')).toHaveText('Issued');
  const timeline = page.getByTestId('acme-timeline');
  await expect(timeline.locator('li[data-state="issued"]').first()).toBeVisible();
  expect(await timeline.locator('li').count()).toBeGreaterThan(2);
  await expect(page.getByTestId('acme-issued')).toContainText('www.example.test, api.example.test');
  await expect(page.getByTestId('acme-issued')).toContainText('Pebble Intermediate');
  // Issued or failed, the app says so wherever the user is (the desktop app also notifies the OS).
  await expect(page.getByTestId('acme-notice')).toHaveAttribute('data-ok', 'true');
  await snap(page, 'acme-issued');

  await saveCertbotSet(page, bench);
  await expect(page.getByTestId('acme-saved')).toContainText('Saved 4 files');
  await expect(page.getByTestId('acme-saved').locator('li[data-secret="true"]')).toContainText('privkey.pem');
  const keyPem = await expectCertbotSet(outputDir, names);
  await page.getByTestId('acme-saved').scrollIntoViewIfNeeded();
  await snap(page, 'acme-saved');

  // Saving again asks before replacing the files.
  await page.getByRole('button', { name: 'Save the certbot set…' }).click();
  const replace = page.getByRole('dialog', { name: 'Replace 4 files?' });
  await expect(replace).toBeVisible();
  await replace.getByRole('button', { name: 'Keep them' }).click();
  await expect(replace).toBeHidden();

  // The orders list: this order with its state and the certificate's expiry; revoke asks first.
  await page.getByTestId('acme-tab-orders').click();
  const row = page.getByTestId('acme-order-row').first();
  await expect(row).toHaveAttribute('data-state', 'issued');
  await expect(row).toContainText('www.example.test and 1 more name');
  await expect(row).toContainText(/Expires \d+ \w+ \d{4}/);
  await snap(page, 'acme-orders');
  await row.getByRole('button', { name: /^Revoke the order/ }).click();
  const dialog = page.getByRole('dialog', { name: /Revoke the certificate for www.example.test/ });
  await dialog.getByLabel('Why').click();
  await page.getByRole('option', { name: /Superseded/ }).click();
  await dialog.getByRole('button', { name: 'Revoke' }).click();
  await expect(dialog).toBeHidden({ timeout: ORDER_TIMEOUT });
  await expect(row).toHaveAttribute('data-state', 'revoked');

  // Renew: a new order with the same names, CA, challenge and key type, followed on the order tab.
  await row.getByRole('button', { name: /^Renew the order/ }).click();
  await waitForState(page, 'issued');
  await expect(page.getByTestId('acme-timeline')).toContainText('Renewing');
  await page.getByTestId('acme-tab-orders').click();
  await expect(page.getByTestId('acme-order-row')).toHaveCount(2);
  await expect(page.locator('[data-testid="acme-order-row"][data-state="issued"]')).toHaveCount(1);
  await expect(page.locator('[data-testid="acme-order-row"][data-state="revoked"]')).toHaveCount(1);

  // The order file in the data folder holds no private key; no key reached the page.
  const ordersJson = readFileSync(join(dataDir, 'acme', 'orders.json'), 'utf8');
  expect(ordersJson).not.toContain('PRIVATE KEY');
  expectKeysNotOnWire(await bench.wire(), [keyPem, ...keptKeys(dataDir)]);
});

test('a wildcard switches to DNS-01 before the order; the TXT values shown are set, Check says OK, Continue → issued and verified by openssl', async ({ app: page, bench, outputDir, dataDir }) => {
  await goToIssue(page);
  await choosePebble(page, bench);
  const names = ['*.example.test', 'example.test'];
  await enterNames(page, names);
  await expect(page.getByTestId('acme-wildcard-note')).toContainText('*.example.test is a wildcard');
  await expect(page.getByTestId('acme-wildcard-note')).toContainText('DNS-01');
  await snap(page, 'acme-names-wildcard');
  await next(page).click();
  await chooseKey(page, 'RSA 2048');

  // Said before anything is ordered: HTTP-01 cannot prove a wildcard.
  await expect(page.getByTestId('acme-dns-forced')).toBeVisible();
  await expect(page.getByRole('radio', { name: /DNS-01, I add a TXT record/ })).toBeChecked();
  await expect(page.getByRole('radio', { name: /HTTP-01, answered by Certbench/ })).toBeDisabled();
  await expect(page.getByRole('radio', { name: /HTTP-01, I put a file/ })).toBeDisabled();
  await useTestDns(page);
  await order(page);

  await waitForState(page, 'waiting');
  await expect(verdict(page)).toContainText('add the TXT records');
  for (const d of names) await expect(card(page, d).getByTestId('acme-txt-value')).toBeVisible();
  await expect(page.getByTestId('acme-continue-note')).toContainText('Not checked yet');

  // Checked before the records exist: not there yet, in words.
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  for (const d of names) await expect(card(page, d).getByTestId('acme-check')).toHaveAttribute('data-ok', 'false');
  await snap(page, 'acme-dns-waiting');

  await placeTxt(page, names);
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  for (const d of names) await expect(card(page, d).getByTestId('acme-check')).toHaveAttribute('data-ok', 'true');
  await expect(page.getByTestId('acme-continue-note')).toContainText('All 2 names checked OK');
  await snap(page, 'acme-dns-checked');

  await page.getByRole('button', { name: 'Continue: tell the CA' }).click();
  await waitForState(page, 'issued');
  await saveCertbotSet(page, bench);
  await expect(page.getByTestId('acme-saved')).toContainText('Saved 4 files');
  const keyPem = await expectCertbotSet(outputDir, names);
  expect(openssl(['x509', '-in', join(outputDir, 'cert.pem'), '-noout', '-text'])).toContain('Public-Key: (2048 bit)');
  for (const d of names) await pebble.clearTxt(`_acme-challenge.${d.replace(/^\*\./, '')}`);

  // The issued certificate opens in the Inspector (public parts in the page; the key stays in main).
  await page.getByRole('button', { name: 'Open in Inspector' }).click();
  await expect(page.getByRole('heading', { name: 'Inspect', level: 1 })).toBeVisible();
  await expect(page.getByText('*.example.test (ACME)').first()).toBeVisible();
  expectKeysNotOnWire(await bench.wire(), [keyPem, ...keptKeys(dataDir)]);
});

test('a failing order shows the CA’s reason and what to do, and leaves no files', async ({ app: page, bench, outputDir }) => {
  await goToIssue(page);
  await choosePebble(page, bench);
  await enterNames(page, ['nothing-here.example.test']);
  await next(page).click();
  await chooseKey(page, 'EC P-256');
  // By hand: Certbench shows the file, but nobody puts it on a web server; the CA's fetch fails.
  await page.getByRole('radio', { name: /HTTP-01, I put a file/ }).check();
  await useTestDns(page);
  await order(page);

  await waitForState(page, 'waiting');
  const c = card(page, 'nothing-here.example.test');
  await expect(c.getByTestId('acme-http-url')).toContainText('http://nothing-here.example.test/.well-known/acme-challenge/');
  await expect(c.getByTestId('acme-http-content')).not.toBeEmpty();
  await expect(page.getByTestId('acme-continue-note')).toContainText('The CA tries once');
  await page.getByRole('button', { name: 'Continue: tell the CA' }).click();

  await waitForState(page, 'invalid');
  const problem = page.getByTestId('acme-problem');
  await expect(problem).toBeVisible();
  await expect(problem).toHaveAttribute('data-code', 'CHALLENGE_FAILED');
  await expect(problem).toContainText('The CA could not confirm that the names are yours');
  // The CA's own words, and what to do about them.
  await expect(page.getByTestId('acme-problem-message')).not.toBeEmpty();
  await expect(page.getByTestId('acme-problem-hint')).toContainText(/What to do: \S+/);
  await expect(page.getByTestId('acme-notice')).toHaveAttribute('data-ok', 'false');
  await snap(page, 'acme-failed');
  for (const f of ['cert.pem', 'chain.pem', 'fullchain.pem', 'privkey.pem']) expect(existsSync(join(outputDir, f)), f).toBe(false);
  await expect(page.getByRole('button', { name: 'Try again with the same settings' })).toBeEnabled();
});

test('a page reload while the order waits for the user: the order is still there (main keeps it) and continues to "issued"', async ({ app: page, bench, outputDir }) => {
  await goToIssue(page);
  await choosePebble(page, bench);
  const name = 'reload.example.test';
  await enterNames(page, [name]);
  await next(page).click();
  await chooseKey(page, 'EC P-384');
  await page.getByRole('radio', { name: /DNS-01, I add a TXT record/ }).check();
  await useTestDns(page);
  await order(page);
  await waitForState(page, 'waiting');
  const value = (await card(page, name).getByTestId('acme-txt-value').textContent())!.trim();

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Inspect', level: 1 })).toBeVisible();
  await goToIssue(page);
  await expect(page.getByTestId('acme-status')).toContainText('1 waiting for you');
  await page.getByTestId('acme-tab-orders').click();
  const row = page.getByTestId('acme-order-row').first();
  await expect(row).toHaveAttribute('data-state', 'waiting');
  await snap(page, 'acme-orders-waiting');
  await row.getByRole('button', { name: /^Open the order/ }).click();

  // The same challenge as before the reload.
  await expect(card(page, name).getByTestId('acme-txt-value')).toHaveText(value);
  await placeTxt(page, [name]);
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(card(page, name).getByTestId('acme-check')).toHaveAttribute('data-ok', 'true');
  await page.getByRole('button', { name: 'Continue: tell the CA' }).click();
  await waitForState(page, 'issued');
  await pebble.clearTxt(`_acme-challenge.${name}`);
  await saveCertbotSet(page, bench);
  await expect(page.getByTestId('acme-saved')).toContainText('Saved 4 files');
  await expectCertbotSet(outputDir, [name]);

  // One click to Convert, with the issued certificate, chain and key chosen: "Who needs it?".
  await page.getByRole('button', { name: 'Export as PFX / keystore…' }).click();
  await expect(page.getByRole('heading', { name: 'Convert', level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Who needs it?', level: 2 })).toBeVisible();
  await expect(page.getByTestId('convert-status')).toHaveText(`${name} (ACME)`);
});

test('an order waiting for the user can be cancelled: the CA drops its authorizations, the order says so', async ({ app: page, bench, outputDir }) => {
  await goToIssue(page);
  await choosePebble(page, bench);
  await enterNames(page, ['cancel.example.test']);
  await next(page).click();
  await chooseKey(page, 'EC P-256');
  await page.getByRole('radio', { name: /DNS-01, I add a TXT record/ }).check();
  await useTestDns(page);
  await order(page);
  await waitForState(page, 'waiting');

  await page.getByRole('button', { name: 'Cancel order' }).click();
  const dialog = page.getByRole('dialog', { name: 'Cancel the order for cancel.example.test?' });
  await dialog.getByRole('button', { name: 'Cancel the order' }).click();
  await waitForState(page, 'cancelled');
  await expect(page.getByTestId('acme-result')).toHaveAttribute('data-state', 'cancelled');
  await expect(page.getByTestId('acme-timeline')).toContainText('Cancelled');
  await page.getByTestId('acme-tab-orders').click();
  const row = page.getByTestId('acme-order-row').first();
  await expect(row).toHaveAttribute('data-state', 'cancelled');
  await expect(row.getByRole('button', { name: /^Cancel/ })).toHaveCount(0);
  // Removing forgets it (after a question).
  await row.getByRole('button', { name: /^Remove the order/ }).click();
  await page.getByRole('dialog', { name: /Remove the order for cancel.example.test/ }).getByRole('button', { name: 'Remove' }).click();
  await expect(page.getByTestId('acme-orders-empty')).toBeVisible();
});

test('a CA that requires external account binding asks for the key ID and HMAC key; the account registers with them', async ({ app: page, bench, outputDir }) => {
  const eabPebble = await startPebble({ eab: { 'kid-1': 'zWNDZM6eQGHWpSRTPal5eIUYFTu7EajVIoguysqZ9wG44nMEtx3MUAsUDkMTQ12W' } });
  try {
    await goToIssue(page);
    await page.getByRole('radio', { name: /Another ACME CA/ }).check();
    await page.getByLabel('Directory URL').fill(eabPebble.directoryUrl);
    await chooseCaFile(page, bench, eabPebble.caFile);
    await page.getByRole('button', { name: 'Connect to the CA' }).click();
    await page.getByRole('checkbox', { name: /agree to the CA’s terms of service/ }).check();
    await expect(page.getByTestId('acme-blocker')).toHaveText('This CA needs the key ID and HMAC key of your account with it.');
    await expect(next(page)).toBeDisabled();
    await page.getByLabel('EAB key ID').fill('kid-1');
    await page.getByLabel('EAB HMAC key').fill('zWNDZM6eQGHWpSRTPal5eIUYFTu7EajVIoguysqZ9wG44nMEtx3MUAsUDkMTQ12W');
    await snap(page, 'acme-ca-eab');
    await next(page).click();
    await enterNames(page, ['eab.example.test']);
    await next(page).click();
    await chooseKey(page, 'EC P-256');
    await page.getByRole('radio', { name: /DNS-01, I add a TXT record/ }).check();
    await page.getByRole('button', { name: 'Advanced: DNS servers for the checks' }).click();
    await page.getByRole('textbox', { name: 'DNS servers' }).fill(eabPebble.dnsServer);
    await order(page);
    // The CA took the account (bound to kid-1) and the order: it waits for the TXT record.
    await waitForState(page, 'waiting');
    await expect(page.getByTestId('acme-timeline')).toContainText('Account registered');
    await page.getByRole('button', { name: 'Cancel order' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel the order' }).click();
    await waitForState(page, 'cancelled');
  } finally {
    await eabPebble.stop();
  }
});

test('a CSR open in Inspect: the CA issues for its key, the set has no privkey.pem, and the certificate carries the CSR’s public key', async ({ app: page, bench, outputDir }, testInfo) => {
  const name = 'csr.example.test';
  const key = testInfo.outputPath('csr-key.pem');
  const csr = testInfo.outputPath('csr.example.test.csr');
  openssl(['req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', key, '-out', csr, '-subj', `/CN=${name}`, '-addext', `subjectAltName=DNS:${name}`]);
  await page.getByTestId('file-input').setInputFiles(csr);
  await expect(page.getByText('csr.example.test.csr').first()).toBeVisible();

  await goToIssue(page);
  await choosePebble(page, bench);
  await enterNames(page, [name]);
  await next(page).click();
  await page.getByRole('radio', { name: /A CSR I already have/ }).check();
  await expect(page.getByRole('combobox', { name: 'CSR', exact: true })).toContainText('csr.example.test.csr');
  await next(page).click();
  await page.getByRole('radio', { name: /DNS-01, I add a TXT record/ }).check();
  await useTestDns(page);
  await expect(page.getByTestId('acme-plan')).toContainText('with the key of your CSR');
  await order(page);
  await waitForState(page, 'waiting');
  await placeTxt(page, [name]);
  await page.getByRole('button', { name: 'Continue: tell the CA' }).click();
  await waitForState(page, 'issued');
  await pebble.clearTxt(`_acme-challenge.${name}`);

  await expect(page.getByText('Certbench has no privkey.pem for this certificate')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Export as PFX / keystore…' })).toBeDisabled();
  await saveCertbotSet(page, bench);
  await expect(page.getByTestId('acme-saved')).toContainText('Saved 3 files');
  expect(existsSync(join(outputDir, 'privkey.pem'))).toBe(false);
  const root = testInfo.outputPath('pebble-root.pem');
  writeFileSync(root, await pebble.rootPem());
  const cert = join(outputDir, 'cert.pem');
  expect(openssl(['verify', '-CAfile', root, '-untrusted', join(outputDir, 'chain.pem'), cert]).trim()).toBe(`${cert}: OK`);
  expect(openssl(['x509', '-in', cert, '-noout', '-pubkey'])).toBe(openssl(['req', '-in', csr, '-noout', '-pubkey']));
});
