/** Node's Mozilla roots as trust anchors: every one decodable, each decoded once, as openssl reads them; found by issuer name. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { rootCertificates } from 'node:tls';
import { fixture } from '../../../test/helpers/fixtures';
import { openssl } from '../../../test/helpers/test-pki';
import { chainCert } from './chain-cert';
import { systemRoots, systemRootsNamed, userTrust } from './trust-store';

test('systemRoots: every root Node ships, trusted, from the trust store, each decoded once', () => {
  const roots = systemRoots();
  assert.equal(roots.length, rootCertificates.length);
  assert.equal(new Set(roots.map((r) => r.cert.sha256)).size, roots.length);
  assert.ok(roots.every((r) => r.trusted && r.source === 'trust-store' && r.cert.selfIssued));
  const again = systemRoots();
  assert.ok(again.every((r, i) => r === roots[i]), 'the same decoded entries on the second call');
});

test('systemRoots: fingerprints and subjects agree with openssl x509 for a spread of roots', () => {
  const bySha = new Map(systemRoots().map((r) => [r.cert.sha256, r]));
  for (const i of [0, Math.floor(rootCertificates.length / 2), rootCertificates.length - 1]) {
    const out = openssl(['x509', '-noout', '-fingerprint', '-sha256', '-subject', '-nameopt', 'RFC2253'], rootCertificates[i]);
    const root = bySha.get(/Fingerprint=([0-9A-F:]+)/.exec(out)![1].replace(/:/g, ''));
    assert.ok(root, `root ${i} is in the store`);
    assert.equal(/subject=(.*)/.exec(out)![1], root.cert.subject);
  }
});

test('systemRootsNamed: the roots an issuer name points at (ISRG Root X1 for Let\'s Encrypt R3), the same entries as systemRoots', () => {
  const r3 = chainCert(new Uint8Array(readFileSync(fixture('corpus', 'letsencrypt', 'lets-encrypt-r3.der'))));
  const found = systemRootsNamed([r3.issuerKey]);
  assert.deepEqual(found.map((r) => r.cert.subject), ['CN=ISRG Root X1,O=Internet Security Research Group,C=US']);
  assert.ok(systemRoots().includes(found[0]));
  assert.deepEqual(systemRootsNamed(['no such name']), []);
});

test('userTrust: the user\'s trust files are trusted input; what cannot be decoded is left out', () => {
  const der = systemRoots()[0].cert.der;
  const trust = userTrust([der, new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x01])]);
  assert.equal(trust.length, 1);
  assert.deepEqual([trust[0].source, trust[0].trusted], ['input', true]);
});
