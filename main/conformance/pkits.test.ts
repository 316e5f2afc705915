/**
 * The PKITS runner on the cases copied into test/fixtures/chain/pkits (policies 4.8-4.12, CRLs 4.4, 4.5, 4.7,
 * 4.14, 4.15): the whole engine (buildPaths, validatePath with processPolicies, checkCrls) gives each case the
 * outcome class NIST expects, without ../shared/corpus.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { expectedOutcome, PkitsFiles, runPkitsCase, type PkitsCase } from './pkits';

const dir = join(__dirname, '..', '..', 'test', 'fixtures', 'chain', 'pkits');
const cases = JSON.parse(readFileSync(join(dir, 'cases.json'), 'utf8')) as PkitsCase[];
const files = new PkitsFiles(dir);

describe('PKITS cases from test/fixtures/chain/pkits through the runner', () => {
  it('has policy and revocation cases of every outcome class', () => {
    const classes = new Set(cases.map(expectedOutcome));
    assert.deepEqual([...classes].sort(), ['PathValidationError', 'RevocationUnknown', 'RevokedError', 'success']);
  });

  for (const c of cases) {
    it(`${c.id} ${c.name}`, () => {
      const got = runPkitsCase(c, files);
      assert.equal(got.outcome, expectedOutcome(c), got.detail);
      if (c.error?.class === 'StaleRevinfoError') assert.match(got.detail, /stale/);
      if (/revoked at/.test(c.error?.msg_regex ?? '') && c.error?.class === 'RevokedError') {
        // "revoked at 08:30:00 on 2010-01-01" in pyhanko's words; ISO 8601 in ours.
        const [, time, date] = /revoked at (\S+) on (\S+),/.exec(c.error.msg_regex!)!;
        assert.match(got.detail, new RegExp(`revoked ${date}T${time}`));
      }
    });
  }
});
