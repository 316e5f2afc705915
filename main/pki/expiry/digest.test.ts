/**
 * Daily and monthly digests as hosting platforms send them: the windows from the thresholds (daily: within the
 * smallest, 3 days; monthly: between the two largest, 31-60 days), the expired rows in both, soonest first,
 * rows re-dated to the digest's moment, and the mail-like title and text.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { certRow, errorRow, NOW, scanOf } from '../../../test/helpers/expiry-rows';
import { digestWindow, makeDigest } from './digest';

const DAYS = [200, 61, 60, 45, 31, 30, 29, 4, 3, 2, 0, -1, -30];
const rows = DAYS.map((d) => certRow(`d${d}.example.test`, d));
const scan = scanOf([...rows, errorRow('/srv/locked.pfx')]);
const names = (rs: { subject: string }[]) => rs.map((r) => /CN=([^,]+)/.exec(r.subject)![1]);

test('windows: daily within the smallest threshold, monthly between the two largest', () => {
  assert.deepEqual(digestWindow('daily', [60, 30, 3]), { from: 0, to: 3 });
  assert.deepEqual(digestWindow('monthly', [60, 30, 3]), { from: 31, to: 60 });
  assert.deepEqual(digestWindow('monthly', [14, 90]), { from: 15, to: 90 });
  assert.deepEqual(digestWindow('daily', [14, 90]), { from: 0, to: 14 });
  assert.deepEqual(digestWindow('monthly', [30]), { from: 0, to: 30 });
});

test('daily: what expires within 3 days, soonest first, and every expired certificate', () => {
  const d = makeDigest(scan, 'daily', NOW);
  assert.equal(d.kind, 'daily');
  assert.equal(d.generatedAt, NOW.toISOString());
  assert.deepEqual(names(d.expiring), ['d0.example.test', 'd2.example.test', 'd3.example.test']);
  assert.deepEqual(d.expiring.map((r) => r.daysLeft), [0, 2, 3]);
  assert.ok(d.expiring.every((r) => r.status === 'expiring' && r.threshold === 3));
  assert.deepEqual(names(d.expired), ['d-30.example.test', 'd-1.example.test']);
  assert.ok(d.expired.every((r) => r.status === 'expired' && r.daysLeft! < 0));
  assert.equal(d.title, 'Daily certificate digest: 3 certificates expire within 3 days, 2 certificates already expired');
  assert.match(d.text, /^Daily certificate digest, 27 Nov 2026\n/);
  assert.match(d.text, /3 certificates expire within 3 days:\n {2}- d0\.example\.test: expires 27 Nov 2026 \(today\), \/srv\/certs\/d0\.example\.test\.pem\n/);
  assert.match(d.text, /- d2\.example\.test: expires 29 Nov 2026 \(in 2 days\)/);
  assert.match(d.text, /2 certificates have already expired and are still stored or served:\n {2}- d-30\.example\.test: expired 28 Oct 2026 \(31 days ago\)/);
  assert.match(d.text, /1 place on the watchlist could not be read/);
});

test('monthly: what expires in 31 to 60 days, and the expired', () => {
  const d = makeDigest(scan, 'monthly', NOW);
  assert.deepEqual(names(d.expiring), ['d31.example.test', 'd45.example.test', 'd60.example.test']);
  assert.ok(d.expiring.every((r) => r.status === 'expiring' && r.threshold === 60));
  assert.deepEqual(names(d.expired), ['d-30.example.test', 'd-1.example.test']);
  assert.match(d.title, /^Monthly certificate digest: 3 certificates expire in 31 to 60 days, 2 certificates already expired$/);
  assert.match(d.text, /3 certificates expire in 31 to 60 days:/);
});

test('a served certificate says where it is served', () => {
  const served = certRow('api.example.test', 2, { presence: 'served', source: 'api.example.test:443' });
  const d = makeDigest(scanOf([served]), 'daily', NOW);
  assert.match(d.text, /- api\.example\.test: expires 29 Nov 2026 \(in 2 days\), api\.example\.test:443 \(served\)/);
});

test('rows are re-dated to the digest moment: ten days later, 12 days left is 2 and 5 days left has expired', () => {
  const later = new Date(NOW.getTime() + 10 * 86_400_000);
  const d = makeDigest(scanOf([certRow('twelve', 12), certRow('five', 5), certRow('ninety', 90)]), 'daily', later);
  assert.deepEqual(names(d.expiring), ['twelve']);
  assert.equal(d.expiring[0].daysLeft, 2);
  assert.deepEqual(names(d.expired), ['five']);
  assert.equal(d.expired[0].daysLeft, -5);
  assert.equal(d.expired[0].status, 'expired');
});

test('custom thresholds move the windows', () => {
  const s = scanOf([certRow('ten', 10), certRow('twenty', 20), certRow('eighty', 80)], { thresholds: [90, 14] });
  assert.deepEqual(names(makeDigest(s, 'daily', NOW).expiring), ['ten']);
  assert.deepEqual(names(makeDigest(s, 'monthly', NOW).expiring), ['twenty', 'eighty']);
});

test('nothing to report says so, singular wording, and a stopped scan is flagged', () => {
  const quiet = makeDigest(scanOf([certRow('far', 300)], { cancelled: true }), 'daily', NOW);
  assert.equal(quiet.title, 'Daily certificate digest: nothing expires within 3 days');
  assert.deepEqual(quiet.expiring, []);
  assert.deepEqual(quiet.expired, []);
  assert.match(quiet.text, /No certificate expires within 3 days\.\n\nNo expired certificate is stored or served\./);
  assert.match(quiet.text, /stopped before it finished/);
  const one = makeDigest(scanOf([certRow('soon', 1), certRow('gone', -5)]), 'daily', NOW);
  assert.equal(one.title, 'Daily certificate digest: 1 certificate expires within 3 days, 1 certificate already expired');
  assert.match(one.text, /1 certificate expires within 3 days:\n {2}- soon: expires 28 Nov 2026 \(tomorrow\)/);
  assert.match(one.text, /1 certificate has already expired and is still stored or served:/);
});
