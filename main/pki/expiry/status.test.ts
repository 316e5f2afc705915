/** expiryStatus at its edges, and with validityAt's day count: expired exactly when notAfter has passed. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { validityAt } from '../x509/certificate';
import { DEFAULT_THRESHOLDS, expiryStatus } from './status';

test('the default thresholds: ok above 60 days, then the smallest threshold within, expired below 0', () => {
  assert.deepEqual(DEFAULT_THRESHOLDS, [60, 30, 3]);
  const cases: [number, string, number | null][] = [
    [400, 'ok', null], [61, 'ok', null], [60, 'expiring', 60], [31, 'expiring', 60], [30, 'expiring', 30],
    [4, 'expiring', 30], [3, 'expiring', 3], [0, 'expiring', 3], [-1, 'expired', null], [-400, 'expired', null],
  ];
  for (const [days, status, threshold] of cases) assert.deepEqual(expiryStatus(days, DEFAULT_THRESHOLDS), { status, threshold }, String(days));
});

test('thresholds in any order, one threshold, repeated ones', () => {
  assert.deepEqual(expiryStatus(10, [3, 90, 14]), { status: 'expiring', threshold: 14 });
  assert.deepEqual(expiryStatus(10, [7]), { status: 'ok', threshold: null });
  assert.deepEqual(expiryStatus(7, [7, 7]), { status: 'expiring', threshold: 7 });
});

test('with validityAt: a second before notAfter is 0 days left and expiring; a millisecond after is expired', () => {
  const notBefore = '2026-01-01T00:00:00.000Z';
  const notAfter = '2026-12-01T00:00:00.000Z';
  const at = (iso: string) => expiryStatus(validityAt(notBefore, notAfter, new Date(iso)).daysLeft!, DEFAULT_THRESHOLDS);
  assert.deepEqual(at('2026-11-30T23:59:59.000Z'), { status: 'expiring', threshold: 3 });
  assert.deepEqual(at('2026-12-01T00:00:00.000Z'), { status: 'expiring', threshold: 3 });
  assert.deepEqual(at('2026-12-01T00:00:00.001Z'), { status: 'expired', threshold: null });
  assert.equal(validityAt(notBefore, notAfter, new Date('2026-12-01T00:00:00.001Z')).validity, 'expired');
  // 61 whole days before notAfter is ok; a millisecond later, 60 days (floored) are left.
  assert.deepEqual(at('2026-10-01T00:00:00.000Z'), { status: 'ok', threshold: null });
  assert.deepEqual(at('2026-10-01T00:00:00.001Z'), { status: 'expiring', threshold: 60 });
});
