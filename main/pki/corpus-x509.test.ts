/**
 * pyca/cryptography's X.509 vectors, against OpenSSL: every file OpenSSL reads as a certificate, CSR or CRL
 * (x509-manifest.tsv, by trying OpenSSL, not by the corpus index's label) we read to the same DER, with the same
 * extensions in the same order and criticality, and the same decoded values as `openssl -text`
 * (x509-openssl.json): GeneralNames (DNS, IP, email, URI, dirName, otherName) in SAN, IAN, AIA, SIA, CRL DP and
 * AKI, key usage, EKU, basic constraints, key identifiers, policies and their qualifiers, CRL DP reasons, CRL
 * numbers. Names are compared by their attribute values and serials by value, so the comparison holds whether
 * names print as OpenSSL's one-line form or RFC 4514. Files OpenSSL does not read get an asserted answer.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fixture, fixtureBytes, fixtureJson } from '../../test/helpers/fixtures';
import { assertSameExtensions, compared } from '../../test/helpers/compare-extensions';
import { digest } from './crypto';
import { describeObject } from './describe';
import { isPkiError } from './errors';
import { readBytes } from './read';

const rows = readFileSync(fixture('corpus', 'pyca', 'x509-manifest.tsv'), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((l) => l.split('\t'))
  .map(([path, kind, sha256]) => ({ path, kind, sha256 }));
const opensslText = fixtureJson<Record<string, string>>('corpus', 'pyca', 'x509-openssl.json');

const SECTION: Record<string, string> = { certificate: 'X509v3 extensions', csr: 'Requested Extensions', crl: 'CRL extensions' };

test('the pyca x509 manifest covers certificates, CSRs and CRLs', () => {
  assert.equal(rows.filter((r) => r.kind === 'certificate').length, 106);
  assert.equal(rows.filter((r) => r.kind === 'csr').length, 25);
  assert.equal(rows.filter((r) => r.kind === 'crl').length, 24);
  assert.equal(Object.keys(opensslText).length, 155, 'an OpenSSL dump for every file OpenSSL reads');
  // The index labels this "other PEM"; OpenSSL reads it (an "X509 CERTIFICATE" PEM block).
  assert.equal(rows.find((r) => r.path === 'x509/cryptography.io.old_header.pem')?.kind, 'certificate');
});

for (const row of rows.filter((r) => SECTION[r.kind])) {
  test(`pyca ${row.path}: the same ${row.kind} and extensions as OpenSSL`, async () => {
    const result = await readBytes(fixtureBytes('corpus', 'pyca', row.path));
    const first = result.objects.find((o) => o.kind === row.kind);
    assert.ok(first && 'der' in first, `no ${row.kind} found`);
    const dto = describeObject(first, { id: 'x', now: new Date() });
    assert.equal((dto as { sha256?: string }).sha256, row.sha256);
    assertSameExtensions('extensions' in dto ? dto.extensions : [], opensslText[row.path], SECTION[row.kind], row.path);
  });
}

// What each file OpenSSL does not read as X.509 gives here, asserted (not merely "no crash").
const NOT_X509: Record<string, (r: Awaited<ReturnType<typeof readBytes>> | null, error: unknown) => void> = {
  // A bare TBSCertificate (no signature): nothing Certbench opens.
  'x509/cryptography-scts-tbs-precert.der': (_r, e) => assert.ok(isPkiError(e) && e.code === 'UNRECOGNIZED_FORMAT', String(e)),
  // OpenSSL refuses these names; Certbench shows the certificate (the name problems are its own to report).
  'x509/custom/invalid_utf8_common_name.pem': (r) => assert.deepEqual(r?.objects.map((o) => o.kind), ['certificate']),
  'x509/custom/long-form-name-attribute.pem': (r) => assert.deepEqual(r?.objects.map((o) => o.kind), ['certificate']),
  'x509/custom/ca/ca_key.pem': (r) => assert.deepEqual(r?.objects.map((o) => o.kind), ['privateKey']),
  'x509/custom/ca/rsa_key.pem': (r) => assert.deepEqual(r?.objects.map((o) => o.kind), ['privateKey']),
};

test('every file OpenSSL does not read as X.509 has an asserted outcome', () => {
  assert.deepEqual(rows.filter((r) => !SECTION[r.kind]).map((r) => r.path).sort(), Object.keys(NOT_X509).sort());
});

for (const [path, check] of Object.entries(NOT_X509)) {
  test(`pyca ${path}: not X.509 to OpenSSL, and what Certbench says`, async () => {
    const bytes = fixtureBytes('corpus', 'pyca', path);
    let result: Awaited<ReturnType<typeof readBytes>> | null = null;
    let error: unknown = null;
    try {
      result = await readBytes(bytes);
    } catch (e) {
      error = e;
      assert.ok(isPkiError(e), `untyped error: ${String(e)}`);
    }
    check(result, error);
    // A certificate OpenSSL refuses is still the bytes of the PEM block.
    const cert = result?.objects.find((o) => o.kind === 'certificate');
    if (cert && 'der' in cert) {
      const body = Buffer.from(readFileSync(fixture('corpus', 'pyca', path), 'utf8').replace(/-----[^-]+-----|\s/g, ''), 'base64');
      assert.deepEqual(Buffer.from(digest('sha256', cert.der)), Buffer.from(digest('sha256', new Uint8Array(body))));
    }
  });
}

test('the comparisons ran on every kind of value they claim', () => {
  // Filled by the tests above (node runs a file's tests in order).
  for (const what of ['GeneralName DNS', 'GeneralName IP Address', 'GeneralName email', 'GeneralName URI', 'GeneralName DirName', 'GeneralName othername', 'key usage', 'extended key usage', 'basic constraints', 'subject key identifier', 'authority key identifier', 'certificate policies', 'CRL distribution points', 'information access', 'CRL number']) {
    assert.ok((compared.get(what) ?? 0) > 0, `${what}: never compared`);
  }
});
