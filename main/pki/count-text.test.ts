import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countText } from './count-text';

test('countText writes whole numbers exactly as toLocaleString("en-US")', () => {
  const values = [0, 1, 7, 12, 999, 1000, 1001, 12_345, 100_000, 999_999, 1_000_000, 2_048, 600_000, 10_000_000, 123_456_789, Number.MAX_SAFE_INTEGER, -1, -1234, -1_000_000];
  for (let i = 0; i < 2000; i++) values.push(Math.floor(Math.random() * 10 ** (1 + (i % 15))));
  for (const n of values) assert.equal(countText(n), n.toLocaleString('en-US'), String(n));
  assert.equal(countText(1.5), (1.5).toLocaleString('en-US'));
});
