/**
 * The PDF report read back by poppler (pdfinfo, pdftoppm, pdftotext; Debian poppler-utils): it renders without a
 * complaint, has the pages it says it has, the text holds every subject and the counts; its xref offsets are
 * exact; our Helvetica widths agree with poppler's built-in font metrics.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { certRow, errorRow, NOW, scanOf } from '../../../test/helpers/expiry-rows';
import { makeDigest } from './digest';
import { textWidth } from './helvetica-metrics';
import { scanPdf } from './pdf';
import { PdfDocument } from './pdf-writer';

const dir = mkdtempSync(join(tmpdir(), 'expiry-pdf-'));
after(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
function save(bytes: Uint8Array): string {
  const path = join(dir, `r${n++}.pdf`);
  writeFileSync(path, bytes);
  return path;
}

function run(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  assert.equal(r.status, 0, `${cmd} failed: ${r.stderr}`);
  assert.equal(r.stderr, '', `${cmd} complained: ${r.stderr}`);
  return r.stdout;
}

const pageCount = (path: string) => Number(/^Pages:\s+(\d+)$/m.exec(run('pdfinfo', [path]))![1]);
const squeeze = (s: string) => s.replace(/\s+/g, '');

/** Every xref entry points at "N 0 obj", and startxref at "xref". */
function checkXref(bytes: Uint8Array): number {
  const text = Buffer.from(bytes).toString('latin1');
  const start = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)![1]);
  assert.equal(text.slice(start, start + 5), 'xref\n');
  const [, first, count] = /^xref\n(\d+) (\d+)\n/.exec(text.slice(start))!.map(Number);
  assert.equal(first, 0);
  const entries = text.slice(start).split('\n').slice(2, 2 + count);
  assert.equal(entries[0], '0000000000 65535 f ');
  for (let id = 1; id < count; id++) {
    const m = /^(\d{10}) 00000 n $/.exec(entries[id]);
    assert.ok(m, `entry ${id}: ${entries[id]}`);
    assert.equal(text.slice(Number(m[1]), Number(m[1]) + `${id} 0 obj`.length), `${id} 0 obj`, `object ${id}`);
  }
  return count;
}

test('a long scan: several pages, all rendered by pdftoppm, every subject and the counts in the text', () => {
  const rows = Array.from({ length: 130 }, (_, i) => certRow(`host${i}.example.test`, i * 3 - 25));
  rows.push(errorRow('/srv/certs/locked.pfx'));
  rows.push(certRow('a-very-long-common-name-'.repeat(6) + 'example.test', 9, { source: '/deep/' + 'folder/'.repeat(30) + 'x.pem' }));
  const scan = scanOf(rows);
  const bytes = scanPdf(scan, makeDigest(scan, 'monthly', NOW));
  const path = save(bytes);
  checkXref(bytes);
  const pages = pageCount(path);
  assert.ok(pages >= 4, `${pages} pages`);
  run('pdftoppm', ['-r', '20', '-png', path, join(dir, 'page')]);
  assert.equal(readdirSync(dir).filter((f) => f.startsWith('page') && f.endsWith('.png')).length, pages);

  const text = run('pdftotext', ['-raw', path, '-']);
  const flat = squeeze(text);
  for (const r of rows) if (r.status !== 'error') assert.ok(flat.includes(squeeze(r.subject)), r.subject);
  assert.ok(flat.includes(squeeze('Could not read: The password is wrong.')));
  assert.match(text, /Monthly certificate digest/);
  assert.match(text, new RegExp(`page ${pages} of ${pages}`));
  for (const [label, count] of [['Expired', scan.counts.expired], ['Expiring', scan.counts.expiring], ['Error', 1], ['OK', scan.counts.ok]] as const) {
    assert.match(text, new RegExp(`^${count}\\n${label}$`, 'm'), label);
  }
  // The table header comes back on every page after the first table page.
  assert.ok((text.match(/Status Days left Expires Certificate Issuer Where SHA-256/g) ?? []).length >= pages - 1);
});

test('an empty scan is one page that says nothing was found', () => {
  const path = save(scanPdf(scanOf([])));
  assert.equal(pageCount(path), 1);
  assert.match(run('pdftotext', [path, '-']), /No certificate was found\./);
});

test('accents come through; what WinAnsi lacks becomes "?" instead of breaking the file', () => {
  const path = save(scanPdf(scanOf([certRow('Müller Straße', 20), certRow('証明書.example', 20)])));
  const text = run('pdftotext', ['-raw', path, '-']);
  assert.match(text, /CN=Müller Straße,O=Example Corp,C=US/);
  assert.match(text, /CN=\?\?\?\.example/);
});

test('text widths agree with poppler\'s Helvetica and Helvetica-Bold metrics', () => {
  const words = ['ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz', '0123456789', '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~', 'Müller-Lüdenscheid'];
  const doc = new PdfDocument(842, 595);
  const page = doc.addPage();
  words.forEach((w, i) => {
    page.text(40, 550 - i * 30, w, { size: 20 });
    page.text(440, 550 - i * 30, w, { size: 20, font: 'bold' });
  });
  const bbox = run('pdftotext', ['-bbox', save(doc.toBytes({ title: 'widths', creationDate: NOW })), '-']);
  const measured = [...bbox.matchAll(/<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"/g)].map((m) => Number(m[2]) - Number(m[1]));
  const ours = [...words.map((w) => textWidth(w, 'regular', 20)), ...words.map((w) => textWidth(w, 'bold', 20))];
  assert.equal(measured.length, ours.length);
  measured.forEach((m, i) => assert.ok(Math.abs(m - ours[i]) < 0.05, `${i}: poppler ${m}, ours ${ours[i]}`));
});
