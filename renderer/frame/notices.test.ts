import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AcmeNoticeDto } from '../../main/api/dto';
import { addNotice, MAX_NOTICES } from './notices';

const notice = (orderId: string, ok = true): AcmeNoticeDto => ({ orderId, ok, title: ok ? `Issued ${orderId}` : `Failed ${orderId}`, body: '' });

test('ACME notices: newest first, one per order, a few at most', () => {
  let list = addNotice([], notice('a'));
  list = addNotice(list, notice('b', false));
  assert.deepEqual(list.map((n) => n.orderId), ['b', 'a']);
  // The same order again (renewed, or failed then resumed and issued) replaces its earlier notice.
  list = addNotice(list, notice('a'));
  assert.deepEqual(list.map((n) => [n.orderId, n.ok]), [['a', true], ['b', false]]);
  for (let i = 0; i < 10; i++) list = addNotice(list, notice(`x${i}`));
  assert.equal(list.length, MAX_NOTICES);
  assert.equal(list[0]!.orderId, 'x9');
});
