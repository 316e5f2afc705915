/** Node's Mozilla roots as trust anchors: every one decoded once, fingerprints and subjects as openssl reads them. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rootCertificates } from 'node:tls';
import { openssl } from '../../../test/helpers/test-pki';
import { systemRoots, userTrust } from './trust-store';

test('systemRoots: every root Node ships, trusted, from the trust store, decoded once', () => {
  const roots = systemRoots();
  assert.equal(roots.length, rootCertificates.length);
  assert.ok(roots.every((r) => r.trusted && r.source === 'trust-store' && r.cert.selfIssued));
  assert.equal(systemRoots(), roots, 'the same array on the second call');
});

test('systemRoots: fingerprints and subjects agree with openssl x509 for a spread of roots', () => {
  const roots = systemRoots();
  for (const i of [0, Math.floor(roots.length / 2), roots.length - 1]) {
    const out = openssl(['x509', '-noout', '-fingerprint', '-sha256', '-subject', '-nameopt', 'RFC2253'], rootCertificates[i]);
    assert.equal(/Fingerprint=([0-9A-F:]+)/.exec(out)![1].replace(/:/g, ''), roots[i].cert.sha256);
    assert.equal(/subject=(.*)/.exec(out)![1], roots[i].cert.subject);
  }
});

test('userTrust: the user\'s trust files are trusted input; what cannot be decoded is left out', () => {
  const der = systemRoots()[0].cert.der;
  const trust = userTrust([der, new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x01])]);
  assert.equal(trust.length, 1);
  assert.deepEqual([trust[0].source, trust[0].trusted], ['input', true]);
});
