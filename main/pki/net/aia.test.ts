/** downloadIssuers from a real local AIA server: DER, PEM, PKCS#7 (DER and PEM, made by openssl), and bodies that are not certificates. */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { after, before, test } from 'node:test';
import { localHttpServer, type LocalServer } from '../../../test/helpers/local-http';
import { makeTestPki, openssl, type TestCaHandle } from '../../../test/helpers/test-pki';
import { hex } from '../der/der';
import { digest } from '../crypto';
import { downloadIssuers } from './aia';
import { nodeNetwork } from './node-network';

let server: LocalServer;
let root: TestCaHandle;
let sub: TestCaHandle;
const bodies = new Map<string, { type: string; body: Buffer }>();
const sha = (der: Uint8Array) => hex(digest('sha256', der)).toUpperCase();
const opensslFingerprint = (pem: string) => openssl(['x509', '-noout', '-fingerprint', '-sha256'], pem).trim().replace(/^.*=/, '').replace(/:/g, '');

before(async () => {
  root = makeTestPki('AIA Test Root');
  sub = root.issueCa('AIA Test Sub');
  const der = (pem: string) => execFileSync('openssl', ['x509', '-outform', 'DER'], { input: pem });
  bodies.set('/sub.cer', { type: 'application/pkix-cert', body: der(sub.pem) });
  bodies.set('/sub.pem', { type: 'application/x-pem-file', body: Buffer.from(`junk before\n${sub.pem}\n${root.pem}`) });
  bodies.set('/bundle.p7c', { type: 'application/pkcs7-mime', body: p7(true) });
  bodies.set('/bundle-pem.p7c', { type: 'text/plain', body: p7(false) });
  bodies.set('/wrong-type.cer', { type: 'text/html', body: der(sub.pem) });
  bodies.set('/page.html', { type: 'text/html', body: Buffer.from('<html><body>Not here</body></html>') });
  bodies.set('/garbage.cer', { type: 'application/pkix-cert', body: Buffer.from([0x30, 0x82, 0x10, 0x00, 1, 2, 3]) });
  bodies.set('/empty.cer', { type: 'application/pkix-cert', body: Buffer.alloc(0) });
  bodies.set('/key.pem', { type: 'text/plain', body: Buffer.from(openssl(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256'])) });
  server = await localHttpServer((req, res) => {
    const b = bodies.get(req.url ?? '');
    if (b) res.writeHead(200, { 'Content-Type': b.type }).end(b.body);
    else res.writeHead(404).end();
  });

  function p7(derForm: boolean): Buffer {
    const args = ['crl2pkcs7', '-nocrl', '-certfile', sub.certPath, '-certfile', root.certPath];
    return execFileSync('openssl', derForm ? [...args, '-outform', 'DER'] : args);
  }
});

after(async () => {
  await server?.close();
});

test('a DER certificate: the one certificate, as openssl fingerprints it', async () => {
  const r = await downloadIssuers(`${server.url}/sub.cer`, nodeNetwork);
  assert.equal(r.attempt.ok, true, r.attempt.detail);
  assert.equal(r.attempt.kind, 'aia');
  assert.deepEqual(r.certs.map(sha), [opensslFingerprint(sub.pem)]);
  assert.match(r.attempt.detail, /^200, [\d,]+ bytes, application\/pkix-cert, DER, 1 certificate$/);
});

test('PEM with text around it: every certificate in order', async () => {
  const r = await downloadIssuers(`${server.url}/sub.pem`, nodeNetwork);
  assert.deepEqual(r.certs.map(sha), [opensslFingerprint(sub.pem), opensslFingerprint(root.pem)]);
  assert.match(r.attempt.detail, /PEM, 2 certificates$/);
});

test('certs-only PKCS#7 made by openssl crl2pkcs7, DER and PEM', async () => {
  for (const path of ['/bundle.p7c', '/bundle-pem.p7c']) {
    const r = await downloadIssuers(`${server.url}${path}`, nodeNetwork);
    assert.equal(r.attempt.ok, true, r.attempt.detail);
    assert.deepEqual(new Set(r.certs.map(sha)), new Set([opensslFingerprint(sub.pem), opensslFingerprint(root.pem)]));
    assert.match(r.attempt.detail, /PKCS#7, 2 certificates$/);
  }
});

test('the content type is only a hint: DER served as text/html is still read', async () => {
  const r = await downloadIssuers(`${server.url}/wrong-type.cer`, nodeNetwork);
  assert.deepEqual(r.certs.map(sha), [opensslFingerprint(sub.pem)]);
});

test('bodies that are not certificates: ok=false with why, never a throw', async () => {
  const cases: [string, RegExp][] = [
    ['/page.html', /neither a certificate/],
    ['/garbage.cer', /unreadable DER|not a certificate/],
    ['/empty.cer', /empty/],
    ['/key.pem', /no readable certificate \(blocks: PRIVATE KEY\)/],
  ];
  for (const [path, why] of cases) {
    const r = await downloadIssuers(`${server.url}${path}`, nodeNetwork);
    assert.equal(r.attempt.ok, false, path);
    assert.deepEqual(r.certs, []);
    assert.match(r.attempt.detail, why, path);
  }
});

test('network trouble and bad schemes are attempts that failed', async () => {
  const missing = await downloadIssuers(`${server.url}/nothing.cer`, nodeNetwork);
  assert.equal(missing.attempt.ok, false);
  assert.match(missing.attempt.detail, /HTTP 404/);
  const ldap = await downloadIssuers('ldap://ldap.example/cn=CA?cACertificate', nodeNetwork);
  assert.equal(ldap.attempt.ok, false);
  assert.match(ldap.attempt.detail, /only http: and https:/);
});
