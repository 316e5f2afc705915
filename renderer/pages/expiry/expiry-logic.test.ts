import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ExpiryRowDto, ExpiryScanDto, ExpiryStatus, WatchTargetDto } from '../../../main/api/dto';
import { bandLabel, bandOf, buildTimeline } from './timeline';
import { INITIAL_VIEW, onlyStatus, toggleSort, toggleStatus, viewRows } from './table';
import { exportFileName, inputOf, EMPTY_ADD_FORM, rowDestination, rowFile } from './targets';
import { daysWords, lastScanWords, verdict } from './words';

const NOW = new Date('2026-11-24T12:00:00Z');
const DAY = 86_400_000;
const THRESHOLDS = [60, 30, 3];

function row(daysLeft: number | null, over: Partial<ExpiryRowDto> = {}): ExpiryRowDto {
  const status: ExpiryStatus = daysLeft === null ? 'error' : daysLeft < 0 ? 'expired' : daysLeft <= 60 ? 'expiring' : 'ok';
  return {
    targetId: 't1', source: `/certs/c${daysLeft}.pem`, presence: 'stored', subject: `CN=c${daysLeft}`, issuer: 'CN=CA', sha256: 'AB', serial: '01',
    notBefore: null, notAfter: daysLeft === null ? null : new Date(NOW.getTime() + daysLeft * DAY + 3600_000).toISOString(),
    daysLeft, status, threshold: null, isCA: false, error: daysLeft === null ? { code: 'CORRUPT', message: 'broken', hint: 'h' } : null, ...over,
  };
}

const folder: WatchTargetDto = { id: 't1', kind: 'folder', location: '/srv/My certs', label: null, recursive: true, endpoint: null, hasPassword: false, addedAt: NOW.toISOString() };
const file: WatchTargetDto = { ...folder, id: 't2', kind: 'file', location: '/srv/app/keystore.jks' };
const endpoint: WatchTargetDto = { ...folder, id: 't3', kind: 'endpoint', location: '127.0.0.1:8443', endpoint: { host: '127.0.0.1', port: 8443, servername: 'shop.test', starttls: null } };

test('bands: the smallest threshold a certificate is within, else later', () => {
  assert.equal(bandOf(2, THRESHOLDS), 3);
  assert.equal(bandOf(3, THRESHOLDS), 3);
  assert.equal(bandOf(4, THRESHOLDS), 30);
  assert.equal(bandOf(45, THRESHOLDS), 60);
  assert.equal(bandOf(61, THRESHOLDS), 'later');
  assert.equal(bandLabel(3, [3, 30, 60, 'later']), 'Within 3 days');
  assert.equal(bandLabel('later', [3, 30, 60, 'later']), 'More than 60 days');
});

test('timeline: 12 months from the current one, expired and beyond counted apart, errors left out', () => {
  const rows = [row(-5), row(-400), row(2), row(20), row(40), row(100), row(300), row(400), row(null)];
  const t = buildTimeline(rows, THRESHOLDS, NOW);
  assert.equal(t.months.length, 12);
  assert.equal(t.months[0]!.label, 'Nov 2026');
  assert.equal(t.months[11]!.label, 'Oct 2027');
  assert.deepEqual(t.bands, [3, 30, 60, 'later']);
  assert.equal(t.expired, 2);
  assert.equal(t.beyond, 1); // 400 days: January 2028
  // 2 days: 26 Nov (this month, within 3); 20 days: 14 Dec (within 30); 40 days: 3 Jan (within 60).
  assert.equal(t.months[0]!.byBand.get(3), 1);
  assert.equal(t.months[1]!.byBand.get(30), 1);
  assert.equal(t.months[2]!.byBand.get(60), 1);
  assert.equal(t.months[4]!.byBand.get('later'), 1); // 100 days: 4 Mar 2027
  assert.equal(t.months[10]!.byBand.get('later'), 1); // 300 days: 20 Sep 2027
  assert.equal(t.months.reduce((n, m) => n + m.total, 0), 5);
  assert.equal(t.max, 1);
});

test('timeline: a December start runs into the next year', () => {
  const t = buildTimeline([row(31)], THRESHOLDS, new Date('2026-12-31T00:00:00Z'));
  assert.deepEqual([t.months[0]!.key, t.months[1]!.key, t.months[11]!.key], ['2026-12', '2027-01', '2027-11']);
});

test('table: soonest first by default, error rows last in both directions', () => {
  const rows = [row(100), row(null), row(-3), row(5)];
  assert.deepEqual(viewRows(rows, INITIAL_VIEW).map((r) => r.daysLeft), [-3, 5, 100, null]);
  const desc = toggleSort(INITIAL_VIEW, 'daysLeft');
  assert.equal(desc.direction, 'desc');
  assert.deepEqual(viewRows(rows, desc).map((r) => r.daysLeft), [100, 5, -3, null]);
});

test('table: sort by subject, source and status (most urgent first)', () => {
  const rows = [row(100, { subject: 'CN=b' }), row(5, { subject: 'CN=a' }), row(-1, { subject: 'CN=C' }), row(null, { subject: '' })];
  const bySubject = toggleSort(INITIAL_VIEW, 'subject');
  assert.deepEqual(viewRows(rows, bySubject).map((r) => r.subject), ['CN=a', 'CN=b', 'CN=C', '']);
  assert.deepEqual(viewRows(rows, toggleSort(INITIAL_VIEW, 'status')).map((r) => r.status), ['expired', 'expiring', 'error', 'ok']);
  const bySource = toggleSort(INITIAL_VIEW, 'source');
  assert.deepEqual(viewRows([row(1, { source: 'b:443' }), row(2, { source: 'a/x.pem' })], bySource).map((r) => r.source), ['a/x.pem', 'b:443']);
});

test('table: status chips and words filter; the last chip off shows everything again', () => {
  const rows = [row(100, { subject: 'CN=shop.example' }), row(5, { subject: 'CN=mail.example' }), row(-1), row(null)];
  const expiredOnly = onlyStatus(INITIAL_VIEW, 'expired');
  assert.deepEqual(viewRows(rows, expiredOnly).map((r) => r.status), ['expired']);
  assert.equal(onlyStatus(expiredOnly, 'expired').statuses.size, 4);
  assert.equal(toggleStatus(expiredOnly, 'expired').statuses.size, 4);
  const noOk = toggleStatus(INITIAL_VIEW, 'ok');
  assert.deepEqual(viewRows(rows, noOk).map((r) => r.status), ['expired', 'expiring', 'error']);
  assert.deepEqual(viewRows(rows, { ...INITIAL_VIEW, search: 'SHOP example' }).map((r) => r.subject), ['CN=shop.example']);
  assert.deepEqual(viewRows(rows, { ...INITIAL_VIEW, search: 'broken' }).map((r) => r.status), ['error']);
});

test('add form: endpoints parsed as the Chain doctor parses them; folders and files need a path', () => {
  assert.deepEqual(inputOf({ ...EMPTY_ADD_FORM, kind: 'endpoint', location: 'https://Shop.example.com/path' }).input, { kind: 'endpoint', location: 'Shop.example.com:443' });
  assert.deepEqual(inputOf({ ...EMPTY_ADD_FORM, kind: 'endpoint', location: 'smtp://mail.example.com', label: ' Mail ' }).input, { kind: 'endpoint', location: 'mail.example.com:25', label: 'Mail', starttls: 'smtp' });
  assert.deepEqual(inputOf({ ...EMPTY_ADD_FORM, kind: 'endpoint', location: '[::1]:8443', servername: 'shop.test' }).input, { kind: 'endpoint', location: '[::1]:8443', servername: 'shop.test' });
  assert.match(inputOf({ ...EMPTY_ADD_FORM, kind: 'endpoint', location: 'host:99999' }).problem ?? '', /not a port/);
  assert.match(inputOf({ ...EMPTY_ADD_FORM, kind: 'folder', location: '  ' }).problem ?? '', /folder/);
  assert.deepEqual(inputOf({ ...EMPTY_ADD_FORM, kind: 'folder', location: '/srv/certs', recursive: false }).input, { kind: 'folder', location: '/srv/certs', recursive: false });
  assert.deepEqual(inputOf({ ...EMPTY_ADD_FORM, kind: 'file', location: '/a/k.jks', password: 'changeit' }).input, { kind: 'file', location: '/a/k.jks', password: 'changeit' });
});

test('rows lead to the file in the Inspector or the server in the Chain doctor', () => {
  assert.equal(rowFile(row(5, { source: '/srv/My certs/sub dir/a b.pem' }), folder), '/srv/My certs/sub dir/a b.pem');
  assert.equal(rowFile(row(5, { source: "/srv/My certs/k.jks entry 'tomcat'" }), folder), '/srv/My certs/k.jks');
  assert.equal(rowFile(row(5, { source: '/srv/My certs/bundle.pem PEM block 2' }), folder), '/srv/My certs/bundle.pem');
  assert.equal(rowFile(row(5, { source: "/srv/app/keystore.jks entry 'x'", targetId: 't2' }), file), '/srv/app/keystore.jks');
  assert.equal(rowFile(row(5, { source: '/elsewhere/a.pem' }), folder), null);
  const targets = new Map([folder, file, endpoint].map((t) => [t.id, t]));
  assert.deepEqual(rowDestination(row(5, { targetId: 't3', presence: 'served', source: '127.0.0.1:8443' }), targets), { page: 'chain', target: endpoint });
  assert.deepEqual(rowDestination(row(5, { source: '/srv/My certs/a.pem', sha256: 'FF' }), targets), { page: 'inspect', path: '/srv/My certs/a.pem', sha256: 'FF' });
  assert.equal(rowDestination(row(5, { targetId: 'gone' }), targets), null);
});

test('words: days, the last scan, the verdict', () => {
  assert.equal(daysWords(row(-1)), 'Expired yesterday');
  assert.equal(daysWords(row(-12)), 'Expired 12 days ago');
  assert.equal(daysWords(row(0)), 'Expires today');
  assert.equal(daysWords(row(1)), 'Expires tomorrow');
  assert.equal(daysWords(row(42)), '42 days left');
  assert.equal(daysWords(row(null)), '—');
  const rows = [row(-1), row(5), row(100), row(null)];
  const scan: ExpiryScanDto = {
    scanId: 's', startedAt: NOW.toISOString(), finishedAt: new Date(NOW.getTime() - 5 * 60_000).toISOString(), thresholds: THRESHOLDS, rows,
    counts: { ok: 1, expiring: 1, expired: 1, error: 1 }, filesScanned: 3, endpointsScanned: 1, cancelled: false,
  };
  assert.equal(lastScanWords(scan, NOW), 'Scanned 5 min ago: 3 certificates in 3 files and 1 endpoint');
  assert.equal(lastScanWords(null, NOW), 'Not scanned yet');
  assert.deepEqual(verdict(scan, 2), { text: '1 certificate expired, 1 expiring soon', tone: 'error' });
  assert.deepEqual(verdict({ ...scan, counts: { ok: 1, expiring: 1, expired: 0, error: 0 } }, 2), { text: '1 certificate expiring soon; the first in 5 days', tone: 'warning' });
  assert.deepEqual(verdict({ ...scan, counts: { ok: 3, expiring: 0, expired: 0, error: 0 } }, 2), { text: 'All 3 certificates valid beyond 60 days', tone: 'success' });
  assert.equal(verdict(null, 0).text, 'Nothing is watched yet');
});

test('export file names carry the digest and the date', () => {
  assert.equal(exportFileName('csv', null, NOW), 'expiry-2026-11-24.csv');
  assert.equal(exportFileName('openmetrics', null, NOW), 'expiry-2026-11-24.prom');
  assert.equal(exportFileName('html', 'daily', NOW), 'expiry-daily-2026-11-24.html');
});

test('thresholds field: days separated by commas, largest first, duplicates once', async () => {
  const { parseThresholds, thresholdsText } = await import('./thresholds');
  assert.deepEqual(parseThresholds('3, 60 30,30'), { ok: true, value: [60, 30, 3] });
  assert.equal(thresholdsText([3, 60, 30]), '60, 30, 3');
  assert.match((parseThresholds('') as { message: string }).message, /at least one/);
  assert.match((parseThresholds('30, 0') as { message: string }).message, /“0”/);
  assert.match((parseThresholds('30, 4000') as { message: string }).message, /“4000”/);
  assert.match((parseThresholds('1 2 3 4 5 6 7 8 9 10 11') as { message: string }).message, /At most 10/);
});

test('reminder banner lines: CN, days, most urgent first, the rest counted', async () => {
  const { reminderLines, shortName } = await import('../../frame/reminderLines');
  assert.equal(shortName('CN=mail.example.test', '/x'), 'mail.example.test');
  assert.equal(shortName('O=Acme, CN=vpn.acme', '/x'), 'vpn.acme');
  assert.equal(shortName('O=Acme', '/x'), 'O=Acme');
  assert.equal(shortName('', 'shop:443'), 'shop:443');
  const rows = [row(45, { subject: 'CN=mail' }), row(-10, { subject: 'CN=legacy' }), row(2, { subject: 'CN=vpn' }), row(20, { subject: 'CN=tomcat' })];
  assert.deepEqual(reminderLines({ title: 't', body: 'b', rows }, 3), { lines: ['legacy: Expired 10 days ago', 'vpn: 2 days left', 'tomcat: 20 days left'], more: 1 });
});
