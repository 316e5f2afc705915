/**
 * The list's search, filters and sort over rows the real engine produced from OpenSSL-made fixtures; what
 * a search must find (serials, fingerprints, SANs, dates) is asked of OpenSSL itself.
 * (A test may use main/; the renderer code under test does not.)
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';
import { createWorkbench, type Workbench } from '../../../main/workbench';
import { fixture } from '../../../test/helpers/fixtures';
import { EMPTY_QUERY, filterRows, isFiltering, kindCounts, type ListQuery } from './filter';
import { buildList, type FileEntry } from './listItems';
import type { DocumentDto, ObjectSummaryDto as RowData } from '../../../main/api/dto';

/** Opens paths as the user's file dialog would: granted first. */
const openChosen = (wb: Workbench, paths: string[]) => (wb.grants.grant(paths), wb.handlers['documents.openPaths']({ paths }));

const openssl = (...args: string[]) => execFileSync('openssl', args, { encoding: 'utf8' }).trim();
const x509 = (file: string, ...args: string[]) => openssl('x509', '-noout', '-in', fixture('x509', file), ...args);
const endDate = (file: string) => new Date(x509(file, '-enddate').replace('notAfter=', ''));

async function open(paths: string[], now: Date): Promise<FileEntry<DocumentDto>[]> {
  const wb = createWorkbench({ now: () => now });
  const state = await openChosen(wb, paths.map((p) => fixture('x509', p)));
  return state.documents.map((doc) => ({ doc, rows: doc.objects }));
}

const CERT_FILES = ['root.pem', 'inter.pem', 'leaf.pem', 'short-lived.pem', 'client-ed25519.pem'];
const FILES = ['chain.pem', 'leaf.key', 'short-lived.pem', 'client-ed25519.pem', 'host.csr'];
// A moment when the leaf has 10 days left: it is "expiring"; short-lived.pem (1 day, made with it) has expired.
const NOW = new Date(endDate('leaf.pem').getTime() - 10 * 86_400_000);
const q = (over: Partial<ListQuery>): ListQuery => ({ ...EMPTY_QUERY, ...over });
const labels = (rows: RowData[]) => rows.map((r) => r.label);
const allRows = async () => (await open(FILES, NOW)).flatMap((f) => f.rows);
const cn = (file: string) => /CN ?= ?([^,/\n]+)/.exec(x509(file, '-subject'))![1]!.trim();

test('no query keeps every row in file order; a query is recognised as filtering', async () => {
  const rows = await allRows();
  assert.deepEqual(filterRows(rows, EMPTY_QUERY), rows);
  assert.equal(isFiltering(EMPTY_QUERY), false);
  assert.equal(isFiltering(q({ text: '  ' })), false);
  assert.equal(isFiltering(q({ withKey: true })), true);
});

test('search by common name, case-insensitive, every word must match', async () => {
  const rows = await allRows();
  assert.deepEqual(labels(filterRows(rows, q({ text: cn('leaf.pem').toUpperCase() }))), [cn('leaf.pem')]);
  // The issuer is searched too: the intermediate and the two certificates it signed.
  assert.deepEqual(labels(filterRows(rows, q({ text: 'certbench intermediate' }))).sort(), [cn('leaf.pem'), cn('inter.pem'), cn('client-ed25519.pem')].sort());
  assert.deepEqual(filterRows(rows, q({ text: 'certbench nothing-like-this' })), []);
});

test('search by serial as OpenSSL prints it, with or without colons', async () => {
  const rows = await allRows();
  const serial = x509('leaf.pem', '-serial').replace('serial=', '');
  const colons = serial.match(/.{2}/g)!.join(':').toLowerCase();
  assert.deepEqual(labels(filterRows(rows, q({ text: serial }))), [cn('leaf.pem')]);
  assert.deepEqual(labels(filterRows(rows, q({ text: colons }))), [cn('leaf.pem')]);
});

test('search by SHA-256 fingerprint (OpenSSL -fingerprint) and by a SAN', async () => {
  const rows = await allRows();
  const fp = x509('root.pem', '-fingerprint', '-sha256').split('=')[1]!;
  assert.deepEqual(labels(filterRows(rows, q({ text: fp }))), [cn('root.pem')]);
  const san = /DNS:(\*\.[^,\s]+)/.exec(x509('leaf.pem', '-ext', 'subjectAltName'))![1]!;
  assert.ok(labels(filterRows(rows, q({ text: san }))).includes(cn('leaf.pem')));
  // A CSR is found by its requested SAN too.
  const csrSan = /DNS:([^,\s]+)/.exec(openssl('req', '-noout', '-in', fixture('x509', 'host.csr'), '-text'))![1]!;
  assert.deepEqual(filterRows(rows, q({ text: csrSan })).map((r) => r.kind), ['csr']);
});

test('filters: kind, CA or leaf, with private key, expired, expiring', async () => {
  const rows = await allRows();
  assert.deepEqual(filterRows(rows, q({ kinds: ['privateKey'] })).map((r) => r.kind), ['privateKey']);
  assert.deepEqual(labels(filterRows(rows, q({ role: 'ca' }))).sort(), [cn('inter.pem'), cn('root.pem')].sort());
  const leaves = labels(filterRows(rows, q({ role: 'leaf' })));
  assert.ok(leaves.includes(cn('leaf.pem')) && leaves.includes(cn('short-lived.pem')) && !leaves.includes(cn('root.pem')));
  // leaf.key belongs to the leaf, short-lived.pem and host.csr (all made with it), and is itself listed.
  const withKey = filterRows(rows, q({ withKey: true }));
  assert.deepEqual(withKey.map((r) => r.kind).sort(), ['certificate', 'certificate', 'csr', 'privateKey']);
  // What has expired, and what expires within 30 days, by OpenSSL's -enddate.
  const left = (f: string) => (endDate(f).getTime() - NOW.getTime()) / 86_400_000;
  const expired = CERT_FILES.filter((f) => left(f) < 0).map(cn);
  assert.ok(expired.includes(cn('short-lived.pem')));
  assert.deepEqual(labels(filterRows(rows, q({ expiry: 'expired' }))).sort(), expired.sort());
  assert.deepEqual(labels(filterRows(rows, q({ expiry: 'expiring' }))), CERT_FILES.filter((f) => left(f) >= 0 && left(f) < 30).map(cn));
  assert.deepEqual(labels(filterRows(rows, q({ expiry: 'expiring' }))), [cn('leaf.pem')]);
  // Filters combine.
  assert.deepEqual(filterRows(rows, q({ role: 'ca', text: cn('leaf.pem') })), []);
});

test('sort by name and by expiry (soonest first, undated last), within the query', async () => {
  const rows = await allRows();
  const byName = labels(filterRows(rows, q({ sort: 'name', kinds: ['certificate'] })));
  assert.deepEqual(byName, [...byName].sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base' })));
  const byExpiry = filterRows(rows, q({ sort: 'expiry' }));
  const expected = [...CERT_FILES].sort((a, b) => endDate(a).getTime() - endDate(b).getTime()).map(cn);
  assert.deepEqual(labels(byExpiry.filter((r) => r.kind === 'certificate')), expected);
  assert.deepEqual(byExpiry.slice(-2).map((r) => r.kind).sort(), ['csr', 'privateKey']);
  assert.equal(rows[0]!.index, 0, 'the input is not reordered');
});

test('the flat list keeps every file header, counts what is shown, and marks the last row of a file', async () => {
  const files = await open(FILES, NOW);
  const model = buildList(files, q({ text: cn('leaf.pem') }));
  assert.equal(model.total, files.reduce((n, f) => n + f.rows.length, 0));
  assert.equal(model.shown, 1);
  assert.deepEqual(model.items.map((i) => i.type), ['file', 'object', 'file', 'file', 'file', 'file']);
  const header = model.items[0]!;
  assert.ok(header.type === 'file' && header.shown === 1 && header.total === 3);
  assert.ok(model.items[1]!.type === 'object' && model.items[1]!.last);
  assert.equal(model.positions.get(files[1]!.doc.id), 2);
  assert.deepEqual([...kindCounts(files.flatMap((f) => f.rows))].sort(), [['certificate', 5], ['csr', 1], ['privateKey', 1]].sort());
});

test('a folded file keeps its header and counts but lists none of its rows; the files after it move up', async () => {
  const files = await open(FILES, NOW);
  const open_ = buildList(files, q({}));
  const folded = buildList(files, q({}), new Set([files[0]!.doc.id]));
  assert.equal(folded.items.length, open_.items.length - files[0]!.rows.length);
  const header = folded.items[0]!;
  assert.ok(header.type === 'file' && header.folded && header.total === files[0]!.rows.length);
  assert.equal(folded.items[1]!.type, 'file', 'the next file follows the folded header at once');
  assert.ok(files[0]!.rows.every((r) => !folded.positions.has(r.id)), 'no position for rows that are not listed');
  assert.equal(folded.total, open_.total);
});
