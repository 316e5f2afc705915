/**
 * Expiry watch as a support engineer uses it: add a folder (a tree made now by openssl and keytool, with
 * certificates valid, expiring and expired, a JKS inside) and a local TLS server on 127.0.0.1, scan, read the
 * counts, the 12-month chart and the table (statuses and days counted from the e2e clock), export CSV and parse
 * it back, replace it after a confirm, see the digest and a reminder banner, and follow rows to the Chain doctor
 * and the Inspector.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { E2E_NOW, test, expect, snap, type Bench, type Wire } from './harness';
import { startSilentServer, startTlsEndpoint, type TlsEndpoint } from './chain-servers';
import { makeExpiryTree } from './expiry-tree';

test.use({ timezoneId: 'UTC' });

let endpoint: TlsEndpoint | null = null;
test.afterEach(async () => {
  await endpoint?.close();
  endpoint = null;
});

/** RFC 4180: quoted fields, doubled quotes, commas and line breaks inside quotes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length) rows.push([...row, field]);
  return rows;
}

/**
 * Adds a watch target through the dialog. A server is typed. A folder or file is typed in the web host (it reads
 * inside the folder it was started with); the desktop app reads only what the user chose, so there it is chosen
 * in the native dialog (Choose…), which fills the field.
 */
async function addTarget(page: Page, bench: Bench, button: string, kind: 'A folder' | 'A file' | 'A server', location: string) {
  await page.getByTestId(button).first().click();
  const dialog = page.getByRole('dialog', { name: 'Watch for expiry' });
  await dialog.getByRole('button', { name: kind }).click();
  if (kind === 'A server' || bench.target === 'web') await dialog.getByTestId('expiry-add-location').fill(location);
  else await bench.pickInNativeDialog(dialog.getByRole('button', { name: 'Choose…' }), [location]);
  await expect(dialog.getByTestId('expiry-add-location')).toHaveValue(location);
  await dialog.getByTestId('expiry-add-submit').click();
  await expect(dialog).toBeHidden();
}

const rowBySource = (page: Page, text: string) => page.getByTestId('expiry-row').filter({ hasText: text });

function noneOf(wire: Wire[], needles: string[]): string[] {
  return needles.filter((n) => wire.some((w) => w.body.includes(n)));
}

test('expiry: watch a folder and a server, scan, read the dashboard and the table, export CSV, reminders', async ({ app: page, bench, outputDir }) => {
  const tree = makeExpiryTree(outputDir);
  endpoint = await startTlsEndpoint(tree.served.keyPath, [tree.served.pem]);
  const rail = page.getByRole('navigation', { name: 'Pages' });
  await rail.getByRole('button', { name: 'Expiry' }).click();
  await expect(page.getByRole('heading', { name: 'Expiry' })).toBeVisible();

  // The empty state teaches how to start.
  await expect(page.getByTestId('expiry-empty')).toContainText('Add the folders where your certificates live');
  await expect(page.getByTestId('expiry-scan')).toBeDisabled();
  await snap(page, 'expiry-empty');

  // A typed endpoint that is not host:port is refused in the dialog, in words.
  await page.getByTestId('expiry-add-endpoint').click();
  const dialog = page.getByRole('dialog', { name: 'Watch for expiry' });
  await dialog.getByTestId('expiry-add-location').fill('127.0.0.1:99999');
  await expect(dialog.getByText(/is not a port/)).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  // The tree is made in the test's folder: inside the web host's own folder, which it reads.
  await addTarget(page, bench, 'expiry-add-folder', 'A folder', tree.dir);
  await addTarget(page, bench, 'expiry-add', 'A server', endpoint.target);
  await page.getByTestId('expiry-tab-watchlist').click();
  await expect(page.getByTestId('expiry-target')).toHaveCount(2);
  await expect(page.getByTestId('expiry-watchlist')).toContainText('folder and subfolders');
  await expect(page.getByTestId('expiry-watchlist')).toContainText(`${endpoint.target}`);
  await snap(page, 'expiry-watchlist');

  await page.getByTestId('expiry-scan').click();
  await expect(page.getByTestId('expiry-verdict')).toHaveText('1 certificate expired, 3 expiring soon', { timeout: 30_000 });
  await expect(page.getByTestId('expiry-status')).toContainText('Scanned just now: 6 certificates');
  for (const [status, n] of [['ok', 2], ['expiring', 3], ['expired', 1], ['error', 1]] as const) {
    await expect(page.getByTestId(`expiry-count-${status}-value`)).toHaveText(String(n));
  }

  // The table: every certificate with its status and days, counted from the e2e clock.
  await expect(page.getByTestId('expiry-row')).toHaveCount(7);
  for (const e of tree.expected) {
    const row = rowBySource(page, join(tree.dir, e.file));
    await expect(row).toHaveCount(1);
    await expect(row).toHaveAttribute('data-status', e.status);
    await expect(row).toHaveAttribute('data-days', String(e.days));
    await expect(row).toContainText(e.subject);
  }
  const served = rowBySource(page, endpoint.target);
  await expect(served).toHaveAttribute('data-status', 'ok');
  await expect(served).toHaveAttribute('data-days', '100');
  await expect(rowBySource(page, 'broken.crt')).toHaveAttribute('data-status', 'error');
  // Soonest first: expired, then 2, 20, 45 days; the unreadable file last.
  await expect(page.getByTestId('expiry-row').first()).toHaveAttribute('data-days', '-10');
  await expect(page.getByTestId('expiry-row').nth(1)).toHaveAttribute('data-days', '2');
  await expect(page.getByTestId('expiry-row').last()).toHaveAttribute('data-status', 'error');

  // The chart: a bar per month, the expired one apart; the same numbers in the table alternative.
  const chart = page.getByRole('img', { name: /Certificates expiring per month/ });
  await expect(chart).toHaveAttribute('aria-label', /Already expired: 1\. Nov 2026: 1, Dec 2026: 1, Jan 2027: 1, Feb 2027: 0, Mar 2027: 1, Apr 2027: 0, May 2027: 0, Jun 2027: 1/);
  for (const [month, n] of [['2026-11', 1], ['2026-12', 1], ['2027-01', 1], ['2027-02', 0], ['2027-03', 1], ['2027-06', 1], ['2027-10', 0]] as const) {
    await expect(page.getByTestId(`expiry-timeline-${month}`)).toHaveAttribute('data-total', String(n));
  }
  await expect(page.getByTestId('expiry-timeline-expired')).toContainText('1');
  await snap(page, 'expiry-dashboard');

  // Sort, filter by status and by words.
  await page.getByTestId('expiry-sort-daysLeft').click();
  await expect(page.getByTestId('expiry-row').first()).toHaveAttribute('data-days', '200');
  await page.getByTestId('expiry-count-expired').click();
  await expect(page.getByTestId('expiry-row')).toHaveCount(1);
  await expect(page.getByTestId('expiry-shown')).toHaveText('1 of 7');
  await page.getByTestId('expiry-count-expired').click();
  await page.getByTestId('expiry-search').fill('tomcat');
  await expect(page.getByTestId('expiry-row')).toHaveCount(1);
  await expect(page.getByTestId('expiry-row')).toContainText("entry 'tomcat'");
  await page.getByTestId('expiry-search').fill('');
  await page.getByTestId('expiry-table').scrollIntoViewIfNeeded();
  await snap(page, 'expiry-table');
  await page.getByTestId('expiry-sort-daysLeft').click();

  // Export CSV into the test's folder; the file is parsed back.
  await page.getByTestId('expiry-tab-export').click();
  await bench.chooseOutputFolder(page);
  await expect(page.getByTestId('expiry-export-name')).toHaveValue('expiry-2026-11-24.csv');
  await page.getByTestId('expiry-export-write').click();
  await expect(page.getByTestId('expiry-written-file')).toContainText(join(outputDir, 'expiry-2026-11-24.csv'));
  await expect(page.getByTestId('expiry-written-file')).toContainText('CSV · 7 certificates');
  const csv = parseCsv(readFileSync(join(outputDir, 'expiry-2026-11-24.csv'), 'utf8').replace(/^\uFEFF/, '')).filter((r) => r.some((f) => f !== ''));
  const header = csv[0]!.map((h) => h.toLowerCase());
  const col = (name: string) => header.findIndex((h) => h.replace(/[^a-z0-9]/g, '') === name);
  const [source, days, status] = [col('source'), col('daysleft'), col('status')];
  expect(source, `CSV header ${header.join(',')}`).toBeGreaterThanOrEqual(0);
  expect(days).toBeGreaterThanOrEqual(0);
  expect(status).toBeGreaterThanOrEqual(0);
  expect(csv.length - 1).toBe(7);
  for (const e of tree.expected) {
    const line = csv.find((r) => r[source] === join(tree.dir, e.file) || r[source]!.startsWith(join(tree.dir, e.file) + ' '));
    expect(line, e.file).toBeTruthy();
    expect(Number(line![days])).toBe(e.days);
    expect(line![status]).toBe(e.status);
  }
  expect(csv.find((r) => r[source] === endpoint!.target)?.[days]).toBe('100');
  // Writing it again asks first; Replace overwrites.
  await page.getByTestId('expiry-export-write').click();
  const replace = page.getByRole('dialog', { name: /Replace expiry-2026-11-24\.csv/ });
  await expect(replace).toBeVisible();
  await replace.getByRole('button', { name: 'Replace' }).click();
  await expect(replace).toBeHidden();
  await expect(page.getByTestId('expiry-written-file')).toHaveCount(1);
  await expect(page.getByTestId('expiry-export-error')).toHaveCount(0);
  expect(readdirSync(outputDir).filter((f) => f.startsWith('expiry-'))).toEqual(['expiry-2026-11-24.csv']);
  await snap(page, 'expiry-export');

  // The monthly digest, shown in the app.
  await page.getByTestId('expiry-tab-digests').click();
  await expect(page.getByTestId('expiry-digest-expired')).toContainText('legacy');
  await expect(page.getByTestId('expiry-digest-expiring')).toContainText('mail');
  await snap(page, 'expiry-digest');

  // Settings: thresholds saved through main.
  await page.getByTestId('expiry-tab-settings').click();
  await expect(page.getByTestId('expiry-thresholds')).toHaveValue('60, 30, 3');

  // A reminder from the scheduler shows as a banner on any page, and leads back here.
  await rail.getByRole('button', { name: 'Inspect' }).click();
  await bench.runReminders();
  const banner = page.getByTestId('expiry-reminder');
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('legacy.example.test: Expired 10 days ago');
  await expect(banner).toContainText('vpn.example.test: 2 days left');
  await snap(page, 'expiry-reminder');
  await banner.getByRole('button', { name: 'Show' }).click();
  await expect(page.getByRole('heading', { name: 'Expiry' })).toBeVisible();
  await expect(banner).toBeHidden();

  // A server's row opens the Chain doctor on that server; a file's row opens the Inspector on that certificate.
  await rowBySource(page, endpoint.target).click();
  await expect(page.getByRole('heading', { name: 'Chain doctor' })).toBeVisible();
  await expect(page.getByTestId('chain-target')).toHaveValue(endpoint.target);
  await rail.getByRole('button', { name: 'Expiry' }).click();
  const shop = join(tree.dir, 'shop.pem');
  await rowBySource(page, shop).click();
  await expect(page.getByRole('heading', { name: 'Inspect' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'shop.pem' })).toBeVisible();

  // Nothing secret crossed: not the keys made for this test (the fixture audit knows only committed keys).
  const keyBodies = tree.keys.map((k) => readFileSync(k.keyPath, 'utf8').replace(/-----[^-]+-----|\s/g, '').slice(20, 60));
  expect(keyBodies.every((b) => b.length === 40)).toBe(true);
  expect(noneOf(await bench.wire(), keyBodies)).toEqual([]);
});

test('expiry: a scan waiting on a silent server shows progress, and Stop keeps what was found', async ({ app: page, bench, outputDir }) => {
  const tree = makeExpiryTree(outputDir);
  endpoint = await startSilentServer();
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('button', { name: 'Expiry' }).click();
  await addTarget(page, bench, 'expiry-add-folder', 'A folder', tree.dir);
  await addTarget(page, bench, 'expiry-add', 'A server', endpoint.target);
  await page.getByTestId('expiry-scan').click();
  const bar = page.getByTestId('expiry-progress');
  await expect(bar).toContainText('Scanning the watchlist');
  await expect(page.getByTestId('expiry-scan')).toBeDisabled();
  await snap(page, 'expiry-scanning');
  await bar.getByTestId('expiry-stop').click();
  await expect(bar).toBeHidden();
  await expect(page.getByTestId('expiry-status')).toContainText('(stopped early)');
  // The files read before Stop are there; the silent server gave nothing.
  await expect(page.getByTestId('expiry-row').filter({ hasText: endpoint.target }).filter({ has: page.getByText(/\d+ days left/) })).toHaveCount(0);
  await expect(page.getByTestId('expiry-scan')).toBeEnabled();

  // Settings go through main and come back: new thresholds, reminders off.
  await page.getByTestId('expiry-tab-settings').click();
  await page.getByTestId('expiry-thresholds').fill('7, 90 30');
  await page.getByTestId('expiry-thresholds-save').click();
  await expect(page.getByTestId('expiry-thresholds')).toHaveValue('90, 30, 7');
  // The switch shows what main saved, so it turns once the answer is back (click, then wait for it).
  await page.getByRole('switch', { name: /Reminders/ }).click();
  await expect(page.getByRole('switch', { name: /Reminders/ })).not.toBeChecked();
  await page.getByTestId('expiry-thresholds').fill('30, 0');
  await expect(page.getByText('“0” is not a number of days from 1 to 3650.')).toBeVisible();
  await expect(page.getByTestId('expiry-thresholds-save')).toBeDisabled();

  // Removing the silent server leaves the folder.
  await page.getByTestId('expiry-tab-watchlist').click();
  await page.getByRole('button', { name: `Remove ${endpoint.target} from the watchlist` }).click();
  await expect(page.getByTestId('expiry-target')).toHaveCount(1);
  await expect(page.getByTestId('expiry-watchlist')).toContainText('folder and subfolders');
});

test('expiry: a last scan of 10,000 certificates stays quick: only the rows on screen are drawn, sort and search cover all', async ({ app: page, dataDir }) => {
  // A watchlist as main stores it (watchlist.json in the data folder), with a saved scan of 10,000 rows.
  const day = 86_400_000;
  const rows = Array.from({ length: 10_000 }, (_, i) => {
    const days = (i * 7919) % 800 - 30;
    const status = days < 0 ? 'expired' : days <= 60 ? 'expiring' : 'ok';
    return {
      targetId: 't_big', source: `/srv/certs/cert-${String(i).padStart(5, '0')}.pem`, presence: 'stored', subject: `CN=cert-${String(i).padStart(5, '0')}.example.test`,
      issuer: 'CN=Big CA', sha256: i.toString(16).toUpperCase().padStart(64, '0'), serial: i.toString(16), notBefore: '2026-01-01T00:00:00.000Z',
      notAfter: new Date(E2E_NOW.getTime() + days * day + 3600_000).toISOString(), daysLeft: days, status, threshold: null, isCA: false, error: null,
    };
  });
  const counts = { ok: 0, expiring: 0, expired: 0, error: 0 } as Record<string, number>;
  for (const r of rows) counts[r.status]!++;
  const scan = { scanId: 's_big', startedAt: E2E_NOW.toISOString(), finishedAt: E2E_NOW.toISOString(), thresholds: [60, 30, 3], rows, counts, filesScanned: 10_000, endpointsScanned: 0, cancelled: false };
  const target = { id: 't_big', kind: 'folder', location: '/srv/certs', label: 'Big folder', recursive: true, endpoint: null, addedAt: E2E_NOW.toISOString() };
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(join(dataDir, 'watchlist.json'), JSON.stringify({ schemaVersion: 1, targets: [target], settings: { thresholds: [60, 30, 3], notify: true, dailyDigest: false, monthlyDigest: false, reportsFolder: null }, lastScan: scan }));

  await page.getByRole('navigation', { name: 'Pages' }).getByRole('button', { name: 'Expiry' }).click();
  await expect(page.getByTestId('expiry-shown')).toHaveText('10000 certificates');
  await expect(page.getByTestId(`expiry-count-expired-value`)).toHaveText(String(counts.expired));
  const drawn = await page.getByTestId('expiry-row').count();
  expect(drawn).toBeGreaterThan(5);
  expect(drawn).toBeLessThan(40);
  await expect(page.getByTestId('expiry-row').first()).toHaveAttribute('data-days', '-30');

  // The last row is reached by scrolling the list, and drawn then.
  await page.getByTestId('expiry-table').getByRole('rowgroup').evaluate((el) => (el.scrollTop = el.scrollHeight));
  await expect(page.getByTestId('expiry-row').last()).toHaveAttribute('data-days', '769');
  expect(await page.getByTestId('expiry-row').count()).toBeLessThan(40);

  await page.getByTestId('expiry-sort-subject').click();
  await page.getByTestId('expiry-sort-subject').click();
  await page.getByTestId('expiry-table').getByRole('rowgroup').evaluate((el) => (el.scrollTop = 0));
  await expect(page.getByTestId('expiry-row').first()).toContainText('cert-09999.example.test');
  await page.getByTestId('expiry-search').fill('cert-04242');
  await expect(page.getByTestId('expiry-row')).toHaveCount(1);
  await expect(page.getByTestId('expiry-shown')).toHaveText('1 of 10000');
});
