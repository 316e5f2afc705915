/** What the Keystores page is told about entries the editor would never build itself but files can hold. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fixtureBytes } from '../../test/helpers/fixtures';
import { readBytes } from '../pki/read';
import { KeystoreDocument } from './keystore-document';
import { keystoreDto } from './keystore-dto';

const NOW = new Date('2026-11-27T12:00:00Z');
const der = async (name: string) => ((await readBytes(fixtureBytes('x509', name))).objects[0] as { der: Uint8Array }).der;
const pkcs8 = async (name: string) => ((await readBytes(fixtureBytes('x509', name))).objects[0] as { pkcs8: Uint8Array }).pkcs8;

test('a key stored with a certificate of another key, and a chain with a gap, are named as problems', async () => {
  const [leaf, root, key] = [await der('leaf.pem'), await der('root.pem'), await pkcs8('leaf.key')];
  const doc = new KeystoreDocument({
    id: 'ks1', name: 'odd.jks', path: null, kind: 'jks',
    entries: [
      { type: 'privateKey', alias: 'wrong-cert', pkcs8: key, chain: [root] },
      { type: 'privateKey', alias: 'gap', pkcs8: key, chain: [leaf, root] },
    ],
  });
  const [wrong, gap] = keystoreDto(doc, NOW).entries;
  assert.deepEqual(wrong.problems.map((p) => [p.code, p.severity]), [['KEY_MISMATCH', 'error']]);
  assert.deepEqual(gap.problems.map((p) => p.code), ['CHAIN_OUT_OF_ORDER']);
  assert.match(gap.problems[0].message, /Certificate 2 of the chain \(CN=Certbench Test Root.*\) is not the issuer of certificate 1 \(issued by CN=Certbench Test Intermediate EC/);
});

test('an undecodable certificate is shown as such with its fingerprint, not a crash', async () => {
  const broken = (await der('leaf.pem')).slice(0, 300);
  const doc = new KeystoreDocument({ id: 'ks1', name: 'x', path: null, kind: 'jks', entries: [{ type: 'trustedCert', alias: 'broken', der: broken }] });
  const [e] = keystoreDto(doc, NOW).entries;
  assert.equal(e.certificate?.subject, '(unreadable certificate)');
  assert.match(e.certificate?.sha256 ?? '', /^[0-9A-F]{64}$/);
  assert.deepEqual(e.problems.map((p) => p.code), ['CERTIFICATE_UNREADABLE']);
});

test('the leaf expired is an error, an expired issuer a warning; days left are whole days from now', async () => {
  const doc = new KeystoreDocument({ id: 'ks1', name: 'x', path: null, kind: 'jks', entries: [{ type: 'trustedCert', alias: 'root', der: await der('root.pem') }] });
  const later = new Date('2047-01-01T00:00:00Z');
  const [e] = keystoreDto(doc, later).entries;
  assert.equal(e.certificate?.daysLeft, Math.floor((Date.parse('2046-11-18T10:34:39Z') - later.getTime()) / 86_400_000));
  assert.deepEqual(e.problems.map((p) => [p.code, p.severity, p.message]), [['EXPIRED', 'error', 'The certificate expired on 2046-11-18.']]);
  const chainDoc = new KeystoreDocument({ id: 'ks2', name: 'x', path: null, kind: 'pkcs12', entries: [{ type: 'privateKey', alias: 'k', pkcs8: await pkcs8('leaf.key'), chain: [await der('leaf.pem'), await der('inter.pem')] }] });
  const [k] = keystoreDto(chainDoc, new Date('2030-01-01T00:00:00Z')).entries;
  assert.deepEqual(k.problems.map((p) => [p.code, p.severity]), [['EXPIRED', 'error']], 'the leaf (2027) expired; the intermediate (2036) did not');
  // An issuer that expires before the certificate it issued (root 2046, then the intermediate 2036).
  const issuerDoc = new KeystoreDocument({ id: 'ks3', name: 'x', path: null, kind: 'jks', entries: [{ type: 'locked', alias: 'l', sourceAlias: 'l', chain: [await der('root.pem'), await der('inter.pem')], created: NOW }] });
  const [l] = keystoreDto(issuerDoc, new Date('2040-01-01T00:00:00Z')).entries;
  assert.deepEqual(l.problems.filter((p) => p.code === 'EXPIRED').map((p) => [p.severity, p.message]), [['warning', 'The issuer CN=Certbench Test Intermediate EC,O=Certbench Test,C=US expired on 2036-11-20.']]);
  assert.equal(l.locked, true);
});
