/** The universal reader over OpenSSL-made certificates, CSRs, CRLs and bundles, checked against OpenSSL's own answers. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fixtureBytes, fixtureJson } from '../../test/helpers/fixtures';
import type { CertificateDto, CrlDto, CsrDto } from '../api/dto';
import { describeObject } from './describe';
import type { RawObject } from './model';
import { readBytes } from './read';

const manifest = fixtureJson('x509', 'manifest.json');
const now = new Date('2026-11-23T00:00:00Z');

function describeAll(objects: RawObject[]) {
  return objects.map((o, i) => describeObject(o, { id: `t/${i}`, now }));
}

async function open(name: string) {
  const r = await readBytes(fixtureBytes('x509', name));
  return { result: r, objects: describeAll(r.objects) };
}

test('PEM certificate: fingerprint, SPKI, serial and subject equal OpenSSL', async () => {
  for (const name of ['root.pem', 'inter.pem', 'leaf.pem', 'client-ed25519.pem']) {
    const { result, objects } = await open(name);
    assert.equal(result.format, 'pem');
    const cert = objects[0] as CertificateDto;
    assert.equal(cert.kind, 'certificate');
    assert.equal(cert.sha256, manifest[name].sha256, name);
    assert.equal(cert.spkiSha256, manifest[name].spkiSha256, name);
    assert.equal(cert.serial, manifest[name].serial, name);
    assert.equal(cert.subject, manifest[name].subject, name);
  }
});

test('leaf details: SAN of every kind, key usages, EKU, AIA, CRL DP, policies, TLS feature', async () => {
  const cert = (await open('leaf.pem')).objects[0] as CertificateDto;
  assert.deepEqual(cert.san, ['DNS:www.example.test', 'DNS:*.api.example.test', 'IP:127.0.0.1', 'IP:0:0:0:0:0:0:0:1', 'email:ops@example.test', 'URI:https://www.example.test/']);
  assert.deepEqual(cert.keyUsage, ['digitalSignature', 'keyEncipherment']);
  assert.deepEqual(cert.extendedKeyUsage, ['serverAuth', 'clientAuth']);
  assert.equal(cert.isCA, false);
  assert.equal(cert.selfSigned, false);
  assert.equal(cert.signatureAlgorithm, 'ecdsa-with-SHA384');
  assert.equal(cert.keyAlgorithm, 'RSA');
  assert.equal(cert.keySize, 2048);
  const byName = Object.fromEntries(cert.extensions.map((e) => [e.name, e]));
  assert.deepEqual(byName['Authority Information Access'].lines, ['OCSP - URI:http://127.0.0.1:8081/ocsp', 'CA Issuers - URI:http://127.0.0.1:8080/inter.crt']);
  assert.deepEqual(byName['CRL Distribution Points'].lines, ['Full Name: URI:http://127.0.0.1:8080/inter.crl']);
  assert.match(byName['Certificate Policies'].lines[0], /Domain Validated/);
  assert.deepEqual(byName['TLS Feature'].lines, ['status_request (OCSP Must-Staple)']);
  assert.equal(byName['Key Usage'].critical, true);
  assert.ok(cert.extensions.every((e) => !e.error));
});

test('intermediate: CA with path length, name constraints, EC P-384 key', async () => {
  const cert = (await open('inter.pem')).objects[0] as CertificateDto;
  assert.equal(cert.isCA, true);
  assert.equal(cert.pathLen, 0);
  assert.equal(cert.curve, 'P-384');
  const nc = cert.extensions.find((e) => e.name === 'Name Constraints');
  assert.deepEqual(nc?.lines, ['Permitted: DNS:.example.test', 'Excluded: IP:10.0.0.0/255.0.0.0']);
});

test('root is self-signed; Ed25519 client certificate is not', async () => {
  assert.equal(((await open('root.pem')).objects[0] as CertificateDto).selfSigned, true);
  const client = (await open('client-ed25519.pem')).objects[0] as CertificateDto;
  assert.equal(client.selfSigned, false);
  assert.equal(client.keyAlgorithm, 'Ed25519');
  assert.deepEqual(client.san, ['email:api-user-42@example.test']);
});

test('bundles: chain, CRLF, indented text around blocks, DER, P7B (PEM and DER) give the same three certificates', async () => {
  const expected = ['leaf.pem', 'inter.pem', 'root.pem'].map((n) => manifest[n].sha256);
  for (const name of ['chain.pem', 'chain-crlf.pem', 'chain.p7b', 'chain-der.p7b']) {
    const { objects } = await open(name);
    assert.deepEqual(objects.map((o) => (o as CertificateDto).sha256), expected, name);
  }
  const withText = await open('chain-with-text.pem');
  assert.deepEqual(withText.objects.map((o) => (o as CertificateDto).sha256), expected.slice(0, 2));
  const der = await open('leaf.der');
  assert.equal(der.result.format, 'der');
  assert.equal((der.objects[0] as CertificateDto).sha256, manifest['leaf.pem'].sha256);
  assert.equal((await open('chain-der.p7b')).result.format, 'pkcs7');
});

test('TRUSTED CERTIFICATE is read as the certificate, marked trusted', async () => {
  const cert = (await open('root-trusted.pem')).objects[0] as CertificateDto;
  assert.equal(cert.sha256, manifest['root.pem'].sha256);
  assert.equal(cert.trusted, true);
});

test('CSR: PEM, NEW CERTIFICATE REQUEST and DER; SANs, usages, valid signature', async () => {
  for (const name of ['host.csr', 'host-new.csr', 'host-csr.der']) {
    const { objects } = await open(name);
    const csr = objects[0] as CsrDto;
    assert.equal(csr.kind, 'csr', name);
    assert.equal(csr.sha256, manifest['host.csr'].sha256, name);
    assert.equal(csr.signatureValid, true);
    assert.deepEqual(csr.san, ['DNS:host.example.test', 'DNS:alt.example.test', 'IP:192.0.2.7']);
    assert.deepEqual(csr.extendedKeyUsage, ['serverAuth']);
    assert.equal(csr.spkiSha256, manifest['leaf.key'].spkiSha256);
  }
  const ec = (await open('ec.csr')).objects[0] as CsrDto;
  assert.equal(ec.signatureValid, true);
  assert.equal(ec.curve, 'P-384');
});

test('a CSR whose signature was tampered with is reported invalid', async () => {
  const der = fixtureBytes('x509', 'host-csr.der');
  der[der.length - 5] ^= 0xff;
  const r = await readBytes(der);
  assert.equal((describeAll(r.objects)[0] as CsrDto).signatureValid, false);
});

test('CRL: PEM and DER, issuer, number, the revoked leaf with its reason', async () => {
  for (const name of ['inter.crl', 'inter-crl.der']) {
    const crl = (await open(name)).objects[0] as CrlDto;
    assert.equal(crl.kind, 'crl');
    assert.equal(crl.issuer, manifest['inter.pem'].subject);
    assert.equal(crl.revokedCount, 1);
    assert.equal(crl.revoked[0].serial, manifest['leaf.pem'].serial);
    assert.equal(crl.revoked[0].reason, 'keyCompromise');
    assert.equal(crl.crlNumber, '4096');
  }
});

test('validity: days left counted from now, expired state', async () => {
  const cert = (await open('leaf.pem')).objects[0] as CertificateDto;
  const expectedDays = Math.floor((Date.parse(cert.notAfter ?? '') - now.getTime()) / 86_400_000);
  assert.equal(cert.daysLeft, expectedDays);
  const later = describeObject((await readBytes(fixtureBytes('x509', 'short-lived.pem'))).objects[0], { id: 'x', now: new Date('2100-01-01T00:00:00Z') }) as CertificateDto;
  assert.equal(later.validity, 'expired');
  assert.ok((later.daysLeft ?? 0) < 0);
});

test('a certificate with an invalid time is still shown, its validity marked invalid (as OpenSSL\'s "Bad time value")', async () => {
  const r = await readBytes(fixtureBytes('corpus', 'pyca', 'x509', 'badasn1time.pem'));
  const cert = describeAll(r.objects)[0] as CertificateDto;
  assert.equal(cert.kind, 'certificate');
  assert.equal(cert.notAfter, null);
  assert.equal(cert.notBefore, '2011-03-21T09:25:52.000Z');
  assert.equal(cert.validity, 'invalid-time');
});
