/** The printable HTML report: no scripts, everything escaped, counts, digest sections and the table, a print layout. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { certRow, errorRow, NOW, scanOf } from '../../../test/helpers/expiry-rows';
import { makeDigest } from './digest';
import { scanHtml } from './html';

const hostile = '<img src=x onerror="alert(1)"> & <script>alert(2)</script>';

test('a standalone page with a print layout and a policy that forbids scripts', () => {
  const html = scanHtml(scanOf([certRow('shop.example.test', 12)]));
  assert.match(html, /^<!DOCTYPE html>/);
  assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">/);
  assert.match(html, /@media print/);
  assert.match(html, /thead \{ display: table-header-group; \}/);
  assert.doesNotMatch(html, /<script|<link|src=|href=|url\(/i, 'nothing runs or loads');
});

test('hostile subjects, paths and error messages are text, not markup', () => {
  const rows = [certRow('x', 10, { subject: `CN=${hostile}`, source: `/srv/${hostile}.pem`, issuer: `CN=${hostile}` }), errorRow(`/srv/${hostile}`, hostile)];
  const html = scanHtml(scanOf(rows), makeDigest(scanOf(rows), 'daily', NOW));
  assert.doesNotMatch(html, /<script|<img/i);
  assert.ok(html.includes('&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &lt;script&gt;alert(2)&lt;/script&gt;'));
});

test('counts by status, the digest sections and one table row per certificate, what needs work first', () => {
  const rows = [certRow('far.example.test', 300), certRow('soon.example.test', 2), certRow('gone.example.test', -4), errorRow('/srv/locked.pfx')];
  const scan = scanOf(rows);
  const html = scanHtml(scan, makeDigest(scan, 'daily', NOW));
  assert.match(html, /<title>Daily certificate digest<\/title>/);
  for (const [status, n] of Object.entries({ expired: 1, expiring: 1, error: 1, ok: 1 })) assert.match(html, new RegExp(`<div class="count ${status}"><b>${n}</b>`));
  assert.match(html, /<h2>Daily certificate digest: 1 certificate expires within 3 days, 1 certificate already expired<\/h2>/);
  assert.match(html, /<li>soon\.example\.test expires 29 Nov 2026 \(in 2 days\): \/srv\/certs\/soon\.example\.test\.pem<\/li>/);
  const body = html.slice(html.indexOf('<tbody>'), html.indexOf('</tbody>'));
  const trs = body.match(/<tr class="(\w+)">/g)!;
  assert.deepEqual(trs, ['<tr class="expired">', '<tr class="expiring">', '<tr class="error">', '<tr class="ok">']);
  assert.ok(body.includes(`<td class="hash">${rows[0].sha256}</td>`));
  assert.ok(body.includes('Could not read: The password is wrong.'));
});

test('without a digest: the plain report; an empty scan says nothing was found', () => {
  const html = scanHtml(scanOf([]));
  assert.match(html, /<h1>Certificate expiry report<\/h1>/);
  assert.match(html, /No certificate was found\./);
  assert.doesNotMatch(html, /<h3>/);
});
