/**
 * The Chain doctor as a support engineer uses it, against real local servers: a TLS server on 127.0.0.1 that
 * forgets its intermediate (whose AIA URL points at a local HTTP server), one that sends its chain, an expired
 * one and one with the wrong name; files dropped on the page; and the Inspector's chain verdict with its link.
 * Certificates are made at test time by openssl ca (test/helpers/test-pki.ts) so the AIA URL carries the real port.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import type { Page } from '@playwright/test';
import { test, expect, fixture, snap, type Wire } from './harness';
import { keyDetector } from './key-material';
import { makeChainPki, startSilentServer, startTlsEndpoint, type ChainPki, type TlsEndpoint } from './chain-servers';

// "Validate at" is a local date and time: the browser's zone is pinned so the test reads the same everywhere.
test.use({ timezoneId: 'UTC' });

let pki: ChainPki;
const endpoints: TlsEndpoint[] = [];

test.beforeAll(async () => {
  pki = await makeChainPki();
});

test.afterAll(async () => {
  await Promise.all(endpoints.map((e) => e.close()));
  await pki?.close();
});

async function serve(keyPath: string, pems: string[]): Promise<TlsEndpoint> {
  const e = await startTlsEndpoint(keyPath, pems);
  endpoints.push(e);
  return e;
}

const openssl = (...args: string[]) => execFileSync('openssl', args, { encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
const pemBlocks = (text: string) => text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
const subjectOf = (pem: string) => execFileSync('openssl', ['x509', '-noout', '-subject', '-nameopt', 'RFC2253'], { input: pem, encoding: 'utf8' }).trim().replace(/^subject=/, '');

/** A copy of a PEM under a name the user would recognise. */
function copyAs(path: string, dir: string, name: string): string {
  const to = join(dir, name);
  copyFileSync(path, to);
  return to;
}

async function goToDoctor(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('button', { name: 'Chain doctor' }).click();
  await expect(page.getByRole('heading', { name: 'Chain doctor', level: 1 })).toBeVisible();
}

async function trustRoot(page: Page, dir: string): Promise<void> {
  await page.getByTestId('chain-trust-file').setInputFiles(copyAs(pki.root.certPath, dir, 'e2e-root.pem'));
  await expect(page.getByTestId('chain-trust-files').getByText('e2e-root.pem')).toBeVisible();
}

async function checkServer(page: Page, target: string): Promise<void> {
  await page.getByLabel('Server (host:port)').fill(target);
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(page.getByTestId('chain-result')).toBeVisible({ timeout: 30_000 });
}

const problem = (page: Page, code: string) => page.locator(`[data-testid="chain-problem"][data-code="${code}"]`).first();
const card = (page: Page, role: 'leaf' | 'intermediate' | 'root') => page.locator(`[data-testid="chain-card"][data-role="${role}"]`).first();

/** The server's private key never reaches the renderer (the harness audits the fixture keys; this key is made here). */
function expectKeyNotOnWire(wire: Wire[], keyPath: string): void {
  const body = readFileSync(keyPath, 'utf8').replace(/-----[A-Z ]+-----/g, '').replace(/\s/g, '');
  const hex = Buffer.from(body, 'base64').toString('hex');
  const leaks = wire.filter((w) => w.body.includes(body.slice(0, 60)) || w.body.toLowerCase().includes(hex.slice(20, 100)) || w.body.includes('PRIVATE KEY-----'));
  expect(leaks).toEqual([]);
}

test('Done means: a server that forgets its intermediate → MISSING_INTERMEDIATE, the intermediate fetched from the local AIA server, the fixed chain saved, and a second check with it is valid', async ({ app: page, bench, outputDir }, testInfo) => {
  const server = await serve(pki.leaf.keyPath, [pki.leaf.pem]);
  await goToDoctor(page);
  await trustRoot(page, testInfo.outputDir);
  await checkServer(page, server.target);

  await expect(page.getByTestId('chain-verdict')).toHaveAttribute('data-tone', 'error');
  await expect(page.getByTestId('chain-result')).toHaveAttribute('data-valid', 'false');
  await expect(problem(page, 'MISSING_INTERMEDIATE')).toBeVisible();
  await expect(problem(page, 'MISSING_INTERMEDIATE').getByTestId('chain-fix')).not.toBeEmpty();
  // Leaf from the server, the intermediate from the AIA download, the root from the trust file.
  await expect(page.getByTestId('chain-card')).toHaveCount(3);
  await expect(card(page, 'leaf').getByTestId('source-badge')).toHaveText('Server');
  await expect(card(page, 'intermediate').getByTestId('source-badge')).toHaveText('AIA download');
  await expect(card(page, 'intermediate')).toContainText('Chain Doctor E2E Intermediate');
  expect(pki.aia.requests).toContain('/intermediate.cer');
  await expect(page.getByRole('region', { name: 'Downloads' }).getByTestId('fetch-attempt').first()).toHaveAttribute('data-ok', 'true');
  await expect(page.getByRole('region', { name: 'TLS details' })).toContainText(server.target);
  // Apache, nginx and IIS each say how to install the fullchain.
  const install = page.getByRole('region', { name: 'Install on the server' });
  await expect(install.getByRole('tab')).toHaveText(['Apache', 'nginx', 'IIS / Windows']);
  await install.getByRole('tab', { name: 'nginx' }).click();
  await expect(install.getByRole('tabpanel')).toContainText('ssl_certificate');
  await install.getByRole('tab', { name: 'Apache' }).click();
  await page.getByRole('button', { name: 'Check', exact: true }).scrollIntoViewIfNeeded();
  await snap(page, 'chain-missing-intermediate');

  // Save the fixed chain into the output folder: leaf then intermediate, no root, as OpenSSL reads it.
  await expect(page.getByLabel('File name')).toHaveValue('localhost-fullchain.pem');
  await bench.chooseOutputFolder(page);
  await page.getByRole('button', { name: 'Save fixed chain' }).click();
  await expect(page.getByTestId('fixed-chain-written')).toContainText('Saved localhost-fullchain.pem');
  const saved = join(outputDir, 'localhost-fullchain.pem');
  const blocks = pemBlocks(readFileSync(saved, 'utf8'));
  expect(blocks.map(subjectOf)).toEqual([subjectOf(pki.leaf.pem), subjectOf(pki.intermediate.pem)]);
  expect(openssl('verify', '-CAfile', pki.root.certPath, '-untrusted', saved, saved).trim()).toBe(`${saved}: OK`);
  await page.getByTestId('fixed-chain-written').scrollIntoViewIfNeeded();
  await snap(page, 'chain-fixed-saved');

  // Saving again asks before replacing the file.
  await page.getByRole('button', { name: 'Save fixed chain' }).click();
  const replace = page.getByRole('dialog', { name: 'Replace localhost-fullchain.pem?' });
  await expect(replace).toBeVisible();
  await replace.getByRole('button', { name: 'Keep them' }).click();
  await expect(replace).toBeHidden();

  // One click: the saved file opens and is checked (as files, the same name checked): valid.
  await page.getByRole('button', { name: 'Check the saved chain' }).click();
  await expect(page.getByTestId('chain-input-files').getByText('localhost-fullchain.pem')).toBeVisible();
  await expect(page.getByTestId('chain-result')).toHaveAttribute('data-valid', 'true', { timeout: 30_000 });
  await expect(page.getByTestId('chain-verdict')).toHaveAttribute('data-tone', 'success');
  await expect(page.locator('[data-testid="chain-problem"][data-severity="error"]')).toHaveCount(0);
  await expect(card(page, 'leaf').getByTestId('source-badge')).toHaveText('File');
  await expect(card(page, 'intermediate').getByTestId('source-badge')).toHaveText('File');
  await expect(page.getByTestId('chain-result')).toContainText('name checked: 127.0.0.1');
  await page.getByRole('button', { name: 'Check', exact: true }).scrollIntoViewIfNeeded();
  await snap(page, 'chain-fixed-valid');
  expectKeyNotOnWire(await bench.wire(), pki.leaf.keyPath);
});

test('a server that sends its chain: valid to the trusted root, with the TLS details; clicking a card shows it, and the keyboard reaches it', async ({ app: page, bench }, testInfo) => {
  const server = await serve(pki.leaf.keyPath, [pki.leaf.pem, pki.intermediate.pem]);
  await goToDoctor(page);
  await trustRoot(page, testInfo.outputDir);
  await checkServer(page, server.target);
  await expect(page.getByTestId('chain-result')).toHaveAttribute('data-valid', 'true');
  await expect(page.getByTestId('chain-verdict')).toHaveAttribute('data-tone', 'success');
  await expect(card(page, 'intermediate').getByTestId('source-badge')).toHaveText('Server');
  await expect(page.getByTestId('chain-card').last()).toHaveAttribute('data-tone', 'success');
  const tls = page.getByRole('region', { name: 'TLS details' });
  await expect(tls).toContainText(/TLSv1\.[23]/);
  await expect(tls).toContainText('Not requested');
  // The served order, as the server sent it.
  await expect(page.getByRole('region', { name: 'What the server sent' }).getByTestId('served-cert')).toHaveCount(2);
  // A card by keyboard: focus it, Enter shows its details.
  await card(page, 'intermediate').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('chain-cert-details')).toContainText('Intermediate: Chain Doctor E2E Intermediate');
  await snap(page, 'chain-valid-server');
  expectKeyNotOnWire(await bench.wire(), pki.leaf.keyPath);
});

test('an expired server and a server with the wrong name: each diagnosed, with its fix', async ({ app: page }, testInfo) => {
  const expired = await serve(pki.expired.keyPath, [pki.expired.pem, pki.intermediate.pem]);
  const wrongName = await serve(pki.wrongName.keyPath, [pki.wrongName.pem, pki.intermediate.pem]);
  await goToDoctor(page);
  await trustRoot(page, testInfo.outputDir);

  await checkServer(page, expired.target);
  await expect(page.getByTestId('chain-result')).toHaveAttribute('data-valid', 'false');
  await expect(problem(page, 'EXPIRED')).toBeVisible();
  await expect(card(page, 'leaf')).toHaveAttribute('data-tone', 'error');
  await snap(page, 'chain-expired');

  await checkServer(page, wrongName.target);
  await expect(problem(page, 'HOSTNAME_MISMATCH')).toBeVisible();
  await expect(problem(page, 'HOSTNAME_MISMATCH')).toContainText('127.0.0.1');
  await expect(page.getByTestId('chain-result')).toHaveAttribute('data-valid', 'false');
  await snap(page, 'chain-wrong-name');

  // The same server, checked for the name its certificate has: valid.
  await page.getByRole('button', { name: /Advanced options/ }).click();
  await page.getByLabel('Name to check').fill('other.example.test');
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(page.getByTestId('chain-result')).toHaveAttribute('data-valid', 'true', { timeout: 30_000 });
});

test('revocation by OCSP: the local openssl responder says revoked for one server and good for another', async ({ app: page }, testInfo) => {
  const responder = await pki.ocsp();
  const revoked = await serve(pki.revoked.keyPath, [pki.revoked.pem, pki.intermediate.pem]);
  const good = await serve(pki.leaf.keyPath, [pki.leaf.pem, pki.intermediate.pem]);
  await goToDoctor(page);
  await trustRoot(page, testInfo.outputDir);
  await page.getByRole('button', { name: /Advanced options/ }).click();
  // The options unfold with an animation; a click while they move can land before the select listens (seen once in CI).
  const revocation = page.getByRole('combobox', { name: 'Revocation' });
  const ocspOption = page.getByRole('option', { name: 'OCSP', exact: true });
  await expect(revocation).toBeVisible();
  await expect(async () => {
    if (!(await ocspOption.isVisible())) await revocation.click();
    await expect(ocspOption).toBeVisible({ timeout: 2000 });
  }).toPass({ timeout: 20_000 });
  await ocspOption.click();
  await expect(revocation).toHaveText('OCSP');
  // openssl ocsp signs with the machine's clock, ahead of the e2e clock: validate at the machine's time (an hour on).
  const at = new Date(Date.now() + 3_600_000);
  await page.getByLabel('Validate at').fill(at.toISOString().slice(0, 16));

  await checkServer(page, revoked.target);
  await expect(page.getByTestId('chain-result')).toHaveAttribute('data-valid', 'false');
  await expect(problem(page, 'REVOKED')).toBeVisible();
  await expect(card(page, 'leaf').getByTestId('revocation-chip')).toContainText('Revoked');
  const rows = page.getByRole('region', { name: 'Revocation' }).getByTestId('revocation-row');
  await expect(rows.first()).toHaveAttribute('data-status', 'revoked');
  await expect(rows.first()).toContainText('keyCompromise');
  await expect(page.getByRole('region', { name: 'Downloads' }).locator('[data-kind="ocsp"]').first()).toHaveAttribute('data-ok', 'true');
  await snap(page, 'chain-revoked');

  await checkServer(page, good.target);
  await expect(page.getByTestId('chain-result')).toHaveAttribute('data-valid', 'true');
  await expect(rows.first()).toHaveAttribute('data-status', 'good');
  await expect(card(page, 'leaf').getByTestId('revocation-chip')).toContainText('Not revoked');
  await expect(page.getByTestId('chain-result')).toContainText(`at ${new Date(Math.floor(at.getTime() / 60_000) * 60_000).toUTCString()}`);
  expect(responder.requestLines().length).toBeGreaterThanOrEqual(2);
});

test('a bad address says why before connecting; a server that is not there is a NETWORK error in words', async ({ app: page }) => {
  await goToDoctor(page);
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(page.getByTestId('chain-blocker')).toContainText('Type a server');
  await page.getByLabel('Server (host:port)').fill('127.0.0.1:99999');
  await expect(page.getByText('“99999” is not a port')).toBeVisible();
  // A port nobody listens on: ask the OS for one, then close it.
  const gone = await startTlsEndpoint(pki.leaf.keyPath, [pki.leaf.pem]);
  await gone.close();
  await page.getByLabel('Server (host:port)').fill(gone.target);
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(page.getByTestId('chain-error')).toHaveAttribute('data-code', 'NETWORK', { timeout: 30_000 });
  await snap(page, 'chain-network-error');
});

test('a server that never answers: the progress names it, and Stop ends the wait', async ({ app: page }) => {
  const silent = await startSilentServer();
  endpoints.push(silent);
  await goToDoctor(page);
  await page.getByLabel('Server (host:port)').fill(silent.target);
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(page.getByTestId('chain-status')).toContainText(`Checking 127.0.0.1:${silent.port}`);
  await expect(page.getByRole('progressbar')).toBeVisible();
  await snap(page, 'chain-progress');
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(page.getByTestId('chain-stopped')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Stop' })).toBeHidden();
  await expect(page.getByTestId('chain-result')).toBeHidden();
});

test('files dropped on the page are checked; dropped on Trust they are the roots', async ({ app: page }) => {
  await goToDoctor(page);
  const bundle = `${pki.leaf.pem}\n${pki.intermediate.pem}`;
  const drag = (type: 'dragenter' | 'drop', selector: string, name: string, text: string) =>
    page.evaluate(
      ({ type, selector, name, text }) => {
        const data = new DataTransfer();
        data.items.add(new File([text], name));
        document.querySelector(selector)!.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
      },
      { type, selector, name, text },
    );
  await drag('dragenter', 'body', 'server-bundle.pem', bundle);
  const overlay = page.getByTestId('chain-drop-overlay');
  await expect(overlay).toBeVisible();
  await expect(page.getByText('Drop to open in Inspect')).toBeHidden();
  await snap(page, 'chain-drop-overlay');
  await drag('drop', '[data-testid="chain-drop-overlay"] [data-drop-card="input"]', 'server-bundle.pem', bundle);
  await expect(overlay).toBeHidden();
  await expect(page.getByTestId('chain-input-files').getByText('server-bundle.pem')).toBeVisible();
  await drag('dragenter', 'body', 'my-root.pem', pki.root.pem);
  await drag('drop', '[data-testid="chain-drop-overlay"] [data-drop-card="trust"]', 'my-root.pem', pki.root.pem);
  await expect(page.getByTestId('chain-trust-files').getByText('my-root.pem')).toBeVisible();

  await page.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(page.getByTestId('chain-result')).toHaveAttribute('data-valid', 'true', { timeout: 30_000 });
  await expect(card(page, 'leaf').getByTestId('source-badge')).toHaveText('File');
  await expect(card(page, 'root').getByTestId('source-badge')).toHaveText(/^Trust (file|store)$/);
  await expect(page.getByTestId('chain-result')).toContainText('no name checked');
  await expect(page.getByRole('region', { name: 'What the files hold' }).getByTestId('served-cert')).toHaveCount(2);
  await snap(page, 'chain-files-valid');
});

test('the Inspector shows the chain verdict of the selected file with a link to the doctor; Check chain… and Show in Inspector go back and forth', async ({ app: page }, testInfo) => {
  const bundlePath = join(testInfo.outputDir, 'shop-bundle.pem');
  writeFileSync(bundlePath, `${pki.leaf.pem}\n${pki.intermediate.pem}`);
  await page.getByTestId('file-input').setInputFiles(bundlePath);
  const region = page.getByRole('region', { name: 'shop-bundle.pem' });
  await expect(region).toBeVisible();
  await region.locator('[data-kind="certificate"]').first().click();
  const details = page.getByRole('region', { name: 'Details' });
  const verdict = details.getByTestId('inspector-chain-verdict');
  await expect(verdict).toBeVisible({ timeout: 30_000 });
  await expect(verdict).toContainText('Chain of shop-bundle.pem');
  await snap(page, 'chain-inspector-verdict');

  await verdict.getByRole('button', { name: 'Open in Chain doctor' }).click();
  await expect(page.getByRole('heading', { name: 'Chain doctor', level: 1 })).toBeVisible();
  await expect(page.getByTestId('chain-input-files').getByText('shop-bundle.pem')).toBeVisible();
  await expect(page.getByTestId('chain-result')).toBeVisible({ timeout: 30_000 });
  await expect(card(page, 'leaf')).toContainText('localhost');

  // Back to the certificate it was about.
  await card(page, 'leaf').click();
  await page.getByRole('button', { name: 'Show in Inspector' }).click();
  await expect(page.getByRole('heading', { name: 'Inspect', level: 1 })).toBeVisible();
  await expect(details.getByRole('heading', { level: 2 })).toHaveText('localhost');

  // And from the certificate's next steps, the same doctor with that certificate and its issuer by name.
  await details.getByRole('group', { name: 'Next steps' }).getByRole('button', { name: 'Check chain…' }).click();
  await expect(page.getByRole('heading', { name: 'Chain doctor', level: 1 })).toBeVisible();
  await expect(page.getByTestId('chain-result')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('chain-card')).toHaveCount(2);
});

test('a leaf certificate file alone: its issuer is downloaded from the AIA URL in it, and the saved fullchain checks valid', async ({ app: page, bench, outputDir }, testInfo) => {
  await goToDoctor(page);
  await trustRoot(page, testInfo.outputDir);
  await page.getByTestId('chain-input-file').setInputFiles(copyAs(pki.leaf.certPath, testInfo.outputDir, 'leaf-only.pem'));
  await expect(page.getByTestId('chain-input-files').getByText('leaf-only.pem')).toBeVisible();
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(page.getByTestId('chain-result')).toBeVisible({ timeout: 30_000 });
  await expect(problem(page, 'MISSING_INTERMEDIATE')).toBeVisible();
  await expect(card(page, 'intermediate').getByTestId('source-badge')).toHaveText('AIA download');
  await page.getByLabel('File name').fill('leaf-fixed.pem');
  await bench.chooseOutputFolder(page);
  await page.getByRole('button', { name: 'Save fixed chain' }).click();
  await expect(page.getByTestId('fixed-chain-written')).toContainText('Saved leaf-fixed.pem');
  const saved = join(outputDir, 'leaf-fixed.pem');
  expect(openssl('verify', '-CAfile', pki.root.certPath, '-untrusted', saved, saved).trim()).toBe(`${saved}: OK`);
  await page.getByRole('button', { name: 'Check the saved chain' }).click();
  await expect(page.getByTestId('chain-input-files').getByText('leaf-fixed.pem')).toBeVisible();
  await expect(page.getByTestId('chain-result')).toHaveAttribute('data-valid', 'true', { timeout: 30_000 });
  await snap(page, 'chain-leaf-file-fixed');
});

test('a PFX with its private key checked in the doctor: its password asked on the page, the report carries certificates only', async ({ app: page, bench }) => {
  await goToDoctor(page);
  await page.getByTestId('chain-input-file').setInputFiles(fixture('server.pfx'));
  const dialog = page.getByRole('dialog', { name: 'Password for server.pfx' });
  await dialog.getByLabel('Password', { exact: true }).fill('correct horse');
  await dialog.getByRole('button', { name: 'Unlock' }).click();
  await expect(dialog).toBeHidden({ timeout: 30_000 });
  await expect(page.getByTestId('chain-input-files').getByText('server.pfx')).toBeVisible();
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(page.getByTestId('chain-result')).toBeVisible({ timeout: 30_000 });
  await expect(card(page, 'leaf')).toContainText('shop.example.test');
  // The key stays in main: not in any chain.check answer (the harness audits every message too), nor in the page.
  const reports = (await bench.wire()).filter((w) => w.body.includes('"fixedChainPem"'));
  expect(reports.length).toBeGreaterThan(0);
  expect(keyDetector().audit(reports.map((w) => w.body))).toEqual([]);
  expect(keyDetector().find(await page.content())).toBeNull();
});
