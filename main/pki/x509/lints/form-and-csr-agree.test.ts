/**
 * Both paths run the same rules: what lintSpec says about a form is what the opened CSR says once the engine has
 * written it (writeCsr), and openssl verifies every one of those requests.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { peerDir } from '../../../../test/helpers/csr-peer';
import type { CsrSpecDto, KeySpecName } from '../../../api/dto';
import { generateKey } from '../../keys/generate';
import { writeCsr } from '../csr-write';
import { keyFactsForSpec, lintCsr, lintSpec } from './index';

const peer = peerDir();
after(() => peer.cleanup());

const keys = new Map<KeySpecName, Uint8Array>();
before(async () => {
  for (const k of ['rsa:2048', 'ec:P-256', 'ec:P-521', 'ed25519'] as KeySpecName[]) keys.set(k, await generateKey(k));
});

function spec(change: (s: CsrSpecDto) => void = () => {}): CsrSpecDto {
  const s: CsrSpecDto = {
    subject: [
      { type: 'C', value: 'US' },
      { type: 'O', value: 'Example, Inc.' },
      { type: 'CN', value: 'www.example.com' },
    ],
    san: [{ type: 'DNS', value: 'api.example.com' }],
    cnAsSan: true,
    keyUsage: ['digitalSignature'],
    extendedKeyUsage: ['serverAuth'],
    signatureHash: 'sha256',
  };
  change(s);
  return s;
}

const FORMS: [string, KeySpecName, CsrSpecDto][] = [
  ['clean, RSA', 'rsa:2048', spec()],
  ['clean, P-256 wildcard', 'ec:P-256', spec((s) => (s.san = [{ type: 'DNS', value: '*.example.com' }]))],
  ['CN left out of the SANs', 'rsa:2048', spec((s) => (s.cnAsSan = false))],
  ['a wildcard in the middle, an internal name, a private IP', 'ec:P-256', spec((s) => (s.san = [{ type: 'DNS', value: 'a.*.example.com' }, { type: 'DNS', value: 'nas.local' }, { type: 'IP', value: '192.168.1.1' }]))],
  ['a private IP as the CN', 'ec:P-256', spec((s) => (s.subject[2].value = '10.1.1.1'))],
  ['a bad email and URI', 'rsa:2048', spec((s) => (s.san = [{ type: 'email', value: 'not-an-email' }, { type: 'URI', value: 'no-scheme' }]))],
  ['SHA-1 and a challenge password', 'rsa:2048', spec((s) => ((s.signatureHash = 'sha1'), (s.challengePassword = 'opensesame')))],
  ['P-521 with keyEncipherment', 'ec:P-521', spec((s) => (s.keyUsage = ['digitalSignature', 'keyEncipherment']))],
  ['Ed25519', 'ed25519', spec()],
  ['serverAuth, a person as CN, no SAN', 'ec:P-256', spec((s) => ((s.cnAsSan = false), (s.san = []), (s.subject[2].value = 'Build Agent')))],
  ['a country code the writer still encodes (UK)', 'rsa:2048', spec((s) => (s.subject[0].value = 'UK'))],
];

const summary = (ps: { code: string; severity: string }[]) => ps.map((p) => `${p.code}/${p.severity}`).sort();

for (const [name, key, form] of FORMS) {
  test(`form and written CSR agree: ${name}`, () => {
    const before = lintSpec(form, keyFactsForSpec(key));
    const der = writeCsr(form, keys.get(key)!);
    assert.equal(peer.opensslVerifies(der), true);
    const after = lintCsr(der);
    // The one intended difference: a request already signed with SHA-1 can only be made again, so it warns.
    const expected = summary(before).map((s) => (s === 'SIGNATURE_SHA1/error' ? 'SIGNATURE_SHA1/warning' : s));
    assert.deepEqual(summary(after), expected);
    if (name.startsWith('clean')) assert.deepEqual(before, []);
    else assert.ok(before.length > 0);
  });
}

test('what the writer refuses, the form lints as an error first (csr.create is blocked before writeCsr throws)', () => {
  const refused: [string, CsrSpecDto][] = [
    ['SUBJECT_NOT_PRINTABLE_STRING', spec((s) => s.subject.push({ type: 'serialNumber', value: 'A&B' }))],
    ['DNS_NAME_INVALID', spec((s) => (s.subject[2].value = 'Jane Doe'))],
    ['SUBJECT_COUNTRY_NOT_ISO', spec((s) => (s.subject[0].value = 'USA'))],
    ['IP_ADDRESS_MALFORMED', spec((s) => (s.san = [{ type: 'IP', value: '1.2.3.400' }]))],
    ['SUBJECT_VALUE_EMPTY', spec((s) => (s.subject[1].value = ''))],
    ['SUBJECT_VALUE_TOO_LONG', spec((s) => (s.subject[2].value = 'a'.repeat(60) + '.example.com'))],
  ];
  for (const [code, form] of refused) {
    assert.ok(lintSpec(form, keyFactsForSpec('rsa:2048')).some((p) => p.code === code && p.severity === 'error'), code);
    assert.throws(() => writeCsr(form, keys.get('rsa:2048')!), { code: 'INVALID_ARGUMENT' }, code);
  }
});

test('upper bounds match the writer (OpenSSL) at the edge: a 128-character emailAddress is written, 129 is refused', () => {
  // alice@ + labels of 50 + example.com, n characters in all: a valid mailbox of any length.
  const address = (n: number) => {
    let domain = 'example.com';
    while (domain.length < n - 6) domain = 'a'.repeat(Math.min(50, n - 6 - domain.length - 1)) + '.' + domain;
    return 'alice@' + domain;
  };
  const email = (n: number) => spec((s) => s.subject.push({ type: 'emailAddress', value: address(n) }));
  assert.equal(address(129).length, 129);
  assert.deepEqual(lintSpec(email(128), keyFactsForSpec('rsa:2048')), []);
  assert.equal(peer.opensslVerifies(writeCsr(email(128), keys.get('rsa:2048')!)), true);
  assert.ok(lintSpec(email(129), keyFactsForSpec('rsa:2048')).some((p) => p.code === 'SUBJECT_VALUE_TOO_LONG'));
  assert.throws(() => writeCsr(email(129), keys.get('rsa:2048')!), { code: 'INVALID_ARGUMENT' });
});
