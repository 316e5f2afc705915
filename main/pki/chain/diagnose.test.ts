/**
 * Diagnosis on hand-made candidate paths over a real openssl PKI (root → intermediate → leaf): each served-list
 * shape SSL Labs names, where a path stops, validator findings and revocation in words, the verdict line, the
 * fixed chain (checked by openssl verify) and the install steps.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { derOf } from '../../../test/helpers/chain-kit';
import { makeTestPki, openssl, type IssuedCert, type TestCaHandle } from '../../../test/helpers/test-pki';
import type { RevocationDto } from '../../api/dto';
import { chainCert, type ChainCert } from './chain-cert';
import { diagnose, type DiagnoseInput } from './diagnose';
import { pickLeaf } from './leaf-pick';
import { systemRoots } from './trust-store';
import { CertPool } from './pool';
import type { CandidatePath, Finding, PoolCert } from './types';

const AT = Date.now();
let root: TestCaHandle;
let inter: TestCaHandle;
let leaf: IssuedCert;
let other: IssuedCert;
let c: { root: ChainCert; inter: ChainCert; leaf: ChainCert; other: ChainCert; self: ChainCert };

before(() => {
  root = makeTestPki('Diag Root');
  inter = root.issueCa('Diag Inter');
  leaf = inter.issueLeaf('shop', { san: ['DNS:shop.example.test'] });
  other = root.issueCa('Diag Other').issueLeaf('other', { san: ['DNS:other.example.test'] });
  const self = openssl(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', join(root.dir, 'self.key'), '-subj', '/CN=self.example.test', '-days', '30']);
  c = { root: chainCert(derOf(root.pem)), inter: chainCert(derOf(inter.pem)), leaf: chainCert(derOf(leaf.pem)), other: chainCert(derOf(other.pem)), self: chainCert(derOf(self)) };
});

const pc = (cert: ChainCert, source: PoolCert['source'], trusted = false, url?: string): PoolCert => ({ cert, source, trusted, ...(url ? { url } : {}) });

function run(served: ChainCert[], paths: { certs: PoolCert[]; anchored: boolean; findings?: Finding[] }[], more: Partial<DiagnoseInput> = {}) {
  const pool = new CertPool();
  for (const p of paths) for (const x of p.certs) pool.add(x);
  const candidates: CandidatePath[] = paths.map((p) => ({ ...p, findings: p.findings ?? [], valid: !(p.findings ?? []).some((f) => f.severity === 'error') }));
  return diagnose({ fromServer: true, served, paths: candidates, chosen: 0, pool, revocation: null, at: AT, hostName: null, purpose: 'serverAuth', fetchMissing: true, fetched: [], systemRoots: true, ...more });
}

const full = () => [pc(c.leaf, 'server'), pc(c.inter, 'server'), pc(c.root, 'trust-store', true)];
const codes = (r: { problems: { code: string }[] }) => r.problems.map((p) => p.code);

test('leaf + intermediate, root in the trust store: valid, the verdict names the root, nothing to fix', () => {
  const r = run([c.leaf, c.inter], [{ certs: full(), anchored: true }]);
  assert.equal(r.valid, true);
  assert.deepEqual(r.verdict, { severity: 'success', message: 'Valid chain to Diag Root' });
  assert.deepEqual(r.problems, []);
  assert.deepEqual(r.fixes, []);
  assert.deepEqual(r.chain.map((x) => [x.role, x.source, x.trusted, x.status]), [
    ['leaf', 'server', false, 'ok'],
    ['intermediate', 'server', false, 'ok'],
    ['root', 'trust-store', true, 'ok'],
  ]);
  assert.equal(r.chain[0].key, 'EC P-256');
  assert.equal(r.chain[0].signatureAlgorithm, 'ecdsa-with-SHA256');
  assert.ok(r.chain[0].daysLeft >= 363 && r.chain[0].daysLeft <= 365, String(r.chain[0].daysLeft));
  assert.equal(r.alternatives.length, 1);
  assert.equal(r.alternatives[0].chosen, true);
  assert.match(r.alternatives[0].summary, /^chosen: valid, ends at trusted Diag Root, 3 certificates$/);
});

test('the server forgot its intermediate (found by AIA): MISSING_INTERMEDIATE, a fixed chain openssl verifies, install steps', () => {
  const url = 'http://127.0.0.1:1/inter.der';
  const r = run([c.leaf], [{ certs: [pc(c.leaf, 'server'), pc(c.inter, 'aia', false, url), pc(c.root, 'trust-store', true)], anchored: true }]);
  assert.equal(r.valid, false);
  assert.deepEqual(codes(r), ['MISSING_INTERMEDIATE']);
  const p = r.problems[0];
  assert.equal(p.severity, 'error');
  assert.equal(p.certIndex, 1);
  assert.match(p.message, /The server does not send the intermediate Diag Inter; Certbench downloaded it from http:\/\/127\.0\.0\.1:1\/inter\.der/);
  assert.match(p.fix, /fixed chain/);
  assert.equal(r.verdict.message, 'The server forgot its intermediate Diag Inter');
  assert.equal(r.chain[1].source, 'aia');
  assert.equal(r.chain[1].url, url);
  assert.equal(r.chain[1].status, 'error');
  // leaf → intermediate, no root; openssl builds a trusted path from it.
  const fixed = join(root.dir, 'fixed.pem');
  writeFileSync(fixed, r.fixedChainPem!);
  assert.equal((r.fixedChainPem!.match(/BEGIN CERTIFICATE/g) ?? []).length, 2);
  assert.match(openssl(['verify', '-CAfile', root.certPath, '-untrusted', fixed, leaf.certPath]), /: OK/);
  assert.match(openssl(["x509", "-noout", "-subject"], r.fixedChainPem!), /CN = shop\.example\.test/);
  assert.deepEqual(r.fixes.map((f) => f.server), ['apache', 'nginx', 'iis']);
  const [apache, nginx, iis] = r.fixes;
  assert.match(apache.snippet!, /SSLCertificateFile\s+\S+shop\.example\.test-fullchain\.pem/);
  assert.match(apache.snippet!, /SSLCertificateChainFile/);
  assert.ok(apache.steps.some((s) => /2\.4\.8/.test(s)));
  assert.match(nginx.snippet!, /ssl_certificate\s+\S+-fullchain\.pem;/);
  assert.match(iis.snippet!, /certutil -addstore CA "Diag_Inter\.cer"/);
  assert.ok(iis.steps.some((s) => /Intermediate Certification Authorities/.test(s)));
  assert.ok(iis.steps.some((s) => /PFX/.test(s)));
});

test('files: an intermediate the user gave as an extra certificate is not missing; one from AIA is', () => {
  const given = run([c.leaf], [{ certs: [pc(c.leaf, 'input'), pc(c.inter, 'input'), pc(c.root, 'input', true)], anchored: true }], { fromServer: false });
  assert.equal(given.valid, true, JSON.stringify(given.problems));
  const aia = run([c.leaf], [{ certs: [pc(c.leaf, 'input'), pc(c.inter, 'aia', false, 'http://x.test/i.der'), pc(c.root, 'trust-store', true)], anchored: true }], { fromServer: false });
  assert.deepEqual(codes(aia), ['MISSING_INTERMEDIATE']);
  assert.equal(aia.verdict.message, 'The files lack the intermediate Diag Inter');
});

test('wrong order: a warning naming the order sent and the order wanted; the chain stays valid', () => {
  const r = run([c.leaf, c.root, c.inter], [{ certs: full(), anchored: true }]);
  assert.equal(r.valid, true);
  assert.deepEqual(codes(r), ['WRONG_ORDER', 'CONTAINS_ROOT']);
  assert.match(r.problems[0].message, /wrong order: shop\.example\.test, Diag Root, Diag Inter/);
  assert.match(r.problems[0].fix, /shop\.example\.test, then Diag Inter \(/);
  assert.equal(r.verdict.severity, 'warning');
  assert.equal(r.verdict.message, 'Valid chain to Diag Root, but the certificates are in the wrong order');
  assert.equal(r.fixes.length, 3);
});

test('files with the leaf last: the leaf is still found (no other certificate names it as issuer)', () => {
  assert.equal(pickLeaf([c.root, c.inter, c.leaf], false), 2);
  assert.equal(pickLeaf([c.inter, c.leaf, c.root], false), 1);
  assert.equal(pickLeaf([c.inter, c.leaf], true), 0);
  assert.equal(pickLeaf([c.inter, c.root], false), 0);
  assert.equal(pickLeaf([], false), -1);
});

test('root included: CONTAINS_ROOT as a note; the verdict stays green; the fixed chain leaves the root out', () => {
  const r = run([c.leaf, c.inter, c.root], [{ certs: [pc(c.leaf, 'server'), pc(c.inter, 'server'), pc(c.root, 'server', true)], anchored: true }]);
  assert.equal(r.valid, true);
  assert.deepEqual(r.problems.map((p) => [p.code, p.severity, p.certIndex]), [['CONTAINS_ROOT', 'info', 2]]);
  assert.equal(r.verdict.severity, 'success');
  assert.equal((r.fixedChainPem!.match(/BEGIN CERTIFICATE/g) ?? []).length, 2);
});

test('an unrelated certificate and a repeated one: EXTRA_CERT and DUPLICATE_CERT', () => {
  const r = run([c.leaf, c.inter, c.other, c.inter], [{ certs: full(), anchored: true }]);
  assert.deepEqual(codes(r).sort(), ['DUPLICATE_CERT', 'EXTRA_CERT']);
  const extra = r.problems.find((p) => p.code === 'EXTRA_CERT')!;
  assert.match(extra.message, /other\.example\.test \(issued by Diag Other\), which is not part of the chain of shop\.example\.test/);
  assert.equal(extra.certIndex, null);
  const dup = r.problems.find((p) => p.code === 'DUPLICATE_CERT')!;
  assert.match(dup.message, /Diag Inter 2 times/);
  assert.equal(dup.certIndex, 1);
});

test('a bundle of 50 unrelated roots and repeats: three named, the rest summed up in one problem each; messages stay short', () => {
  const extras = systemRoots().slice(0, 50).map((r) => r.cert);
  const served = [c.inter, ...extras, c.leaf, ...extras.slice(0, 5), c.inter];
  const r = run(served, [{ certs: full(), anchored: true }]);
  const extra = r.problems.filter((p) => p.code === 'EXTRA_CERT');
  assert.equal(extra.length, 4);
  assert.match(extra[3].message, /^The server sends 47 more certificates that are not part of the chain of shop\.example\.test: .+ and 37 more\.$/);
  const dup = r.problems.filter((p) => p.code === 'DUPLICATE_CERT');
  assert.equal(dup.length, 4);
  assert.match(dup[3].message, /^The server sends 3 more certificates more than once: /);
  const order = r.problems.find((p) => p.code === 'WRONG_ORDER')!;
  assert.match(order.message, /: Diag Inter, .+ and 48 more\. The leaf must come first/);
  assert.ok(r.problems.every((p) => p.message.length < 1200), 'no message lists everything');
});

test('a self-signed leaf alone: SELF_SIGNED; trusted by the user it is valid', () => {
  const r = run([c.self], [{ certs: [pc(c.self, 'server')], anchored: false }]);
  assert.deepEqual(codes(r), ['SELF_SIGNED']);
  assert.equal(r.verdict.message, 'self.example.test is self-signed and not trusted');
  assert.equal(r.fixedChainPem!.match(/BEGIN CERTIFICATE/g)!.length, 1);
  const trusted = run([c.self], [{ certs: [pc(c.self, 'server', true)], anchored: true }]);
  assert.equal(trusted.valid, true);
});

test('a chain ending at a root nobody trusts: UNTRUSTED_ROOT on the root; no install steps', () => {
  const r = run([c.leaf, c.inter, c.root], [{ certs: [pc(c.leaf, 'server'), pc(c.inter, 'server'), pc(c.root, 'server')], anchored: false }]);
  assert.deepEqual(codes(r), ['UNTRUSTED_ROOT']);
  assert.equal(r.problems[0].certIndex, 2);
  assert.equal(r.chain[2].role, 'root');
  assert.equal(r.verdict.message, 'The chain ends at Diag Root, which is not trusted');
  assert.deepEqual(r.fixes, []);
});

test('an issuer that was neither sent nor found: MISSING_INTERMEDIATE on the top certificate, saying why', () => {
  const off = run([c.leaf], [{ certs: [pc(c.leaf, 'server')], anchored: false }], { fetchMissing: false });
  assert.deepEqual(codes(off), ['MISSING_INTERMEDIATE']);
  assert.match(off.problems[0].message, /does not send the issuer of shop\.example\.test \(Diag Inter\), and it could not be found in the trust store, and the certificate names no address/);
  assert.equal(off.verdict.message, 'The server forgot its intermediate Diag Inter');
  const published = chainCert(derOf(root.issueCa('Diag Pub', { publish: { caIssuers: 'http://127.0.0.1:9/pub.der' } }).issueLeaf('pub', { san: ['DNS:pub.example.test'] }).pem));
  const notAsked = run([published], [{ certs: [pc(published, 'server')], anchored: false }], { fetchMissing: false });
  assert.match(notAsked.problems[0].message, /downloads were off \(it is published at http:\/\/127\.0\.0\.1:9\/pub\.der/);
  const failed = run([published], [{ certs: [pc(published, 'server')], anchored: false }], { fetched: [{ kind: 'aia', url: 'http://127.0.0.1:9/pub.der', ok: false, detail: 'connection refused' }] });
  assert.match(failed.problems[0].message, /the download from http:\/\/127\.0\.0\.1:9\/pub\.der gave no usable issuer \(connection refused\)/);
});

test('validator findings in words: an expired leaf names its date; the verdict puts it first', () => {
  const expired = chainCert(derOf(inter.issueLeaf('old', { san: ['DNS:old.example.test'], startDate: '20200101000000Z', endDate: '20210301000000Z' }).pem));
  const r = run([expired, c.inter], [
    { certs: [pc(expired, 'server'), pc(c.inter, 'server'), pc(c.root, 'trust-store', true)], anchored: true, findings: [{ code: 'EXPIRED', severity: 'error', index: 0, detail: 'notAfter 2021-03-01' }, { code: 'HOSTNAME_MISMATCH', severity: 'error', index: 0, detail: 'it is valid for DNS:old.example.test' }] },
  ], { hostName: 'shop.example.test' });
  assert.equal(r.valid, false);
  assert.deepEqual(codes(r), ['EXPIRED', 'HOSTNAME_MISMATCH']);
  assert.match(r.problems[0].message, /^The certificate old\.example\.test expired on 1 Mar 2021, \d+ days ago\./);
  assert.match(r.problems[0].fix, /Renew/);
  assert.match(r.problems[1].message, /not valid for shop\.example\.test \(it is valid for DNS:old\.example\.test\)/);
  assert.equal(r.verdict.message, 'old.example.test expired on 1 Mar 2021 (and 1 more problem)');
  assert.equal(r.chain[0].status, 'error');
  assert.ok(r.chain[0].daysLeft < 0);
  assert.match(r.alternatives[0].summary, /not valid \(EXPIRED and HOSTNAME_MISMATCH\)/);
});

test('a second, valid path is chosen over an invalid first one only when the builder puts it first; alternatives list both', () => {
  const r = run([c.leaf, c.inter], [
    { certs: full(), anchored: true },
    { certs: [pc(c.leaf, 'server'), pc(c.inter, 'server')], anchored: false },
  ]);
  assert.deepEqual(r.alternatives.map((a) => [a.chosen, a.valid]), [[true, true], [false, false]]);
  assert.match(r.alternatives[1].summary, /stops at Diag Inter, whose issuer was not found, 2 certificates/);
});

test('revocation: a revoked leaf is an error with its date and reason; an unknown answer is a warning', () => {
  const revoked: RevocationDto = { status: 'revoked', method: 'ocsp', revokedAt: '2026-01-02T00:00:00Z', reason: 'keyCompromise', thisUpdate: null, nextUpdate: null, url: 'http://127.0.0.1:9/ocsp', detail: 'OCSP responder says revoked' };
  const unknown: RevocationDto = { status: 'unknown', method: null, revokedAt: null, reason: null, thisUpdate: null, nextUpdate: null, url: 'http://127.0.0.1:9/crl', detail: 'the CRL could not be downloaded' };
  const r = run([c.leaf, c.inter], [{ certs: full(), anchored: true }], { revocation: [revoked, unknown, null] });
  assert.equal(r.valid, false);
  assert.deepEqual(r.problems.map((p) => [p.code, p.severity, p.certIndex]), [['REVOKED', 'error', 0], ['REVOCATION_UNKNOWN', 'warning', 1]]);
  assert.match(r.problems[0].message, /shop\.example\.test was revoked on 2026-01-02 \(keyCompromise\)/);
  assert.match(r.problems[0].fix, /NEW key/);
  assert.equal(r.verdict.message, 'shop.example.test was revoked on 2026-01-02 (and 1 more problem)');
  assert.equal(r.chain[0].revocation?.status, 'revoked');
  assert.equal(r.chain[1].status, 'warning');
  assert.equal(r.alternatives[0].valid, false);
});
