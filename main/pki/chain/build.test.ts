/**
 * buildPaths over real openssl PKIs: order does not matter, a missing intermediate leaves the longest
 * unanchored path, cross-signs (an intermediate signed by two roots, a root cross-signed by an older one) give
 * every path with the valid shortest first, loops end, and a hostile pool of 5,000 same-named CAs ends in well
 * under a second with its signature checks bounded.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { derOf } from '../../../test/helpers/chain-kit';
import { opensslVerify } from '../../../test/helpers/chain-peer';
import { dateAt, makeTestPki, openssl, type IssuedCert, type TestCaHandle } from '../../../test/helpers/test-pki';
import { buildPaths } from './build';
import { chainCert } from './chain-cert';
import { signatureChecksRun } from './signature-check';
import type { CandidatePath, PoolCert, ValidationOptions } from './types';

const options = (): ValidationOptions => ({ at: Date.now(), purpose: 'serverAuth', hostName: null });
const pc = (pem: string, trusted = false): PoolCert => ({ cert: chainCert(derOf(pem)), source: trusted ? 'trust-store' : 'input', trusted });
const cns = (p: CandidatePath) => p.certs.map((c) => c.cert.subject.replace(/^.*CN=([^,]+).*$/, '$1'));

let root: TestCaHandle;
let inter: TestCaHandle;
let leaf: IssuedCert;

/** `ca`'s own CSR (same name and key) signed again by `by` with `openssl ca`: a cross-sign. */
function crossSign(ca: TestCaHandle, by: TestCaHandle, start = dateAt(-30), end = dateAt(300)): string {
  const out = join(ca.dir, `cross-by-${by.name.replace(/\W/g, '')}.pem`);
  const ext = join(ca.dir, 'cross.ext');
  writeFileSync(ext, '[ext]\nbasicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n');
  openssl(['ca', '-batch', '-notext', '-md', 'sha256', '-config', by.configPath, '-in', join(ca.dir, 'ca.csr'), '-out', out, '-extfile', ext, '-extensions', 'ext', '-startdate', start, '-enddate', end]);
  return openssl(['x509', '-in', out]);
}

before(() => {
  root = makeTestPki('Build Root');
  inter = root.issueCa('Build Inter');
  leaf = inter.issueLeaf('shop', { san: ['DNS:shop.example.test'] });
});

test('the pool in any order gives leaf → intermediate → root, valid, as openssl verify agrees', () => {
  const paths = buildPaths(pc(leaf.pem), [pc(root.pem, true), pc(inter.pem)], options());
  assert.equal(paths[0].valid, true);
  assert.deepEqual(cns(paths[0]), ['shop.example.test', 'Build Inter', 'Build Root']);
  assert.ok(opensslVerify({ leaf: leaf.pem, untrusted: [inter.pem], trusted: [root.pem] }).ok);
});

test('a missing intermediate leaves the leaf alone, unanchored; an untrusted root leaves the longest path', () => {
  const alone = buildPaths(pc(leaf.pem), [pc(root.pem, true)], options());
  assert.equal(alone.length, 1);
  assert.equal(alone[0].anchored, false);
  assert.deepEqual(cns(alone[0]), ['shop.example.test']);
  assert.equal(opensslVerify({ leaf: leaf.pem, trusted: [root.pem] }).ok, false);

  const untrusted = buildPaths(pc(leaf.pem), [pc(root.pem), pc(inter.pem)], options());
  assert.equal(untrusted[0].anchored, false);
  assert.deepEqual(cns(untrusted[0]), ['shop.example.test', 'Build Inter', 'Build Root']);
});

test('an intermediate cross-signed by a second root gives both anchored paths', () => {
  const other = makeTestPki('Other Root');
  const interByOther = crossSign(inter, other);
  const paths = buildPaths(pc(leaf.pem), [pc(inter.pem), pc(interByOther), pc(root.pem, true), pc(other.pem, true)], options());
  const valid = paths.filter((p) => p.valid).map((p) => cns(p).join(' > ')).sort();
  assert.deepEqual(valid, ['shop.example.test > Build Inter > Build Root', 'shop.example.test > Build Inter > Other Root']);
  assert.ok(opensslVerify({ leaf: leaf.pem, untrusted: [interByOther], trusted: [other.pem] }).ok);
});

test('a trusted root also reached through its cross-sign by an older root: both paths kept, the shorter valid one first', () => {
  const x1 = makeTestPki('New Root X1');
  const r = x1.issueCa('Issuer R');
  const site = r.issueLeaf('site', { san: ['DNS:site.example.test'] });
  const dst = makeTestPki('Old Root DST', { startDate: dateAt(-3000), endDate: dateAt(-2) });
  const x1ByDst = crossSign(x1, dst, dateAt(-1000), dateAt(200));
  const paths = buildPaths(pc(site.pem), [pc(r.pem), pc(x1ByDst), pc(x1.pem, true), pc(dst.pem, true)], options());
  assert.deepEqual(cns(paths[0]), ['site.example.test', 'Issuer R', 'New Root X1']);
  assert.equal(paths[0].valid, true);
  const viaDst = paths.find((p) => p.certs.length === 4)!;
  assert.ok(viaDst, 'the path through the cross-sign is kept');
  assert.equal(viaDst.anchored, true);
  assert.equal(viaDst.valid, false);
  assert.ok(viaDst.findings.some((f) => f.code === 'EXPIRED' && f.index === 3));
});

test('two CAs that certify each other end (no certificate twice on a path)', () => {
  const a = makeTestPki('Loop A');
  const b = makeTestPki('Loop B');
  const aByB = crossSign(a, b);
  const bByA = crossSign(b, a);
  const l = a.issueLeaf('loop', { san: ['DNS:loop.example.test'] });
  const paths = buildPaths(pc(l.pem), [pc(aByB), pc(bByA), pc(a.pem), pc(b.pem)], options());
  assert.ok(paths.length >= 1);
  assert.ok(paths.every((p) => !p.anchored));
  for (const p of paths) assert.equal(new Set(p.certs.map((c) => c.cert.sha256)).size, p.certs.length);
});

test('a hostile pool of 5,000 same-named CAs with other keys ends in well under a second, with bounded signature checks', () => {
  const rsaRoot = makeTestPki('Hostile Root', { key: 'rsa' });
  const rsaInter = rsaRoot.issueCa('Hostile Inter', { key: 'rsa' });
  const victim = rsaInter.issueLeaf('victim', { san: ['DNS:victim.example.test'] });
  const real = derOf(rsaInter.pem);
  const spki = chainCert(real).fields.spki;
  // Bytes well inside the RSA modulus: changing them gives another (useless) key under the same name and SKI.
  const at = spki.valueStart + 60;
  const fakes: PoolCert[] = [];
  for (let i = 0; i < 5000; i++) {
    const der = real.slice();
    der[at] ^= (i & 0xff) + 1;
    der[at + 1] ^= (i >> 8) + 1;
    fakes.push({ cert: chainCert(der), source: 'input', trusted: false });
  }
  const checksBefore = signatureChecksRun();
  const started = performance.now();
  const hostileFirst = buildPaths(pc(victim.pem), [...fakes, pc(rsaRoot.pem, true)], options());
  const elapsed = performance.now() - started;
  const checks = signatureChecksRun() - checksBefore;
  assert.ok(elapsed < 1000, `took ${elapsed.toFixed(0)} ms`);
  assert.ok(checks <= 64 + 1, `${checks} signature checks`);
  assert.equal(hostileFirst[0].anchored, false);

  // The real intermediate among them is still found when it is tried first (it comes from the input).
  const started2 = performance.now();
  const withReal = buildPaths(pc(victim.pem), [pc(rsaInter.pem), ...fakes, pc(rsaRoot.pem, true)], options());
  assert.ok(performance.now() - started2 < 1000);
  assert.equal(withReal[0].valid, true);
  assert.deepEqual(cns(withReal[0]), ['victim.example.test', 'Hostile Inter', 'Hostile Root']);
});

test('5,000 copies of the real intermediate (same name and key, other serials) are bounded too', () => {
  const real = derOf(inter.pem);
  const serial = chainCert(real).fields.serial;
  const copies: PoolCert[] = [];
  for (let i = 0; i < 5000; i++) {
    const der = real.slice();
    der[serial.end - 1] ^= (i & 0xff) + 1;
    der[serial.end - 2] ^= (i >> 8) + 1;
    copies.push({ cert: chainCert(der), source: 'input', trusted: false });
  }
  const started = performance.now();
  const paths = buildPaths(pc(leaf.pem), [...copies, pc(root.pem, true)], options());
  const elapsed = performance.now() - started;
  assert.ok(elapsed < 1000, `took ${elapsed.toFixed(0)} ms`);
  assert.ok(paths.length <= 8);
  // Each copy verifies the leaf, but the root's signature over a copy does not: nothing is anchored.
  assert.ok(paths.every((p) => !p.anchored));
  assert.ok(paths.every((p) => p.certs.length === 2));
});

test('a trusted leaf is a path by itself; maxPaths cuts the list', () => {
  const trustedLeaf = buildPaths(pc(leaf.pem, true), [pc(inter.pem), pc(root.pem, true)], options());
  assert.equal(trustedLeaf.length, 1);
  assert.equal(trustedLeaf[0].anchored, true);
  const one = buildPaths(pc(leaf.pem), [pc(inter.pem), pc(root.pem, true), pc(root.pem)], { ...options(), maxPaths: 1 });
  assert.equal(one.length, 1);
});
