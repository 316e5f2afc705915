/**
 * runDoctor on files with the real network port: a local AIA server (node http on 127.0.0.1) publishes the
 * issuers of an openssl PKI (root → intermediate → leaves). Leaf only (the intermediate fetched, the fixed
 * chain valid for openssl and for a second check), leaf + intermediate, wrong order, root included, expired,
 * wrong name, downloads each URL once, a bad AIA body, cancel.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { derOf, dersOf } from '../../../test/helpers/chain-kit';
import { localHttpServer, type LocalServer } from '../../../test/helpers/local-http';
import { rejectsWith } from '../../../test/helpers/pki-errors';
import { makeTestPki, openssl, type IssuedCert, type TestCaHandle } from '../../../test/helpers/test-pki';
import { parsePemBlocks } from '../formats/pem-blocks';
import { nodeNetwork } from '../net/node-network';
import { runDoctor, type DoctorInput } from './doctor';

let http: LocalServer;
const routes = new Map<string, { body: Uint8Array | string; type: string }>();
const hits = (path: string) => http.requests.filter((r) => r.path === path).length;
let root: TestCaHandle;
let inter: TestCaHandle;
let leaf: IssuedCert;

before(async () => {
  http = await localHttpServer((req, res) => {
    const route = routes.get(req.url ?? '');
    if (route) res.writeHead(200, { 'content-type': route.type }).end(route.body);
    else res.writeHead(404).end();
  });
  root = makeTestPki('Doctor Root', { publish: { caIssuers: `${http.url}/root.der` } });
  inter = root.issueCa('Doctor Inter', { publish: { caIssuers: `${http.url}/inter.der` } });
  leaf = inter.issueLeaf('shop', { san: ['DNS:shop.example.test', 'IP:127.0.0.1'] });
  routes.set('/inter.der', { body: derOf(inter.pem), type: 'application/pkix-cert' });
  routes.set('/root.der', { body: derOf(root.pem), type: 'application/pkix-cert' });
  routes.set('/junk.der', { body: 'not a certificate', type: 'application/pkix-cert' });
});
after(() => http.close());

const doctor = (over: Partial<DoctorInput>) =>
  runDoctor({ input: [], trust: [derOf(root.pem)], systemRoots: true, hostName: null, at: Date.now(), purpose: 'serverAuth', fetchMissing: true, revocation: 'none', net: nodeNetwork, ...over });
const codes = (r: { problems: { code: string }[] }) => r.problems.map((p) => p.code);

test('leaf only: the intermediate is downloaded from the AIA server, MISSING_INTERMEDIATE, and the fixed chain checks valid', async () => {
  const phases: string[] = [];
  const r = await doctor({ input: [derOf(leaf.pem)], onProgress: (_f, phase) => phases.push(phase) });
  assert.equal(r.valid, false);
  assert.deepEqual(codes(r), ['MISSING_INTERMEDIATE']);
  assert.equal(r.verdict.message, 'The files lack the intermediate Doctor Inter');
  assert.deepEqual(r.chain.map((c) => [c.role, c.source]), [['leaf', 'input'], ['intermediate', 'aia'], ['root', 'input']]);
  assert.equal(r.chain[1].url, `${http.url}/inter.der`);
  assert.deepEqual(r.fetched.map((f) => [f.kind, f.url, f.ok]), [['aia', `${http.url}/inter.der`, true]]);
  assert.ok(phases.includes(`Downloading the issuer from ${http.url}/inter.der`), phases.join(' | '));
  // The fixed chain: openssl verifies it, and checking it again is valid with nothing downloaded.
  const fixed = join(root.dir, 'doctor-fixed.pem');
  writeFileSync(fixed, r.fixedChainPem!);
  assert.match(openssl(['verify', '-CAfile', root.certPath, '-untrusted', fixed, leaf.certPath]), /: OK/);
  const again = await doctor({ input: dersOf(r.fixedChainPem!), fetchMissing: false });
  assert.equal(again.valid, true, JSON.stringify(again.problems));
  assert.equal(again.verdict.message, 'Valid chain to Doctor Root');
  assert.deepEqual(again.fetched, []);
});

test('leaf + intermediate, the root trusted: valid; without the trust file the root is fetched but not trusted', async () => {
  const ok = await doctor({ input: [derOf(leaf.pem), derOf(inter.pem)] });
  assert.equal(ok.valid, true, JSON.stringify(ok.problems));
  assert.deepEqual(ok.problems, []);
  assert.deepEqual(ok.fetched, []);
  const untrusted = await doctor({ input: [derOf(leaf.pem), derOf(inter.pem)], trust: [] });
  assert.equal(untrusted.valid, false);
  assert.deepEqual(codes(untrusted), ['UNTRUSTED_ROOT']);
  assert.deepEqual(untrusted.fetched.map((f) => f.url), [`${http.url}/root.der`]);
  assert.equal(untrusted.chain[2].source, 'aia');
});

test('wrong order and root included, as the files hold them', async () => {
  const wrong = await doctor({ input: [derOf(inter.pem), derOf(leaf.pem)] });
  assert.equal(wrong.chain[0].sha256, wrong.served[1].sha256, 'the leaf is the one nobody issued');
  assert.deepEqual(codes(wrong), ['WRONG_ORDER']);
  assert.equal(wrong.valid, true);
  const withRoot = await doctor({ input: [derOf(leaf.pem), derOf(inter.pem), derOf(root.pem)] });
  assert.deepEqual(withRoot.problems.map((p) => [p.code, p.severity]), [['CONTAINS_ROOT', 'info']]);
  assert.equal(withRoot.chain[2].source, 'input');
});

test('expired leaf and wrong name: EXPIRED and HOSTNAME_MISMATCH, as openssl verify sees them', async () => {
  const old = inter.issueLeaf('old', { san: ['DNS:old.example.test'], startDate: '20200101000000Z', endDate: '20210101000000Z' });
  const expired = await doctor({ input: [derOf(old.pem), derOf(inter.pem)] });
  assert.ok(codes(expired).includes('EXPIRED'), codes(expired).join());
  assert.equal(expired.valid, false);
  const peer = spawnSync('openssl', ['verify', '-CAfile', root.certPath, '-untrusted', inter.certPath, old.certPath], { encoding: 'utf8' });
  assert.equal(peer.status, 2);
  assert.match(peer.stdout + peer.stderr, /certificate has expired/);
  const wrongName = await doctor({ input: [derOf(leaf.pem), derOf(inter.pem)], hostName: 'other.example.test' });
  assert.deepEqual(codes(wrongName), ['HOSTNAME_MISMATCH']);
  assert.equal(wrongName.verdict.message, 'The certificate is not valid for other.example.test');
  assert.equal((await doctor({ input: [derOf(leaf.pem), derOf(inter.pem)], hostName: '127.0.0.1' })).valid, true);
});

test('each AIA URL is asked once; a body that is not a certificate is a failed download and the issuer stays missing', async () => {
  const junkCa = root.issueCa('Doctor Junk', { publish: { caIssuers: `${http.url}/junk.der` } });
  const orphan = junkCa.issueLeaf('orphan', { san: ['DNS:orphan.example.test'] });
  const before = hits('/junk.der');
  const r = await doctor({ input: [derOf(orphan.pem)] });
  assert.equal(hits('/junk.der') - before, 1);
  assert.deepEqual(codes(r), ['MISSING_INTERMEDIATE']);
  assert.equal(r.fetched[0].ok, false);
  assert.match(r.problems[0].message, /the download from http:\/\/127\.0\.0\.1:\d+\/junk\.der gave no usable issuer/);
});

test('AIA one level at a time: three intermediates fetched in turn up to the trusted root; a caIssuers loop ends', async () => {
  const i1 = root.issueCa('Doctor Level 1', { publish: { caIssuers: `${http.url}/level1.der` } });
  const i2 = i1.issueCa('Doctor Level 2', { publish: { caIssuers: `${http.url}/level2.der` } });
  const i3 = i2.issueCa('Doctor Level 3', { publish: { caIssuers: `${http.url}/level3.der` } });
  const deep = i3.issueLeaf('deep', { san: ['DNS:deep.example.test'] });
  for (const [path, ca] of [['/level1.der', i1], ['/level2.der', i2], ['/level3.der', i3]] as const) routes.set(path, { body: derOf(ca.pem), type: 'application/pkix-cert' });
  const r = await doctor({ input: [derOf(deep.pem)] });
  assert.deepEqual(r.fetched.map((f) => f.url.replace(http.url, '')), ['/level3.der', '/level2.der', '/level1.der']);
  assert.deepEqual(r.chain.map((c) => c.source), ['input', 'aia', 'aia', 'aia', 'input']);
  assert.deepEqual(r.problems.map((p) => [p.code, p.certIndex]), [['MISSING_INTERMEDIATE', 1], ['MISSING_INTERMEDIATE', 2], ['MISSING_INTERMEDIATE', 3]]);
  // An issuer whose own caIssuers points back at itself: one download, then the doctor stops.
  const loop = root.issueCa('Doctor Loop', { publish: { caIssuers: `${http.url}/loop.der` } });
  const loopLeaf = loop.issueLeaf('loop', { san: ['DNS:loop.example.test'] });
  routes.set('/loop.der', { body: derOf(loopLeaf.pem), type: 'application/pkix-cert' });
  const before = hits('/loop.der');
  const stuck = await doctor({ input: [derOf(loopLeaf.pem)], trust: [] });
  assert.equal(hits('/loop.der') - before, 1);
  assert.deepEqual(stuck.problems.map((p) => p.code), ['MISSING_INTERMEDIATE']);
});

test('a cross-signed intermediate: every candidate path listed, the one to the trusted root chosen, the other copy not called unrelated', async () => {
  const other = makeTestPki('Doctor Other Root');
  const ext = join(other.dir, 'cross.ext');
  writeFileSync(ext, '[ext]\nbasicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n');
  const cross = join(other.dir, 'cross.pem');
  // The request from the intermediate's own certificate, so the cross-sign has its subject exactly.
  const csr = join(other.dir, 'cross.csr');
  openssl(['x509', '-x509toreq', '-in', inter.certPath, '-signkey', inter.keyPath, '-out', csr]);
  openssl(['x509', '-req', '-in', csr, '-CA', other.certPath, '-CAkey', other.keyPath, '-set_serial', '77', '-days', '365', '-extfile', ext, '-extensions', 'ext', '-out', cross]);
  const crossDer = derOf(readFileSync(cross, 'utf8'));
  const r = await doctor({ input: [derOf(leaf.pem), derOf(inter.pem), crossDer], trust: [derOf(other.pem)], fetchMissing: false });
  assert.equal(r.valid, true, JSON.stringify(r.problems));
  assert.equal(r.verdict.message, 'Valid chain to Doctor Other Root');
  assert.deepEqual(r.problems, []);
  assert.ok(r.alternatives.length >= 2, JSON.stringify(r.alternatives));
  const chosen = r.alternatives.filter((a) => a.chosen);
  assert.equal(chosen.length, 1);
  assert.deepEqual(chosen[0].names, ['shop.example.test', 'Doctor Inter', 'Doctor Other Root']);
  // The copy signed by Doctor Root leads to a root that was not given: listed, not valid, not "unrelated".
  const interSha = r.served[1].sha256;
  assert.ok(r.alternatives.some((a) => !a.chosen && !a.valid && a.certs[1] === interSha && /whose issuer was not found/.test(a.summary)), JSON.stringify(r.alternatives));
  assert.match(openssl(['verify', '-CAfile', other.certPath, '-untrusted', cross, leaf.certPath]), /: OK/);
});

test('CRLs given with the files: a revoked leaf is REVOKED with no download and no revocation mode; a good one is simply good', async () => {
  const gone = inter.issueLeaf('gone', { san: ['DNS:gone.example.test'] });
  inter.revoke(gone, 'superseded');
  const crlPem = inter.crl();
  const crlPath = join(inter.dir, 'given.crl');
  writeFileSync(crlPath, crlPem);
  const crl = parsePemBlocks(crlPem).find((b) => b.label === 'X509 CRL')!.der;
  const before = http.requests.length;
  const r = await doctor({ input: [derOf(gone.pem), derOf(inter.pem)], crls: [crl], fetchMissing: false });
  assert.equal(http.requests.length, before);
  assert.deepEqual(r.problems.map((p) => p.code), ['REVOKED']);
  assert.deepEqual([r.chain[0].revocation?.status, r.chain[0].revocation?.method, r.chain[0].revocation?.reason], ['revoked', 'crl', 'superseded']);
  assert.match(r.problems[0].message, /A CRL you gave/);
  const peer = spawnSync('openssl', ['verify', '-crl_check', '-CRLfile', crlPath, '-CAfile', root.certPath, '-untrusted', inter.certPath, gone.certPath], { encoding: 'utf8' });
  assert.match(peer.stdout + peer.stderr, /certificate revoked/);
  const fine = await doctor({ input: [derOf(leaf.pem), derOf(inter.pem)], crls: [crl], fetchMissing: false });
  assert.equal(fine.valid, true, JSON.stringify(fine.problems));
  assert.equal(fine.chain[0].revocation?.status, 'good');
  assert.equal(fine.chain[1].revocation, null, 'no CRL given for the intermediate: nothing said');
});

test('no certificate at all: NO_CERTIFICATE, no chain; cancelled before starting: CANCELLED', async () => {
  const none = await doctor({ input: [] });
  assert.deepEqual(codes(none), ['NO_CERTIFICATE']);
  assert.equal(none.fixedChainPem, null);
  const controller = new AbortController();
  controller.abort();
  await rejectsWith(doctor({ input: [derOf(leaf.pem)], signal: controller.signal }), 'CANCELLED');
});
