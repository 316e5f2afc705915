/**
 * `certbench expiry` (CLI.md "expiry") on a tree made by openssl and keytool (test/helpers/expiry-tree.ts) and on
 * a local TLS server: rows with openssl's fingerprints and dates, --within and the exit codes (0 nothing within
 * DAYS, 1 expiring or expired, 2 bad input or unreadable), passwords, each output read back by its peer parser
 * (papaparse, ical.js, the strict OpenMetrics parser, pdftotext), files written atomically (EXISTS without
 * --force), and no password or key in any report.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import ICAL from 'ical.js';
import Papa from 'papaparse';
import { cli } from '../../test/helpers/cli-run';
import { makeExpiryTree, opensslFacts, STORE_PASSWORD, type ExpiryTree } from '../../test/helpers/expiry-tree';
import { parseOpenMetrics } from '../../test/helpers/openmetrics-parser';
import { dateAt, openssl } from '../../test/helpers/test-pki';
import { LocalServers } from '../../test/helpers/tls-servers';
import { CSV_COLUMNS } from '../pki/expiry/csv';

let tree: ExpiryTree;
let out: string;
const servers = new LocalServers();

before(() => {
  tree = makeExpiryTree();
  out = mkdtempSync(join(tmpdir(), 'expiry-cli-out-'));
});
after(async () => {
  await servers.closeAll();
  rmSync(tree.dir, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
});

const file = (rel: string) => join(tree.dir, rel);
const json = (text: string) => JSON.parse(text) as { rows: { source: string; subject: string; sha256: string; notAfter: string; daysLeft: number; status: string; presence: string }[]; counts: Record<string, number> };

test('a folder: one row per certificate with openssl\'s fingerprint and notAfter, statuses, exit 1 for the expired', async () => {
  const r = await cli('expiry', tree.dir, '--json', '--password', STORE_PASSWORD);
  assert.equal(r.code, 1, r.err);
  const doc = json(r.out);
  for (const [rel, cert] of Object.entries(tree.files)) {
    const facts = opensslFacts(cert.pem);
    const row = doc.rows.find((x) => x.source === file(rel));
    assert.ok(row, rel);
    assert.equal(row.sha256, facts.sha256);
    assert.equal(row.notAfter, facts.notAfter);
    assert.equal(row.daysLeft, Math.floor((Date.parse(facts.notAfter) - Date.now()) / 86_400_000));
  }
  const status = (rel: string) => doc.rows.find((x) => x.source === file(rel))!.status;
  assert.equal(status('ok.pem'), 'ok');
  assert.equal(status('expired.pem'), 'expired');
  assert.equal(status('sub/d20.pem'), 'expiring');
  assert.equal(status('sub/deeper/d2.cer'), 'expiring');
  // --within 30: the 50-day certificate (PFX, JKS) is ok, not expiring.
  const d50 = doc.rows.filter((x) => x.sha256 === opensslFacts(tree.leaves.d50.pem).sha256);
  assert.ok(d50.length >= 2, 'the PFX (with --password) and the JKS');
  assert.ok(d50.every((x) => x.status === 'ok'));
  assert.ok(doc.rows.some((x) => x.source.startsWith(file('store.pfx'))));
});

test('--within and the exit codes: 0 when nothing expires within DAYS, 1 when something does', async () => {
  assert.equal((await cli('expiry', file('ok.pem'))).code, 0);
  assert.equal((await cli('expiry', file('ok.pem'), '--within', '500')).code, 1);
  assert.equal((await cli('expiry', file('sub/d20.pem'))).code, 1);
  assert.equal((await cli('expiry', file('sub/d20.pem'), '--within', '10')).code, 0);
  assert.equal((await cli('expiry', file('expired.pem'), '--within', '0')).code, 1);
  const r = await cli('expiry', file('sub/d20.pem'), '--within', '10', '--json');
  assert.equal(json(r.out).rows[0].status, 'ok', 'expiring means within DAYS');
});

test('words: one line per certificate, soonest first, and a summary', async () => {
  const r = await cli('expiry', file('ok.pem'), file('expired.pem'), file('sub/d20.pem'));
  assert.equal(r.code, 1);
  const lines = r.out.trim().split('\n');
  assert.match(lines[0], /^EXPIRED .*expired 1\d days ago .*CN=expired/);
  assert.match(lines[1], /^EXPIRING .*expires in (19|20) days .*CN=d20/);
  assert.match(lines[2], /^ok .*CN=ok/);
  assert.equal(lines.at(-1), '3 certificates in 3 files: 1 expired, 1 expires within 30 days.');
});

test('a password-protected PFX: its certificate with --password; without, an error row and exit 2; a wrong one says so', async () => {
  const pfx = file('store.pfx');
  const good = await cli('expiry', pfx, '--password', STORE_PASSWORD, '--json');
  assert.equal(good.code, 0);
  assert.equal(json(good.out).rows[0].sha256, opensslFacts(tree.leaves.d50.pem).sha256);
  const none = await cli('expiry', pfx);
  assert.equal(none.code, 2);
  assert.match(none.out, /^ERROR .*store\.pfx is password-protected/m);
  const wrong = await cli('expiry', pfx, '--password', 'nope', '--json');
  assert.equal(wrong.code, 2);
  assert.equal(json(wrong.out).rows[0].status, 'error');
  assert.match(wrong.out, /WRONG_PASSWORD/);
});

test('an endpoint: the served certificate, presence served; a closed port is an error row, exit 2', async () => {
  const leaf = tree.root.issueLeaf('served', { san: ['DNS:localhost', 'IP:127.0.0.1'], startDate: dateAt(-10), endDate: dateAt(5) });
  const { port } = await servers.tls({ key: readFileSync(leaf.keyPath), cert: leaf.pem });
  const r = await cli('expiry', `127.0.0.1:${port}`, '--json');
  assert.equal(r.code, 1);
  const rows = json(r.out).rows;
  assert.equal(rows[0].presence, 'served');
  assert.match(rows[0].source, new RegExp(`^127\\.0\\.0\\.1:${port}`));
  assert.equal(rows[0].sha256, opensslFacts(leaf.pem).sha256);
  assert.equal(rows[0].status, 'expiring');
  const closed = await cli('expiry', `127.0.0.1:${await servers.closedPort()}`, '--json');
  assert.equal(closed.code, 2);
  assert.equal(json(closed.out).rows[0].status, 'error');
});

test('--csv and --openmetrics on stdout, read back by papaparse and the strict OpenMetrics parser', async () => {
  const args = ['expiry', file('ok.pem'), file('expired.pem'), file('sub/d20.pem')];
  const csv = await cli(...args, '--csv');
  assert.equal(csv.code, 1);
  const parsed = Papa.parse<string[]>(csv.out.replace(/\n$/, ''), { skipEmptyLines: true });
  assert.deepEqual(parsed.errors, []);
  assert.deepEqual(parsed.data[0], [...CSV_COLUMNS]);
  assert.equal(parsed.data.length, 4);
  assert.ok(parsed.data.some((rec) => rec[CSV_COLUMNS.indexOf('sha256')] === opensslFacts(tree.leaves.expired.pem).sha256 && rec[CSV_COLUMNS.indexOf('status')] === 'expired'));
  const om = await cli(...args, '--openmetrics');
  const families = parseOpenMetrics(om.out.replace(/\n$/, ''));
  const notAfter = families.get('certbench_cert_not_after_seconds')!.samples;
  assert.equal(notAfter.length, 3);
  const ok = notAfter.find((s) => s.labels.source === file('ok.pem'))!;
  assert.equal(ok.value, Date.parse(opensslFacts(tree.leaves.ok.pem).notAfter) / 1000);
  assert.equal(families.get('certbench_scan_errors')!.samples[0].value, 0);
});

test('--out, --ics, --html and --pdf write files (atomically; EXISTS without --force); each reads back', async () => {
  const paths = { out: join(out, 'scan.prom'), ics: join(out, 'expiry.ics'), html: join(out, 'report.html'), pdf: join(out, 'report.pdf') };
  const args = ['expiry', tree.dir, '--password', STORE_PASSWORD, '--openmetrics', '--out', paths.out, '--ics', paths.ics, '--html', paths.html, '--pdf', paths.pdf];
  const r = await cli(...args);
  assert.equal(r.code, 1, r.err);
  assert.equal(r.out, '', 'the metrics went to --out');
  parseOpenMetrics(readFileSync(paths.out, 'utf8'));
  const cal = new ICAL.Component(ICAL.parse(readFileSync(paths.ics, 'utf8')));
  const uids = new Set(cal.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e).uid));
  assert.ok(uids.size >= 6);
  const ev = cal.getAllSubcomponents('vevent').find((e) => new ICAL.Event(e).summary.includes('d20.example.test') || new ICAL.Event(e).summary.includes('d20'))!;
  assert.deepEqual(ev.getAllSubcomponents('valarm').map((a) => String(a.getFirstPropertyValue('trigger'))), ['-P30D', '-P3D']);
  assert.match(readFileSync(paths.html, 'utf8'), /CN=d20/);
  const text = spawnSync('pdftotext', ['-raw', paths.pdf, '-'], { encoding: 'utf8' });
  assert.equal(text.status, 0, text.stderr);
  assert.match(text.stdout, /CN=expired/);

  const again = await cli(...args);
  assert.equal(again.code, 2);
  assert.match(again.err, /already exists/);
  assert.match(again.err, /EXISTS/);
  writeFileSync(paths.out, 'old');
  assert.equal((await cli(...args, '--force')).code, 1);
  assert.notEqual(readFileSync(paths.out, 'utf8'), 'old');
});

test('no password and no private key reaches any report', async () => {
  const secretDir = mkdtempSync(join(out, 'secret-'));
  const pfx = join(secretDir, 'bundle.pfx');
  const password = 'S3cret-Pfx-Passw0rd';
  openssl(['pkcs12', '-export', '-in', tree.leaves.d2.certPath, '-inkey', tree.leaves.d2.keyPath, '-out', pfx, '-passout', `pass:${password}`]);
  writeFileSync(join(secretDir, 'key.pem'), readFileSync(tree.leaves.d2.keyPath));
  const files = { ics: join(secretDir, 'a.ics'), html: join(secretDir, 'a.html'), pdf: join(secretDir, 'a.pdf') };
  const outputs: string[] = [];
  for (const format of ['--json', '--csv', '--openmetrics', '']) {
    const r = await cli('expiry', secretDir, '--password', password, ...(format ? [format] : []), ...(format === '' ? ['--ics', files.ics, '--html', files.html, '--pdf', files.pdf] : []));
    assert.equal(r.code, 1, r.err);
    outputs.push(r.out, r.err);
  }
  outputs.push(readFileSync(files.ics, 'utf8'), readFileSync(files.html, 'utf8'), readFileSync(files.pdf, 'latin1'));
  const keyBody = openssl(['pkey', '-in', tree.leaves.d2.keyPath, '-outform', 'DER']).length ? openssl(['pkey', '-in', tree.leaves.d2.keyPath]).split('\n').filter((l) => l && !l.startsWith('-----')) : [];
  assert.ok(keyBody.length > 0);
  for (const text of outputs) {
    assert.ok(!text.includes(password), 'password');
    assert.ok(!/PRIVATE KEY/.test(text), 'key PEM');
    for (const line of keyBody) assert.ok(!text.includes(line), 'key bytes');
  }
  assert.match(outputs[0], /bundle\.pfx/);
});

test('bad input is exit 2 with a message and a hint, as JSON with --json', async () => {
  const cases: [string[], string][] = [
    [[], 'INVALID_ARGUMENT'],
    [[join(tree.dir, 'nope.pem')], 'NOT_FOUND'],
    [[file('ok.pem'), '--within', 'soon'], 'INVALID_ARGUMENT'],
    [[file('ok.pem'), '--within', '-3'], 'INVALID_ARGUMENT'],
    [[file('ok.pem'), '--openmetrics', '--csv'], 'INVALID_ARGUMENT'],
    [[file('ok.pem'), '--starttls', 'gopher'], 'INVALID_ARGUMENT'],
    [[file('ok.pem'), '--servername', 'x.example'], 'INVALID_ARGUMENT'],
    [[file('ok.pem'), '--out', join(out, 'x.txt')], 'INVALID_ARGUMENT'],
    [[file('ok.pem'), '--ics', join(out, 'same'), '--html', join(out, 'same')], 'INVALID_ARGUMENT'],
    [[file('ok.pem'), '--bogus'], 'INVALID_ARGUMENT'],
    [['[::1]x:443'], 'NOT_FOUND'],
    [['127.0.0.1:99999'], 'INVALID_ARGUMENT'],
  ];
  for (const [args, code] of cases) {
    const r = await cli('expiry', ...args);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.err, new RegExp(`\\(${code}\\)`), `${args.join(' ')}: ${r.err}`);
    assert.match(r.err, /hint: /);
    assert.doesNotMatch(r.err, /at .*\.ts:\d+/, 'no stack trace');
  }
  const asJson = await cli('expiry', join(tree.dir, 'nope.pem'), '--json');
  assert.equal(JSON.parse(asJson.out).error.code, 'NOT_FOUND');
  assert.equal(existsSync(join(out, 'same')), false, 'nothing written');
});
