/**
 * Chain ordering over real chains: Let's Encrypt's published intermediates and cross-signs, the OpenSSL-made
 * fixture chain, a re-keyed CA made by OpenSSL here, and a 10,000-certificate bundle.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { makeBigBundle } from '../../e2e/fixtures/big-bundle';
import { fixture } from '../../test/helpers/fixtures';
import { orderChain, type ChainOrder } from './chain-order';
import { digest } from './crypto';
import { hex } from './der/der';
import { parsePemBlocks } from './formats/pem-blocks';
import { parseCertificate } from './x509/certificate';

const pemCerts = (path: string): Uint8Array[] => parsePemBlocks(readFileSync(path, 'latin1')).filter((b) => b.label === 'CERTIFICATE').map((b) => b.der);
const one = (path: string): Uint8Array => pemCerts(path)[0];
const le = (name: string) => one(fixture('corpus', 'letsencrypt', name));
const x509 = (name: string) => one(fixture('x509', name));
const fp = (der: Uint8Array) => hex(digest('sha256', der));
const cn = (der: Uint8Array) => parseCertificate(der).subjectParts.filter((p) => p.name === 'CN').pop()?.value;
const names = (r: ChainOrder) => r.chain.map((c) => `${c.role}:${cn(c.der)}`);

/** Every permutation-like reordering worth trying: reversed, rotated, and a fixed shuffle. */
function orders<T>(items: T[]): T[][] {
  const out = [items, [...items].reverse()];
  for (let k = 1; k < items.length; k++) out.push([...items.slice(k), ...items.slice(0, k)]);
  return out;
}

test("Let's Encrypt R3 under ISRG Root X1: in any input order, intermediate first, then the self-signed root", () => {
  const r3 = le('lets-encrypt-r3.pem');
  const root = le('isrgrootx1.pem');
  for (const input of orders([root, r3])) {
    const r = orderChain(input);
    assert.deepEqual(names(r), ['leaf:R3', 'root:ISRG Root X1']);
    assert.deepEqual(r.leftOut, []);
    assert.deepEqual(r.warnings, []);
  }
});

test("the 2021 long chain: R3 → ISRG Root X1 cross-signed by DST → DST Root CA X3, shuffled", () => {
  const certs = [le('trustid-x3-root.pem'), le('lets-encrypt-r3.pem'), le('isrg-root-x1-cross-signed.pem')];
  for (const input of orders(certs)) {
    const r = orderChain(input);
    assert.deepEqual(names(r), ['leaf:R3', 'intermediate:ISRG Root X1', 'root:DST Root CA X3']);
    assert.equal(fp(r.chain[1].der), fp(le('isrg-root-x1-cross-signed.pem')));
  }
});

test('cross-signed: with both versions of ISRG Root X1, the self-signed one ends the chain; the cross-sign and its root are left out with reasons', () => {
  const cross = le('isrg-root-x1-cross-signed.pem');
  const dst = le('trustid-x3-root.pem');
  const certs = [cross, le('lets-encrypt-r3.pem'), dst, le('isrgrootx1.pem')];
  for (const input of orders(certs)) {
    const r = orderChain(input);
    assert.deepEqual(names(r), ['leaf:R3', 'root:ISRG Root X1']);
    assert.equal(fp(r.chain[1].der), fp(le('isrgrootx1.pem')));
    const reasons = new Map(r.leftOut.map((l) => [fp(l.der), l.reason]));
    assert.match(reasons.get(fp(cross)) ?? '', /another certificate for CN=ISRG Root X1 with the same key, issued by CN=DST Root CA X3 \(cross-signed\)/);
    assert.match(reasons.get(fp(dst)) ?? '', /^not part of this chain: issued by CN=DST Root CA X3 for CN=DST Root CA X3$/);
    assert.equal(r.leftOut.length, 2);
    assert.match(r.warnings.join('\n'), /1 certificate not part of this chain was left out: CN=DST Root CA X3/);
  }
});

test('the OpenSSL fixture chain (EC intermediate, RSA root) shuffled, with the root missing, and as one cert', () => {
  const [leaf, inter, root] = [x509('leaf.pem'), x509('inter.pem'), x509('root.pem')];
  for (const input of orders([root, leaf, inter])) {
    assert.deepEqual(names(orderChain(input)), ['leaf:www.example.test', 'intermediate:Certbench Test Intermediate EC', 'root:Certbench Test Root']);
  }
  // No root: the last is an intermediate and nothing is said (the user simply does not have it).
  const noRoot = orderChain([inter, leaf]);
  assert.deepEqual(names(noRoot), ['leaf:www.example.test', 'intermediate:Certbench Test Intermediate EC']);
  assert.deepEqual(noRoot.warnings, []);
  assert.deepEqual(names(orderChain([root])), ['leaf:Certbench Test Root']);
  assert.deepEqual(orderChain([]), { chain: [], leftOut: [], warnings: [] });
});

test('chain.pem as OpenSSL wrote it comes back in the same order; exact duplicates count once', () => {
  const certs = pemCerts(fixture('x509', 'chain.pem'));
  const r = orderChain([...certs, ...certs, certs[1]]);
  assert.deepEqual(r.chain.map((c) => fp(c.der)), certs.map(fp));
  assert.deepEqual(r.leftOut, []);
});

test('a key given: its certificate is the leaf even when another leaf comes first; the other leaf is left out', () => {
  const [leaf, inter, root, client] = [x509('leaf.pem'), x509('inter.pem'), x509('root.pem'), x509('client-ed25519.pem')];
  const clientSpki = parseCertificate(client).spkiDer;
  const r = orderChain([leaf, root, inter, client], { leafSpki: clientSpki });
  assert.deepEqual(names(r), ['leaf:api-user-42@example.test', 'intermediate:Certbench Test Intermediate EC', 'root:Certbench Test Root']);
  assert.deepEqual(r.leftOut.map((l) => [fp(l.der), l.reason]), [[fp(leaf), 'not part of this chain: issued by CN=Certbench Test Intermediate EC for CN=www.example.test']]);
  // Without the key, the first leaf given wins and the other is named.
  const byShape = orderChain([leaf, root, inter, client]);
  assert.equal(cn(byShape.chain[0].der), 'www.example.test');
  assert.match(byShape.warnings[0], /2 certificates could each be the leaf; the chain starts with the first, CN=www\.example\.test; left out: CN=api-user-42@example\.test/);
});

test('a key held by two certificates (a renewal): the one expiring last is the leaf, the other is named', () => {
  const [leaf, shortLived, inter, root] = [x509('leaf.pem'), x509('short-lived.pem'), x509('inter.pem'), x509('root.pem')];
  const spki = parseCertificate(leaf).spkiDer;
  const r = orderChain([shortLived, inter, leaf, root], { leafSpki: spki });
  const expectLeaf = Date.parse(parseCertificate(leaf).notAfter!) > Date.parse(parseCertificate(shortLived).notAfter!) ? leaf : shortLived;
  assert.equal(fp(r.chain[0].der), fp(expectLeaf));
  assert.match(r.warnings.join('\n'), /2 certificates hold the private key's public key/);
  assert.equal(r.leftOut.length, 1);
  assert.match(r.leftOut[0].reason, /another certificate for the same key/);
});

test("a key no certificate holds: an empty chain, a warning, every certificate left out", () => {
  const spki = parseCertificate(x509('client-ed25519.pem')).spkiDer;
  const r = orderChain([x509('leaf.pem'), x509('inter.pem')], { leafSpki: spki });
  assert.deepEqual(r.chain, []);
  assert.equal(r.leftOut.length, 2);
  assert.match(r.warnings[0], /None of the certificates holds the public key/);
});

test('bytes that are not a certificate are left out with a reason, never thrown', () => {
  const r = orderChain([x509('leaf.pem'), new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x01]), x509('inter.pem')]);
  assert.equal(r.chain.length, 2);
  assert.equal(r.leftOut.length, 1);
  assert.match(r.leftOut[0].reason, /^not a certificate Certbench can read \(/);
});

// ---- a re-keyed CA, made by OpenSSL: two intermediates with one name and two keys ----

let dir = '';
const made: Record<string, Uint8Array> = {};
const ossl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, env: { ...process.env, OPENSSL_CONF: '/dev/null' }, stdio: ['ignore', 'pipe', 'pipe'] });

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'chain-order-'));
  writeFileSync(join(dir, 'ext.cnf'), '[ca]\nbasicConstraints = critical, CA:TRUE\nkeyUsage = critical, keyCertSign, cRLSign\nsubjectKeyIdentifier = hash\nauthorityKeyIdentifier = keyid\n[leaf]\nbasicConstraints = CA:FALSE\nsubjectKeyIdentifier = hash\nauthorityKeyIdentifier = keyid\n');
  for (const k of ['root', 'old', 'new', 'leaf']) ossl('genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', `${k}.key`);
  ossl('req', '-x509', '-new', '-key', 'root.key', '-subj', '/CN=Rekey Root', '-days', '3650', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'subjectKeyIdentifier=hash', '-out', 'root.pem');
  for (const k of ['old', 'new']) {
    ossl('req', '-new', '-key', `${k}.key`, '-subj', '/O=Rekey/CN=Rekey Issuing CA', '-out', `${k}.csr`);
    ossl('x509', '-req', '-in', `${k}.csr`, '-CA', 'root.pem', '-CAkey', 'root.key', '-set_serial', k === 'old' ? '2' : '3', '-days', '1000', '-extfile', 'ext.cnf', '-extensions', 'ca', '-out', `${k}.pem`);
  }
  ossl('req', '-new', '-key', 'leaf.key', '-subj', '/CN=rekeyed.example.test', '-out', 'leaf.csr');
  ossl('x509', '-req', '-in', 'leaf.csr', '-CA', 'new.pem', '-CAkey', 'new.key', '-set_serial', '4', '-days', '90', '-extfile', 'ext.cnf', '-extensions', 'leaf', '-out', 'leaf.pem');
  for (const k of ['root', 'old', 'new', 'leaf']) made[k] = one(join(dir, `${k}.pem`));
  // The peer agrees on the answer: the leaf verifies through the new key, not the old one.
  ossl('verify', '-CAfile', 'root.pem', '-untrusted', 'new.pem', 'leaf.pem');
  assert.throws(() => ossl('verify', '-CAfile', 'root.pem', '-untrusted', 'old.pem', 'leaf.pem'));
});

after(() => rmSync(dir, { recursive: true, force: true }));

test('a re-keyed CA (same name, two keys): the one whose key signed the leaf is picked, the other is left out saying why', () => {
  for (const input of orders([made.old, made.leaf, made.root, made.new])) {
    const r = orderChain(input);
    assert.deepEqual(r.chain.map((c) => fp(c.der)), [made.leaf, made.new, made.root].map(fp));
    assert.deepEqual(r.chain.map((c) => c.role), ['leaf', 'intermediate', 'root']);
    assert.equal(r.leftOut.length, 1);
    assert.equal(fp(r.leftOut[0].der), fp(made.old));
    assert.equal(r.leftOut[0].reason, 'has the name of the issuer of CN=rekeyed.example.test (CN=Rekey Issuing CA) but did not sign it: a different key');
  }
  // With only the wrong key present, no issuer: the leaf stands alone.
  const alone = orderChain([made.old, made.leaf], { leafSpki: parseCertificate(made.leaf).spkiDer });
  assert.deepEqual(alone.chain.map((c) => fp(c.der)), [fp(made.leaf)]);
});

test('10,000 certificates (4 CAs, 10,000 leaves sharing 100 keys) order in well under a second', () => {
  const bundle = makeBigBundle(10_000, new Date('2026-06-01T00:00:00Z'));
  const ders = parsePemBlocks(bundle.pem).map((b) => b.der);
  const input = [...ders].reverse();
  const target = ders[4 + 5000];
  const targetSpki = parseCertificate(target).spkiDer;
  // CPU time, not wall time: the build machine is shared, and a busy neighbour must not fail this test.
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const byShape = orderChain(input);
  const byKey = orderChain(input, { leafSpki: targetSpki });
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000 / 2;
  const ms = (performance.now() - t0) / 2;
  assert.ok(cpuMs < 1000, `took ${cpuMs.toFixed(0)} ms of CPU`);
  assert.deepEqual(byShape.chain.map((c) => c.role), ['leaf', 'intermediate', 'root']);
  assert.equal(fp(byShape.chain[0].der), fp(ders[ders.length - 1]), 'the first leaf given');
  assert.equal(byShape.leftOut.length, 10_004 - 3);
  assert.equal(fp(byKey.chain[2].der), fp(ders[0]), 'the root');
  assert.equal(byKey.chain.length, 3);
  assert.equal(parseCertificate(byKey.chain[0].der).spkiSha256, parseCertificate(target).spkiSha256);
  console.log(`orderChain over 10,004 certificates: ${cpuMs.toFixed(0)} ms CPU, ${ms.toFixed(0)} ms wall`);
});

test('every certificate of the pyca and Let\'s Encrypt corpora at once, and damaged copies: never throws; each distinct input is on the chain or left out', async () => {
  const { readBytes } = await import('./read');
  const { readdirSync, statSync } = await import('node:fs');
  const files = (d: string): string[] => readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? files(join(d, n)) : [join(d, n)]));
  const ders: Uint8Array[] = [];
  for (const file of [...files(fixture('corpus', 'pyca', 'x509')), ...files(fixture('corpus', 'letsencrypt'))]) {
    if (!/\.(pem|der|crt)$/.test(file)) continue;
    try {
      for (const o of (await readBytes(new Uint8Array(readFileSync(file)))).objects) if (o.kind === 'certificate') ders.push(o.der);
    } catch {
      // not a certificate file
    }
  }
  const damaged = ders.slice(0, 20).map((d, i) => d.subarray(0, d.length - 1 - i));
  const input = [...ders, ...damaged];
  const distinct = new Set(input.map(fp)).size;
  const r = orderChain(input);
  assert.equal(r.chain.length + r.leftOut.length, distinct);
  assert.ok(r.leftOut.filter((l) => /^not a certificate Certbench can read/.test(l.reason)).length >= 20);
  assert.ok(ders.length > 150, `${ders.length} certificates`);
});
