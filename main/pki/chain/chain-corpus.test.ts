/**
 * The validator and builder on peer corpora copied into test/fixtures/chain (test/fixtures/copy-corpus-chain.sh):
 * NIST PKITS sections 4.1-4.3, 4.6, 4.7 and some of 4.13, and a subset of x509-limbo; each case's expected
 * answer is the suite's own.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { runLimboCases, type LimboCase } from '../../conformance/limbo';
import { buildPaths } from './build';
import { chainCert } from './chain-cert';
import type { PoolCert } from './types';

const FIXTURES = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'chain');
/** PKITS validates at this time (pkits.json's convention). */
const PKITS_AT = Date.parse('2022-05-01T00:00:00Z');

interface PkitsCase {
  id: string;
  name: string;
  cert: string;
  other_certs: string[];
  valid: boolean;
}

const pkitsCert = (file: string) => chainCert(new Uint8Array(readFileSync(join(FIXTURES, 'pkits-basic', file))));

test('PKITS 4.1-4.3, 4.6, 4.7 and 4.13 cases: valid exactly when PKITS says so', () => {
  const cases = JSON.parse(readFileSync(join(FIXTURES, 'pkits-basic', 'cases.json'), 'utf8')) as PkitsCase[];
  assert.equal(cases.length, 32);
  const anchor: PoolCert = { cert: pkitsCert('TrustAnchorRootCertificate.crt'), source: 'trust-store', trusted: true };
  const wrong: string[] = [];
  for (const c of cases) {
    const pool: PoolCert[] = [anchor, ...c.other_certs.map((f) => ({ cert: pkitsCert(f), source: 'input' as const, trusted: false }))];
    const [best] = buildPaths({ cert: pkitsCert(c.cert), source: 'input', trusted: false }, pool, { at: PKITS_AT, purpose: null, hostName: null });
    if (best.valid !== c.valid) wrong.push(`${c.id} ${c.name}: expected ${c.valid ? 'valid' : 'invalid'}; ${best.findings.map((f) => `${f.code} ${f.detail}`).join('; ') || (best.anchored ? 'no findings' : 'no path to the anchor')}`);
  }
  assert.deepEqual(wrong, []);
});

test('PKITS name chaining (4.3) fails for the right reason: no issuer found, not some other error', () => {
  const anchor: PoolCert = { cert: pkitsCert('TrustAnchorRootCertificate.crt'), source: 'trust-store', trusted: true };
  const ca: PoolCert = { cert: pkitsCert('GoodCACert.crt'), source: 'input', trusted: false };
  const [best] = buildPaths({ cert: pkitsCert('InvalidNameChainingTest1EE.crt'), source: 'input', trusted: false }, [anchor, ca], { at: PKITS_AT, purpose: null, hostName: null });
  assert.equal(best.anchored, false);
  assert.equal(best.certs.length, 1);
});

test('the limbo subset: every case as limbo expects', () => {
  const suite = JSON.parse(readFileSync(join(FIXTURES, 'limbo', 'cases.json'), 'utf8')) as { testcases: LimboCase[] };
  assert.equal(suite.testcases.length, 32);
  const result = runLimboCases(suite.testcases);
  assert.deepEqual(result.failures, []);
  assert.equal(result.passed + result.skipped, 32);
  assert.ok(result.passed >= 30, `${result.passed} passed`);
});
