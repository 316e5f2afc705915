/**
 * Values the writers cannot encode give INVALID_ARGUMENT naming the field and the value, with a hint; keys
 * they cannot sign with give UNSUPPORTED_ALGORITHM; a damaged key gives CORRUPT. Nothing else is thrown.
 */
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { before, describe, test } from 'node:test';
import type { CsrSpecDto, SelfSignDto } from '../../api/dto';
import { PkiError, type ErrorCode } from '../errors';
import { generateKey } from '../keys/generate';
import { writeSelfSigned } from './certificate-write';
import { writeCsr } from './csr-write';
import { parseIpAddress } from './ip-address';

const GOOD: CsrSpecDto = {
  subject: [{ type: 'C', value: 'US' }, { type: 'CN', value: 'good.example' }],
  san: [{ type: 'DNS', value: 'good.example' }],
  cnAsSan: true,
  keyUsage: ['digitalSignature'],
  extendedKeyUsage: ['serverAuth'],
  signatureHash: 'sha256',
};

function throwsPki(fn: () => unknown, code: ErrorCode, message?: RegExp): PkiError {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof PkiError, `expected a PkiError, got ${String(e)}`);
    assert.equal(e.code, code, e.message);
    if (message) assert.match(e.message, message);
    assert.ok(e.hint.length > 10, 'a hint says what to do');
    return e;
  }
  assert.fail(`expected ${code}`);
}

let key: Uint8Array;
before(async () => {
  key = await generateKey('ec:P-256');
});

describe('INVALID_ARGUMENT for values that cannot be written', () => {
  const cases: [string, Partial<CsrSpecDto>, RegExp][] = [
    ['malformed IPv4', { san: [{ type: 'IP', value: '10.0.0.256' }] }, /Alternative name 1 \(IP\): "10\.0\.0\.256" is not an IPv4 or IPv6 address/],
    ['IPv4 with three parts', { san: [{ type: 'DNS', value: 'a.example' }, { type: 'IP', value: '10.0.1' }] }, /Alternative name 2 \(IP\): "10\.0\.1"/],
    ['IPv4 with a leading zero', { san: [{ type: 'IP', value: '010.0.0.1' }] }, /"010\.0\.0\.1"/],
    ['IPv6 with two ::', { san: [{ type: 'IP', value: '2001::db8::1' }] }, /"2001::db8::1"/],
    ['IPv6 with nine groups', { san: [{ type: 'IP', value: '1:2:3:4:5:6:7:8:9' }] }, /"1:2:3:4:5:6:7:8:9"/],
    ['IPv6 with a zone', { san: [{ type: 'IP', value: 'fe80::1%eth0' }] }, /"fe80::1%eth0"/],
    ['a host name as IP', { san: [{ type: 'IP', value: 'host.example' }] }, /"host\.example"/],
    ['empty DNS name', { san: [{ type: 'DNS', value: '' }] }, /Alternative name 1 \(DNS\): the DNS name is empty/],
    ['empty email', { san: [{ type: 'email', value: '' }] }, /\(email\): the email address is empty/],
    ['DNS name with a space', { san: [{ type: 'DNS', value: 'a b.example' }] }, /"a b\.example" contains a space/],
    ['non-ASCII DNS name', { san: [{ type: 'DNS', value: 'bücher.example' }] }, /"bücher\.example" holds non-ASCII/],
    ['unknown SAN type', { san: [{ type: 'otherName' as 'DNS', value: 'x' }] }, /unknown type "otherName"/],
    ['empty subject value', { subject: [{ type: 'O', value: '' }, { type: 'CN', value: 'a.example' }] }, /Subject field 1: O is empty/],
    ['unknown attribute type', { subject: [{ type: 'CN', value: 'a.example' }, { type: 'XYZ', value: 'v' }] }, /Subject field 2: "XYZ" is not an attribute type/],
    ['three-letter country', { subject: [{ type: 'C', value: 'USA' }, { type: 'CN', value: 'a.example' }] }, /Subject field 1: C is 3 characters long; at most 2/],
    ['one-letter country', { subject: [{ type: 'C', value: 'U' }, { type: 'CN', value: 'a.example' }] }, /C "U" is shorter than 2/],
    ['country outside PrintableString', { subject: [{ type: 'C', value: 'Ü1' }, { type: 'CN', value: 'a.example' }] }, /C "Ü1" holds characters a PrintableString cannot/],
    ['serialNumber with an underscore', { subject: [{ type: 'serialNumber', value: 'A_1' }, { type: 'CN', value: 'a.example' }] }, /serialNumber "A_1"/],
    ['non-ASCII emailAddress', { subject: [{ type: 'CN', value: 'a.example' }, { type: 'emailAddress', value: 'jö@example.com' }] }, /emailAddress "jö@example\.com" holds non-ASCII/],
    ['CN over 64 characters', { subject: [{ type: 'CN', value: 'a'.repeat(65) }], cnAsSan: false }, /CN is 65 characters long; at most 64/],
    ['empty subject without SANs', { subject: [], san: [], cnAsSan: true }, /The subject is empty/],
    ['unknown EKU name', { extendedKeyUsage: ['serverAuth', 'webServer'] }, /Extended key usage 2: "webServer" is not a usage/],
    ['malformed EKU OID', { extendedKeyUsage: ['1.3.6.1..5'] }, /"1\.3\.6\.1\.\.5"/],
    ['EKU OID with a first arc over 2', { extendedKeyUsage: ['3.1.2'] }, /"3\.1\.2"/],
    ['unknown key usage', { keyUsage: ['signing' as 'digitalSignature'] }, /Key usage "signing"/],
    ['a CN that is not a host name, with cnAsSan', { subject: [{ type: 'CN', value: 'Jane Doe' }], san: [] }, /common name "Jane Doe" is not a host name/],
    ['a lone surrogate in a subject value', { subject: [{ type: 'CN', value: 'a.example' }, { type: 'O', value: 'Bad \uD800 Inc' }] }, /Subject field 2: O holds a broken character/],
    ['a lone surrogate in the challenge password', { challengePassword: 'x\uDC00' }, /challenge password holds a broken character/],
    ['NumericString with letters', { subject: [{ type: 'CN', value: 'a.example' }, { type: 'INN', value: '12a' }] }, /INN "12a" holds characters other than digits/],
    ['challenge password over 255 characters', { challengePassword: 'p'.repeat(256) }, /challenge password is longer than 255/],
  ];
  for (const [name, change, message] of cases) {
    test(name, () => {
      const spec = { ...GOOD, ...change };
      throwsPki(() => writeCsr(spec, key), 'INVALID_ARGUMENT', message);
      // A certificate has no challenge password; everything else is written the same way.
      if (!spec.challengePassword) throwsPki(() => writeSelfSigned(spec, key, { days: 1, ca: false }), 'INVALID_ARGUMENT', message);
    });
  }
});

describe('self-signed settings', () => {
  const cases: [string, Partial<SelfSignDto> & { now?: Date }, RegExp][] = [
    ['zero days', { days: 0 }, /valid for 0 days/],
    ['fractional days', { days: 1.5 }, /valid for 1\.5 days/],
    ['after the year 9999', { days: 3_000_000 }, /after the year 9999/],
    ['a path length on a leaf', { pathLength: 0 }, /path length is set on a certificate that is not a CA/],
    ['a negative path length', { ca: true, pathLength: -1 }, /path length -1/],
    ['an invalid start date', { now: new Date(NaN) }, /start date is not a valid date/],
    ['a start date before 1950', { now: new Date('1949-12-31T23:59:59Z') }, /start date is not a valid date from 1950 on/],
  ];
  for (const [name, change, message] of cases) {
    test(name, () => {
      throwsPki(() => writeSelfSigned(GOOD, key, { days: 30, ca: false, ...change }), 'INVALID_ARGUMENT', message);
    });
  }
  test('an empty subject cannot be an issuer, even with SANs', () => {
    throwsPki(() => writeSelfSigned({ ...GOOD, subject: [] }, key, { days: 30, ca: false }), 'INVALID_ARGUMENT', /subject is empty/);
  });
});

describe('keys', () => {
  test('a key Certbench cannot sign with is UNSUPPORTED_ALGORITHM', () => {
    for (const type of ['ed448', 'x25519'] as const) {
      const other = new Uint8Array(generateKeyPairSync(type as 'ed448').privateKey.export({ format: 'der', type: 'pkcs8' }));
      throwsPki(() => writeCsr(GOOD, other), 'UNSUPPORTED_ALGORITHM');
    }
    const pss = new Uint8Array(generateKeyPairSync('rsa-pss', { modulusLength: 2048 }).privateKey.export({ format: 'der', type: 'pkcs8' }));
    throwsPki(() => writeCsr(GOOD, pss), 'UNSUPPORTED_ALGORITHM');
  });
  test('bytes that are not a key are CORRUPT', () => {
    throwsPki(() => writeCsr(GOOD, new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x00])), 'CORRUPT');
    throwsPki(() => writeCsr(GOOD, key.subarray(0, key.length - 5)), 'CORRUPT');
  });
});

test('parseIpAddress reads what it should and nothing else', () => {
  const hex = (s: string) => Buffer.from(parseIpAddress(s) ?? []).toString('hex');
  assert.equal(hex('192.0.2.1'), 'c0000201');
  assert.equal(hex('::'), '0'.repeat(32));
  assert.equal(hex('::ffff:192.0.2.1'), '00000000000000000000ffffc0000201');
  assert.equal(hex('2001:DB8::1'), '20010db8000000000000000000000001');
  for (const bad of ['', '1.2.3.4.5', '1.2.3.-4', ' 1.2.3.4', '1.2.3.4 ', ':', ':::', '1:2:3:4:5:6:7::8:9', '12345::', 'g::1', '::1.2.3', '1.2.3.4::', '::1:2:3:4:5:6:7:8']) {
    assert.equal(parseIpAddress(bad), null, bad);
  }
});
