/**
 * writeSelfSigned against OpenSSL: `openssl verify -x509_strict` accepts each certificate as its own anchor,
 * `openssl x509 -text` reads the fields that were asked, the dates span `days` from `now` (UTCTime before
 * 2050, GeneralizedTime from 2050), and `openssl req -x509` on the same key with the same extension lines
 * writes the same subject, issuer, key and extensions (SKI/AKI included) byte for byte. A CA certificate
 * signs a leaf made by `openssl x509 -req`, which then verifies against it.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { CsrSpecDto, KeySpecName } from '../../api/dto';
import { openssl, opensslRequest, reqConfig, Scratch } from '../../../test/helpers/openssl-req';
import { opensslExtensions } from '../../../test/helpers/openssl-extensions';
import { children, readRoot, whole } from '../der/der';
import { generateKey } from '../keys/generate';
import { writePrivateKey } from '../keys/write';
import { writeSelfSigned } from './certificate-write';

const scratch = new Scratch();
after(() => scratch.remove());

const NOW = new Date('2026-03-04T05:06:07.890Z');
const DAY = 86_400_000;

const SPEC: CsrSpecDto = {
  subject: [{ type: 'C', value: 'US' }, { type: 'O', value: 'Lab' }, { type: 'CN', value: 'lab.example.test' }],
  san: [{ type: 'DNS', value: '*.lab.example.test' }, { type: 'IP', value: '10.1.2.3' }],
  cnAsSan: true,
  keyUsage: ['digitalSignature', 'keyEncipherment'],
  extendedKeyUsage: ['serverAuth'],
  signatureHash: 'sha256',
};

const X509_EXTENSIONS = [
  'basicConstraints = critical, CA:FALSE',
  'subjectAltName = DNS:lab.example.test, DNS:*.lab.example.test, IP:10.1.2.3',
  'keyUsage = digitalSignature, keyEncipherment',
  'extendedKeyUsage = serverAuth',
  'subjectKeyIdentifier = hash',
  'authorityKeyIdentifier = keyid:always',
];

/** TBSCertificate parts: [version, serial, signature, issuer, validity, subject, spki, extensions]. */
const tbsParts = (der: Uint8Array) => children(children(readRoot(der))[0]).map((t) => Buffer.from(whole(t)).toString('hex'));
const epoch = (d: Date) => String(Math.floor(d.getTime() / 1000));

function dates(file: string): { notBefore: Date; notAfter: Date } {
  const r = openssl(['x509', '-in', file, '-inform', 'DER', '-noout', '-startdate', '-enddate']);
  const get = (k: string) => new Date(new RegExp(`${k}=(.+)`).exec(r.stdout)![1]);
  return { notBefore: get('notBefore'), notAfter: get('notAfter') };
}

for (const key of ['rsa:2048', 'ec:P-384', 'ed25519'] as KeySpecName[]) {
  describe(`self-signed end-entity certificate, ${key}`, () => {
    let pkcs8: Uint8Array;
    let keyFile: string;
    let cert: Uint8Array;
    let certFile: string;
    before(async () => {
      pkcs8 = await generateKey(key);
      keyFile = scratch.write('key.der', pkcs8);
      cert = writeSelfSigned(SPEC, pkcs8, { days: 30, ca: false, now: NOW });
      certFile = scratch.write('cert.der', cert);
    });

    test('openssl verify -x509_strict accepts it as its own anchor, for a TLS server', () => {
      const pem = scratch.path('cert.pem');
      assert.equal(openssl(['x509', '-inform', 'DER', '-in', certFile, '-out', pem]).status, 0);
      const r = openssl(['verify', '-x509_strict', '-purpose', 'sslserver', '-attime', epoch(new Date(NOW.getTime() + DAY)), '-CAfile', pem, pem]);
      assert.equal(r.status, 0, r.stdout + r.stderr);
      assert.match(r.stdout, /: OK/);
      const expired = openssl(['verify', '-x509_strict', '-attime', epoch(new Date(NOW.getTime() + 31 * DAY)), '-CAfile', pem, pem]);
      assert.notEqual(expired.status, 0, 'not valid after its 30 days');
    });

    test('openssl reads the subject, issuer, extensions and a 16-byte positive serial', () => {
      const r = openssl(['x509', '-inform', 'DER', '-in', certFile, '-noout', '-text', '-nameopt', 'RFC2253']);
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, /Version: 3 \(0x2\)/);
      assert.match(r.stdout, /Subject: CN=lab\.example\.test,O=Lab,C=US\n/);
      assert.match(r.stdout, /Issuer: CN=lab\.example\.test,O=Lab,C=US\n/);
      const exts = opensslExtensions(r.stdout, 'X509v3 extensions');
      assert.deepEqual(exts.slice(0, 4), [
        { name: 'X509v3 Basic Constraints', critical: true, lines: ['CA:FALSE'] },
        { name: 'X509v3 Subject Alternative Name', critical: false, lines: ['DNS:lab.example.test, DNS:*.lab.example.test, IP Address:10.1.2.3'] },
        { name: 'X509v3 Key Usage', critical: false, lines: ['Digital Signature, Key Encipherment'] },
        { name: 'X509v3 Extended Key Usage', critical: false, lines: ['TLS Web Server Authentication'] },
      ]);
      assert.deepEqual(exts.slice(4).map((e) => e.name), ['X509v3 Subject Key Identifier', 'X509v3 Authority Key Identifier']);
      const serial = /serial=([0-9A-F]+)/.exec(openssl(['x509', '-inform', 'DER', '-in', certFile, '-noout', '-serial']).stdout)![1];
      assert.equal(serial.length, 32);
      assert.ok(parseInt(serial[0], 16) < 8 && serial.slice(0, 2) !== '00');
      const again = writeSelfSigned(SPEC, pkcs8, { days: 30, ca: false, now: NOW });
      assert.notEqual(tbsParts(again)[1], tbsParts(cert)[1], 'serials are random');
    });

    test('the validity starts at now (to the second) and spans the days asked', () => {
      const { notBefore, notAfter } = dates(certFile);
      assert.equal(notBefore.toISOString(), '2026-03-04T05:06:07.000Z');
      assert.equal(notAfter.getTime() - notBefore.getTime(), 30 * DAY);
    });

    test('openssl req -x509 with the same key and extension lines writes the same names, key and extensions', () => {
      const theirs = opensslRequest(scratch, keyFile, reqConfig({ subject: [['C', 'US'], ['O', 'Lab'], ['CN', 'lab.example.test']], extensions: X509_EXTENSIONS, x509: true }), [
        '-x509', '-days', '30', ...(key === 'ed25519' ? [] : ['-sha256']),
      ]);
      const ours = tbsParts(cert);
      const other = tbsParts(theirs);
      assert.equal(ours.length, 8);
      for (const i of [0, 2, 3, 5, 6, 7]) assert.equal(ours[i], other[i], `TBSCertificate element ${i}`);
    });
  });
}

describe('self-signed CA certificate', () => {
  let pkcs8: Uint8Array;
  let caPem: string;
  before(async () => {
    pkcs8 = await generateKey('ec:P-256');
    const ca = writeSelfSigned(
      { ...SPEC, subject: [{ type: 'O', value: 'Lab' }, { type: 'CN', value: 'Lab Root CA' }], san: [], cnAsSan: false, keyUsage: ['digitalSignature'], extendedKeyUsage: [] },
      pkcs8,
      { days: 3650, ca: true, pathLength: 1 },
    );
    caPem = scratch.path('ca.pem');
    assert.equal(openssl(['x509', '-inform', 'DER', '-in', scratch.write('ca.der', ca), '-out', caPem]).status, 0);
  });

  test('is CA:TRUE with its path length, and keyCertSign/cRLSign in a critical key usage', () => {
    const r = openssl(['x509', '-in', caPem, '-noout', '-text']);
    const exts = opensslExtensions(r.stdout, 'X509v3 extensions');
    assert.deepEqual(exts.slice(0, 2), [
      { name: 'X509v3 Basic Constraints', critical: true, lines: ['CA:TRUE, pathlen:1'] },
      { name: 'X509v3 Key Usage', critical: true, lines: ['Digital Signature, Certificate Sign, CRL Sign'] },
    ]);
    const ski = exts.find((e) => e.name === 'X509v3 Subject Key Identifier')!.lines[0];
    assert.deepEqual(exts.find((e) => e.name === 'X509v3 Authority Key Identifier')!.lines, [ski]);
  });

  test('signs a leaf (openssl x509 -req) that verifies against it with -x509_strict', async () => {
    const caKey = scratch.write('ca-key.pem', await writePrivateKey(pkcs8, 'pkcs8', {}));
    const leafKey = scratch.write('leaf-key.der', await generateKey('ec:P-256'));
    const csr = scratch.path('leaf.csr');
    assert.equal(openssl(['req', '-new', '-config', scratch.write('empty.cnf', ''), '-key', leafKey, '-keyform', 'DER', '-subj', '/CN=leaf.lab', '-out', csr]).status, 0);
    const ext = scratch.write('leaf.ext', 'subjectAltName = DNS:leaf.lab\nauthorityKeyIdentifier = keyid\nbasicConstraints = critical, CA:FALSE\n');
    const leaf = scratch.path('leaf.pem');
    const signedBy = openssl(['x509', '-req', '-in', csr, '-CA', caPem, '-CAkey', caKey, '-CAcreateserial', '-days', '5', '-extfile', ext, '-out', leaf]);
    assert.equal(signedBy.status, 0, signedBy.stderr);
    const r = openssl(['verify', '-x509_strict', '-CAfile', caPem, leaf]);
    assert.equal(r.status, 0, r.stdout + r.stderr);
  });
});

describe('validity encoding', () => {
  test('UTCTime from 1950 through 2049, GeneralizedTime from 2050 (RFC 5280 4.1.2.5)', async () => {
    const pkcs8 = await generateKey('ed25519');
    const cert = writeSelfSigned(SPEC, pkcs8, { days: 60, ca: false, now: new Date('2049-12-01T00:00:00Z') });
    const file = scratch.write('y2050.der', cert);
    const parsed = openssl(['asn1parse', '-inform', 'DER', '-in', file]);
    assert.match(parsed.stdout, /UTCTIME\s+:491201000000Z/);
    assert.match(parsed.stdout, /GENERALIZEDTIME\s+:20500130000000Z/);
    const { notAfter } = dates(file);
    assert.equal(notAfter.toISOString(), '2050-01-30T00:00:00.000Z');
    const early = scratch.write('y1950.der', writeSelfSigned(SPEC, pkcs8, { days: 1, ca: false, now: new Date('1950-01-01T00:00:00Z') }));
    assert.match(openssl(['asn1parse', '-inform', 'DER', '-in', early]).stdout, /UTCTIME\s+:500101000000Z/);
    assert.equal(dates(early).notBefore.toISOString(), '1950-01-01T00:00:00.000Z');
  });
});
