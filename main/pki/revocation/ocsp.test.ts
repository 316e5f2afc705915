/**
 * OCSP request and response checking against OpenSSL: our request read back by `openssl ocsp -reqin
 * -req_text` and byte-compared with the request openssl builds; `openssl ocsp` as a local responder over
 * test CAs (good, revoked, unknown, delegated responder, an imposter signer, nonce); every verdict compared
 * with `openssl ocsp -issuer -cert -url`'s own.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { startOcspResponder, type OcspResponder } from '../../../test/helpers/ocsp-responder';
import { makeTestPki, type IssuedCert, type TestCaHandle } from '../../../test/helpers/test-pki';
import { chainCert } from '../chain/chain-cert';
import { parsePemBlocks } from '../formats/pem-blocks';
import { httpFetch } from '../net/http-fetch';
import { ocspRequest } from './ocsp-request';
import { checkOcspResponse, type OcspVerdict } from './ocsp-verify';

const work = mkdtempSync(join(tmpdir(), 'certbench-ocsp-'));
const der = (pem: string) => parsePemBlocks(pem)[0].der;
const cc = (pem: string) => chainCert(der(pem));

let root: TestCaHandle;
let ca: TestCaHandle;
let imposter: TestCaHandle;
let good: IssuedCert, revoked: IssuedCert, forgotten: IssuedCert, responderCert: IssuedCert, noEkuResponder: IssuedCert, imposterSigner: IssuedCert;
const responders: OcspResponder[] = [];
let direct: OcspResponder, delegated: OcspResponder, delegatedByKey: OcspResponder, noEku: OcspResponder, wrongKey: OcspResponder, wrongKeyNoCerts: OcspResponder;

before(async () => {
  root = makeTestPki('OCSP Test Root');
  ca = root.issueCa('OCSP Test CA');
  good = ca.issueLeaf('good', { san: ['DNS:good.test'] });
  revoked = ca.issueLeaf('revoked', { san: ['DNS:revoked.test'] });
  forgotten = ca.issueLeaf('forgotten', { san: ['DNS:forgotten.test'] });
  responderCert = ca.issueLeaf('responder', { cn: 'OCSP Test CA Responder', san: [], eku: 'OCSPSigning' });
  noEkuResponder = ca.issueLeaf('no-eku-responder', { cn: 'OCSP Test CA Not A Responder', san: [], eku: 'serverAuth' });
  ca.revoke(revoked, 'keyCompromise');
  // "forgotten": issued by the CA but not in the index the responder reads, so it answers unknown.
  const index = readFileSync(ca.indexPath, 'utf8');
  writeFileSync(ca.indexPath, index.split('\n').filter((l) => !l.includes(`\t${forgotten.serial}\t`)).join('\n'));
  // A CA with the same name but another key: what it signs looks like the issuer's name, not its key.
  imposter = makeTestPki('OCSP Test CA');
  imposterSigner = imposter.issueLeaf('imposter-responder', { cn: 'OCSP Test CA Responder', san: [], eku: 'OCSPSigning' });

  // Each kept as soon as it runs, so after() stops it even when a later one fails to start.
  const start = async (options: Parameters<typeof startOcspResponder>[1]) => {
    const responder = await startOcspResponder(ca, options);
    responders.push(responder);
    return responder;
  };
  direct = await start({ ndays: 1 });
  delegated = await start({ signer: responderCert });
  delegatedByKey = await start({ signer: responderCert, keyId: true });
  noEku = await start({ signer: noEkuResponder });
  wrongKey = await start({ signer: imposter });
  wrongKeyNoCerts = await start({ signer: imposter, noCerts: true });
});

after(async () => {
  await Promise.all(responders.map((r) => r.close()));
});

async function ask(responder: OcspResponder, leaf: IssuedCert, nonce?: Uint8Array): Promise<Uint8Array> {
  const body = ocspRequest(cc(leaf.pem), cc(ca.pem), { nonce });
  const r = await httpFetch({ url: responder.url, method: 'POST', body, contentType: 'application/ocsp-request' });
  return r.body;
}

function verdict(response: Uint8Array, leaf: IssuedCert, extra: { nonce?: Uint8Array; at?: number; maxAgeMs?: number } = {}): OcspVerdict {
  return checkOcspResponse(response, { cert: cc(leaf.pem), issuer: cc(ca.pem), at: extra.at ?? Date.now(), nonce: extra.nonce, maxAgeMs: extra.maxAgeMs, others: [cc(root.pem)] });
}

/** OpenSSL's own client against the same responder: its status line and whether it trusted the response. */
function opensslClient(responder: OcspResponder, leaf: IssuedCert): { status: string; verified: boolean } {
  const args = ['ocsp', '-issuer', ca.certPath, '-cert', leaf.certPath, '-url', responder.url, '-CAfile', root.certPath, '-verify_other', ca.certPath];
  let out: string;
  try {
    out = execFileSync('openssl', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return { status: statusOf(out), verified: true };
  } catch (e) {
    out = String((e as { stdout?: string }).stdout ?? '');
    return { status: statusOf(out), verified: false };
  }
}
const statusOf = (out: string) => /: (good|revoked|unknown)/.exec(out)?.[1] ?? 'none';

test('our request without a nonce is byte-for-byte the request openssl builds', () => {
  const file = join(work, 'openssl-req.der');
  execFileSync('openssl', ['ocsp', '-issuer', ca.certPath, '-cert', good.certPath, '-no_nonce', '-reqout', file]);
  assert.deepEqual(Buffer.from(ocspRequest(cc(good.pem), cc(ca.pem))), readFileSync(file));
});

test('our request with a nonce, read back by openssl ocsp -req_text', () => {
  const nonce = Uint8Array.from({ length: 32 }, (_, i) => i + 1);
  const file = join(work, 'ours.der');
  writeFileSync(file, ocspRequest(cc(good.pem), cc(ca.pem), { nonce }));
  const text = execFileSync('openssl', ['ocsp', '-reqin', file, '-req_text'], { encoding: 'utf8' });
  assert.match(text, /Hash Algorithm: sha1/);
  assert.match(text, new RegExp(`Serial Number: ${good.serial}`));
  assert.match(text, /OCSP Nonce:\s+0420(0102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F20)/i);
  // The issuer hashes are the ones openssl computes for the same pair.
  const theirs = execFileSync('openssl', ['ocsp', '-issuer', ca.certPath, '-cert', good.certPath, '-req_text', '-no_nonce', '-reqout', join(work, 'x.der')], { encoding: 'utf8' });
  const hashes = (t: string) => [...t.matchAll(/Issuer (Name|Key) Hash: ([0-9A-F]+)/g)].map((m) => m[2]);
  assert.deepEqual(hashes(text), hashes(theirs));
  assert.throws(() => ocspRequest(cc(good.pem), cc(ca.pem), { nonce: new Uint8Array(33) }), /1 to 32 bytes/);
});

test('direct responder: good, with nextUpdate, as openssl sees it', async () => {
  const v = verdict(await ask(direct, good), good);
  assert.equal(v.failure, null, v.result.detail);
  assert.equal(v.result.status, 'good');
  assert.match(v.result.detail, /says good, signed by the issuer, fresh until/);
  assert.ok(v.result.nextUpdate && Date.parse(v.result.nextUpdate) > Date.now());
  assert.deepEqual(opensslClient(direct, good), { status: 'good', verified: true });
});

test('revoked after ca.revoke: the date and keyCompromise, as openssl sees it', async () => {
  const v = verdict(await ask(direct, revoked), revoked);
  assert.equal(v.result.status, 'revoked');
  assert.equal(v.result.reason, 'keyCompromise');
  assert.ok(v.result.revokedAt && Math.abs(Date.parse(v.result.revokedAt) - Date.now()) < 10 * 60_000);
  assert.deepEqual(opensslClient(direct, revoked), { status: 'revoked', verified: true });
});

test('a certificate the index does not know: unknown from the responder itself', async () => {
  const v = verdict(await ask(direct, forgotten), forgotten);
  assert.equal(v.failure, null);
  assert.equal(v.result.status, 'unknown');
  assert.match(v.result.detail, /does not know this certificate/);
  assert.deepEqual(opensslClient(direct, forgotten), { status: 'unknown', verified: true });
});

test('a delegated responder with OCSPSigning, named by name and by key hash', async () => {
  for (const responder of [delegated, delegatedByKey]) {
    const v = verdict(await ask(responder, good), good);
    assert.equal(v.failure, null, v.result.detail);
    assert.match(v.result.detail, /signed by the delegated responder CN=OCSP Test CA Responder/);
    assert.deepEqual(opensslClient(responder, good), { status: 'good', verified: true });
  }
  // The same response after the responder certificate expired (it is valid a year) is no longer trusted.
  const late = verdict(await ask(delegated, good), good, { at: Date.now() + 400 * 86_400_000, maxAgeMs: 1000 * 86_400_000 });
  assert.equal(late.failure, 'responder-expired', late.result.detail);
});

test('a responder without OCSPSigning is not authorized; openssl refuses it too', async () => {
  const v = verdict(await ask(noEku, good), good);
  assert.equal(v.failure, 'responder-not-authorized');
  assert.equal(v.result.status, 'unknown');
  assert.match(v.result.detail, /lacks the OCSP Signing extended key usage/);
  assert.equal(opensslClient(noEku, good).verified, false);
});

test('an imposter with the issuer\'s name but another key: not validated, or a bad signature when it sends no certificate', async () => {
  const withCert = verdict(await ask(wrongKey, good), good);
  assert.equal(withCert.failure, 'responder-not-validated', withCert.result.detail);
  const bare = verdict(await ask(wrongKeyNoCerts, good), good);
  assert.equal(bare.failure, 'bad-signature', bare.result.detail);
  assert.match(bare.result.detail, /signature does not verify with the key of O=Certbench Test, ?CN=OCSP Test CA|signature does not verify/);
  assert.equal(opensslClient(wrongKey, good).verified, false);
  assert.equal(opensslClient(wrongKeyNoCerts, good).verified, false);
  // An answer about another issuer's certificate does not answer for ours.
  const imposterLeaf = imposter.issueLeaf('imposter-leaf');
  assert.equal(verdict(await ask(direct, good), imposterLeaf).failure, 'no-response-for-cert');
});

test('nonce round trip: echoed and accepted; another nonce is a replay; no nonce echoed is accepted', async () => {
  const nonce = Uint8Array.from({ length: 32 }, () => Math.floor(Math.random() * 256));
  const response = await ask(direct, good, nonce);
  const file = join(work, 'nonce-response.der');
  writeFileSync(file, response);
  const text = execFileSync('openssl', ['ocsp', '-respin', file, '-resp_text', '-noverify'], { encoding: 'utf8' });
  assert.match(text, new RegExp(`OCSP Nonce:\\s+0420${Buffer.from(nonce).toString('hex')}`, 'i'));
  assert.equal(verdict(response, good, { nonce }).failure, null);
  const other = verdict(response, good, { nonce: new Uint8Array(32).fill(9) });
  assert.equal(other.failure, 'nonce-mismatch');
  assert.equal(other.result.status, 'unknown');
  const noEcho = await ask(direct, good);
  assert.equal(verdict(noEcho, good, { nonce }).failure, null);
});

test('freshness: a response from the future, past its nextUpdate, or too old without one', async () => {
  const withNext = await ask(direct, good);
  assert.equal(verdict(withNext, good, { at: Date.now() - 3_600_000 }).failure, 'not-yet-valid');
  assert.equal(verdict(withNext, good, { at: Date.now() + 2 * 86_400_000 }).failure, 'stale');
  const noNext = await ask(delegated, good);
  assert.equal(verdict(noNext, good, { at: Date.now() + 6 * 86_400_000 }).failure, null);
  const stale = verdict(noNext, good, { at: Date.now() + 8 * 86_400_000 });
  assert.equal(stale.failure, 'stale');
  assert.match(stale.result.detail, /older than 7 days/);
});

test('responder errors and garbage are unknown with the status name, never a throw', () => {
  const tryLater = Uint8Array.from([0x30, 0x03, 0x0a, 0x01, 0x03]);
  const v = verdict(tryLater, good);
  assert.equal(v.failure, 'not-successful');
  assert.match(v.result.detail, /tryLater/);
  const unauthorized = verdict(Uint8Array.from([0x30, 0x03, 0x0a, 0x01, 0x06]), good);
  assert.match(unauthorized.result.detail, /unauthorized/);
  for (const junk of [new Uint8Array(0), Uint8Array.from([1, 2, 3]), Uint8Array.from([0x30, 0x82, 0xff, 0xff])]) {
    assert.equal(verdict(junk, good).failure, 'malformed');
  }
});

test('a response naming the certificate by a SHA-256 or SHA-512 CertID (requests made by openssl -sha256/-sha512) is matched too', async () => {
  for (const hash of ['sha256', 'sha512']) {
    const file = join(work, `req-${hash}.der`);
    execFileSync('openssl', ['ocsp', '-issuer', ca.certPath, `-${hash}`, '-cert', revoked.certPath, '-no_nonce', '-reqout', file]);
    const response = (await httpFetch({ url: direct.url, method: 'POST', body: readFileSync(file), contentType: 'application/ocsp-request' })).body;
    const responseFile = join(work, `resp-${hash}.der`);
    writeFileSync(responseFile, response);
    assert.match(execFileSync('openssl', ['ocsp', '-respin', responseFile, '-resp_text', '-noverify'], { encoding: 'utf8' }), new RegExp(`Hash Algorithm: ${hash}`));
    const v = verdict(response, revoked);
    assert.equal(v.failure, null, v.result.detail);
    assert.equal(v.result.status, 'revoked');
  }
});
