/** JSON export: CLI.md's row fields in its order, the other fields after them, counts and what the scan covered. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { certRow, errorRow, scanOf } from '../../../test/helpers/expiry-rows';
import { scanJson } from './json';

test('rows carry CLI.md fields first, then the rest; counts and scan facts follow', () => {
  const rows = [certRow('shop.example.test', 12), errorRow('/srv/locked.pfx')];
  const scan = scanOf(rows, { cancelled: true, filesSkipped: 4 });
  const doc = JSON.parse(scanJson(scan));
  assert.deepEqual(Object.keys(doc.rows[0]).slice(0, 6), ['source', 'subject', 'sha256', 'notAfter', 'daysLeft', 'status']);
  for (const [i, r] of rows.entries()) {
    for (const [k, v] of Object.entries(r)) assert.deepEqual(doc.rows[i][k], v, k);
  }
  assert.deepEqual(doc.counts, { ok: 0, expiring: 1, expired: 0, error: 1 });
  assert.deepEqual(doc.thresholds, [60, 30, 3]);
  assert.equal(doc.cancelled, true);
  assert.equal(doc.filesScanned, 2);
  assert.equal(doc.filesSkipped, 4);
  assert.equal(doc.rows[1].error.code, 'WRONG_PASSWORD');
});
