/**
 * processPolicies against two peers: chains made by `openssl ca` with policies, mappings and constraints, judged
 * by `openssl verify -policy_check` with the same inputs; and NIST PKITS 4.8-4.12 (test/fixtures/chain/pkits,
 * copied by test/fixtures/copy-corpus-chain-pkits.sh), ordered leaf to anchor by convert's chain ordering.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { dersOf } from '../../../test/helpers/chain-kit';
import { makeTestPki, openssl, type IssuedCert, type TestCaHandle } from '../../../test/helpers/test-pki';
import type { PkitsCase } from '../../conformance/pkits';
import { mutate } from '../../fuzz/mutators';
import { Rng } from '../../fuzz/rng';
import { isPkiError } from '../errors';
import { orderChain } from '../chain-order';
import { chainCert, type ChainCert } from './chain-cert';
import { ANY_POLICY } from './policy-extensions';
import { MAX_POLICY_NODES, processPolicies } from './policy-tree';
import type { PolicyOptions } from './types';

const P = (n: number) => `1.3.6.1.4.1.99999.7.${n}`;

/** Leaf first, without the anchor (as processPolicies takes it). */
const pathOf = (leaf: IssuedCert, ...cas: TestCaHandle[]): ChainCert[] => [leaf, ...cas].map((c) => chainCert(dersOf(c.pem)[0]));

/** openssl verify -policy_check with the same inputs: true when it accepts the chain. */
function opensslAccepts(root: TestCaHandle, leaf: IssuedCert, cas: TestCaHandle[], options: PolicyOptions): boolean {
  const dir = mkdtempSync(join(tmpdir(), 'certbench-policy-'));
  const untrusted = join(dir, 'untrusted.pem');
  writeFileSync(untrusted, cas.map((c) => c.pem).join(''));
  const args = ['verify', '-policy_check', '-CAfile', root.certPath, '-untrusted', untrusted];
  if (options.initialExplicitPolicy) args.push('-explicit_policy');
  if (options.initialPolicyMappingInhibit) args.push('-inhibit_map');
  if (options.initialAnyPolicyInhibit) args.push('-inhibit_any');
  // RFC 5280's default user-initial-policy-set is {anyPolicy}; openssl's is empty unless told.
  for (const p of options.initialPolicySet ?? [ANY_POLICY]) args.push('-policy', p);
  try {
    openssl([...args, leaf.certPath]);
    return true;
  } catch {
    return false;
  }
}

/** processPolicies and openssl agree, and both give `expected`. */
function agree(root: TestCaHandle, leaf: IssuedCert, cas: TestCaHandle[], options: PolicyOptions, expected: boolean): void {
  const ours = processPolicies(pathOf(leaf, ...cas), options);
  assert.equal(opensslAccepts(root, leaf, cas, options), expected, `openssl verify ${JSON.stringify(options)}`);
  assert.equal(ours.ok, expected, `processPolicies ${JSON.stringify(options)}: ${ours.detail}`);
  if (!expected) assert.ok(ours.detail && ours.detail.length > 20, 'a refusal says why');
}

describe('processPolicies against openssl verify -policy_check', () => {
  it('a policy asserted down the chain: accepted, required or not, and refused when another policy is required', () => {
    const root = makeTestPki('Policy Root A');
    const ca = root.issueCa('Policy CA A', { extraLines: [`certificatePolicies=${P(1)},${P(2)}`] });
    const leaf = ca.issueLeaf('leaf-a', { extraLines: [`certificatePolicies=${P(1)}`] });
    agree(root, leaf, [ca], {}, true);
    agree(root, leaf, [ca], { initialExplicitPolicy: true, initialPolicySet: [P(1)] }, true);
    agree(root, leaf, [ca], { initialExplicitPolicy: true, initialPolicySet: [P(2)] }, false);
    assert.deepEqual(processPolicies(pathOf(leaf, ca), {}).validPolicies, [P(1)]);
  });

  it('a leaf without policies: fine until an explicit policy is required', () => {
    const root = makeTestPki('Policy Root B');
    const ca = root.issueCa('Policy CA B', { extraLines: [`certificatePolicies=${P(1)}`] });
    const leaf = ca.issueLeaf('leaf-b');
    agree(root, leaf, [ca], {}, true);
    agree(root, leaf, [ca], { initialExplicitPolicy: true }, false);
    const refused = processPolicies(pathOf(leaf, ca), { initialExplicitPolicy: true });
    assert.equal(refused.index, 0);
    assert.match(refused.detail!, /no certificatePolicies extension/);
  });

  it('requireExplicitPolicy:0 in a CA forces policies on what it issues', () => {
    const root = makeTestPki('Policy Root C');
    const ca = root.issueCa('Policy CA C', { extraLines: [`certificatePolicies=${P(1)}`, 'policyConstraints=requireExplicitPolicy:0'] });
    agree(root, ca.issueLeaf('leaf-c-none'), [ca], {}, false);
    agree(root, ca.issueLeaf('leaf-c-p1', { extraLines: [`certificatePolicies=${P(1)}`] }), [ca], {}, true);
  });

  it('policy mappings: the issuer policy is reached through the subject policy, unless mapping is inhibited', () => {
    const root = makeTestPki('Policy Root D');
    const ca = root.issueCa('Policy CA D', { extraLines: [`certificatePolicies=${P(1)}`, `policyMappings=${P(1)}:${P(9)}`] });
    const leaf = ca.issueLeaf('leaf-d', { extraLines: [`certificatePolicies=${P(9)}`] });
    agree(root, leaf, [ca], { initialExplicitPolicy: true, initialPolicySet: [P(1)] }, true);
    agree(root, leaf, [ca], { initialExplicitPolicy: true, initialPolicyMappingInhibit: true }, false);
    // RFC 5280 6.1.5 (g): the user-constrained set names the issuer-domain policy the path was accepted under.
    assert.deepEqual(processPolicies(pathOf(leaf, ca), { initialPolicySet: [P(1)] }).validPolicies, [P(9)]);
  });

  it('inhibitAnyPolicy: a leaf asserting only anyPolicy is refused under an explicit policy once the CA inhibits it', () => {
    const root = makeTestPki('Policy Root E');
    const ca = root.issueCa('Policy CA E', { extraLines: [`certificatePolicies=${ANY_POLICY}`, 'inhibitAnyPolicy=0'] });
    const anyLeaf = ca.issueLeaf('leaf-e-any', { extraLines: [`certificatePolicies=${ANY_POLICY}`] });
    agree(root, anyLeaf, [ca], { initialExplicitPolicy: true }, false);
    const p1Leaf = ca.issueLeaf('leaf-e-p1', { extraLines: [`certificatePolicies=${P(1)}`] });
    agree(root, p1Leaf, [ca], { initialExplicitPolicy: true }, true);
  });

  it('a certificatePolicies extension that cannot be read: refused with the reason, never thrown; openssl refuses too', () => {
    const root = makeTestPki('Policy Root F');
    // SEQUENCE { SEQUENCE { 06 } }: the policy identifier is cut short.
    const ca = root.issueCa('Policy CA F', { extraLines: ['2.5.29.32=DER:3003300106'] });
    const leaf = ca.issueLeaf('leaf-f');
    const result = processPolicies(pathOf(leaf, ca), {});
    assert.equal(result.ok, false);
    assert.equal(result.index, 1);
    assert.match(result.detail!, /The policy extensions of .*Policy CA F cannot be read/);
    assert.equal(opensslAccepts(root, leaf, [ca], {}), false);
  });

  it(`a hostile tree (every CA maps 10 policies to all 10) stops at ${MAX_POLICY_NODES} nodes, in milliseconds; openssl refuses it too`, () => {
    const root = makeTestPki('Policy Root Hostile');
    const ten = Array.from({ length: 10 }, (_, i) => P(100 + i));
    const cas: TestCaHandle[] = [];
    let issuer = root;
    for (let i = 0; i < 4; i++) {
      issuer = issuer.issueCa(`Hostile CA ${i}`, { extraLines: [`certificatePolicies=${ten.join(',')}`, `policyMappings=${ten.flatMap((a) => ten.map((b) => `${a}:${b}`)).join(',')}`] });
      cas.unshift(issuer);
    }
    const leaf = issuer.issueLeaf('leaf-hostile', { extraLines: [`certificatePolicies=${ten.join(',')}`] });
    const start = performance.now();
    const result = processPolicies(pathOf(leaf, ...cas), { initialExplicitPolicy: true });
    const ms = performance.now() - start;
    assert.equal(result.ok, false);
    assert.match(result.detail!, /more than 10,000 nodes/);
    assert.ok(ms < 1000, `took ${ms} ms`);
    assert.equal(opensslAccepts(root, leaf, cas, { initialExplicitPolicy: true }), false);
  });
});

describe('processPolicies on NIST PKITS 4.8-4.12', () => {
  const dir = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'chain', 'pkits');
  const cases = (JSON.parse(readFileSync(join(dir, 'cases.json'), 'utf8')) as PkitsCase[]).filter((c) => /^4(08|09|10|11|12)/.test(c.id));
  const load = (name: string) => new Uint8Array(readFileSync(join(dir, 'certs', name)));

  it('has the policy cases it runs', () => assert.ok(cases.length >= 25, `${cases.length} cases`));

  for (const c of cases) {
    it(`${c.id} ${c.name}`, () => {
      const ders = [load(c.cert), ...(c.other_certs ?? []).map(load), load('TrustAnchorRootCertificate.crt')];
      const ordered = orderChain(ders, { explainLeftOut: false }).chain.map((o) => chainCert(o.der));
      assert.equal(ordered.length, c.path_len ?? ordered.length, 'the whole path was ordered');
      const result = processPolicies(ordered.slice(0, -1), {
        initialPolicySet: c.params?.user_initial_policy_set,
        initialExplicitPolicy: c.params?.initial_explicit_policy,
        initialPolicyMappingInhibit: c.params?.initial_policy_mapping_inhibit,
        initialAnyPolicyInhibit: c.params?.initial_any_policy_inhibit,
      });
      const refused = c.error?.class === 'PathValidationError';
      assert.equal(result.ok, !refused, result.detail ?? 'accepted');
      // Where PKITS names the certificate ("intermediate certificate 3"), the index is the same one counted leaf first.
      const named = /intermediate certificate (\d+)$/.exec(c.error?.msg_regex ?? '');
      if (named) assert.equal(result.index, ordered.length - 1 - Number(named[1]));
      if (/end-entity certificate$/.test(c.error?.msg_regex ?? '')) assert.equal(result.index, 0);
    });
  }

  it('400 mutants of the certificates on policy paths (mappings, constraints, inhibitAnyPolicy): a result each, never a throw', () => {
    const paths = ['41001', '41101', '41208', '40907'].map((id) => {
      const c = cases.find((k) => k.id === id)!;
      const ders = [load(c.cert), ...(c.other_certs ?? []).map(load), load('TrustAnchorRootCertificate.crt')];
      return orderChain(ders, { explainLeftOut: false }).chain.map((o) => o.der).slice(0, -1);
    });
    const rng = new Rng(0x9011c7);
    let decoded = 0;
    for (let i = 0; i < 400; i++) {
      const ders = paths[i % paths.length].slice();
      const victim = rng.below(ders.length);
      ders[victim] = mutate(ders[victim], { rng, donors: ders }).bytes;
      let path: ChainCert[];
      try {
        path = ders.map(chainCert);
      } catch (e) {
        assert.ok(isPkiError(e), String(e));
        continue;
      }
      decoded++;
      const result = processPolicies(path, { initialExplicitPolicy: i % 2 === 0 });
      assert.equal(typeof result.ok, 'boolean');
      if (!result.ok) assert.ok(result.detail && result.detail.length > 10);
    }
    assert.ok(decoded > 100, `${decoded} mutants were still certificates`);
  });
});
