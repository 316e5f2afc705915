/** When the Inspector asks the chain doctor for a file's verdict: files with certificates, not locked ones, not big bundles. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ObjectSummaryDto } from '../../../main/api/dto';
import { chainVerdictWanted, VERDICT_MAX_CERTIFICATES } from './useChainVerdict';

const rows = (kinds: ObjectSummaryDto['kind'][]) => kinds.map((kind, i) => ({ id: `d/${i}`, kind }) as ObjectSummaryDto);

test('a ready file with a chain is asked about; a key alone, a locked file or a 10,000-certificate bundle is not', () => {
  assert.equal(chainVerdictWanted({ status: 'ready', objects: rows(['certificate', 'certificate', 'privateKey']) }), true);
  assert.equal(chainVerdictWanted({ status: 'ready', objects: rows(['privateKey']) }), false);
  assert.equal(chainVerdictWanted({ status: 'locked', objects: rows(['certificate']) }), false);
  assert.equal(chainVerdictWanted(undefined), false);
  assert.equal(chainVerdictWanted({ status: 'ready', objects: rows(Array(VERDICT_MAX_CERTIFICATES).fill('certificate')) }), true);
  assert.equal(chainVerdictWanted({ status: 'ready', objects: rows(Array(10_000).fill('certificate')) }), false);
});
