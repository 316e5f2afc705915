/** The name helpers behind the lints: IP parsing (against Node's inet_pton), reserved ranges, host names, wildcards, countries. */
import assert from 'node:assert/strict';
import { isIP } from 'node:net';
import { test } from 'node:test';
import type { CsrSpecDto } from '../../../api/dto';
import { hostNameProblem } from './host-name';
import { keyFactsForSpec, lintSpec } from './index';
import { parseIpAddress } from '../ip-address';
import { reservedRange } from './reserved-ip';

const hex = (b: Uint8Array | null) => (b ? Buffer.from(b).toString('hex') : null);

test('parseIpAddress (the SAN writer\'s, which the lints share) accepts exactly what inet_pton accepts (Node net.isIP), minus zone ids', () => {
  const inputs = [
    '192.0.2.1', '0.0.0.0', '255.255.255.255', '1.2.3', '1.2.3.4.5', '256.1.1.1', '01.2.3.4', '1.2.3.4 ', ' 1.2.3.4', '1.2.3.-4', '1.2.3.4/8',
    '::', '::1', '1::', '2001:db8::1', '2001:DB8:0:0:0:0:0:1', '1:2:3:4:5:6:7:8', '1:2:3:4:5:6:7:8:9', '1:2:3:4:5:6:7::', '::2:3:4:5:6:7:8',
    '1::2::3', ':1:2:3:4:5:6:7', '1:2:3:4:5:6:7:', '12345::1', 'g::1', '::ffff:192.0.2.1', '::192.0.2.1', '1:2:3:4:5:6:192.0.2.1',
    '1:2:3:4:5:6:7:192.0.2.1', '::ffff:192.0.2', '[::1]', '10.0.0.1:443', 'localhost', '',
  ];
  for (const s of inputs) assert.equal(parseIpAddress(s) !== null, isIP(s) !== 0, JSON.stringify(s));
  assert.equal(hex(parseIpAddress('2001:db8::1')), '20010db8000000000000000000000001');
  assert.equal(hex(parseIpAddress('::ffff:192.0.2.1')), '00000000000000000000ffffc0000201');
  assert.equal(hex(parseIpAddress('1::')), '00010000000000000000000000000000');
  assert.equal(parseIpAddress('fe80::1%eth0'), null);
});

test('reserved ranges: private, loopback, link-local, CGNAT, documentation, ULA; public addresses pass', () => {
  const reserved: Record<string, RegExp> = {
    '10.20.30.40': /10\.0\.0\.0\/8/, '172.16.0.1': /172\.16/, '172.31.255.255': /172\.16/, '192.168.0.1': /192\.168/, '127.0.0.1': /loopback/,
    '169.254.10.1': /link-local/, '100.64.0.1': /carrier-grade/, '100.127.255.255': /carrier-grade/, '192.0.2.55': /documentation/,
    '224.0.0.251': /multicast/, '::1': /loopback/, 'fc00::1': /unique local/, 'fd12:3456::1': /unique local/, 'fe80::1': /link-local/,
    'febf::1': /link-local/, '2001:db8:1::1': /documentation/, '::ffff:10.0.0.1': /IPv4-mapped/,
  };
  for (const [ip, what] of Object.entries(reserved)) assert.match(reservedRange(parseIpAddress(ip)!) ?? '', what, ip);
  for (const ip of ['8.8.8.8', '172.32.0.1', '172.15.255.255', '100.128.0.1', '100.63.255.255', '192.169.0.1', '2606:4700:4700::1111', 'fec0::1', '2001:4860::8888'])
    assert.equal(reservedRange(parseIpAddress(ip)!), null, ip);
});

test('host names: LDH labels of 1-63, at most 253, no edge hyphens, IDNs as A-labels', () => {
  for (const ok of ['a.example.com', 'xn--bcher-kva.example', 'xn--ls8h.la', 'a-b.example', '1password.example', 'x'.repeat(63) + '.example', 'localhost'])
    assert.equal(hostNameProblem(ok), null, ok);
  const bad: Record<string, RegExp> = {
    ['x'.repeat(64) + '.example']: /64 characters/,
    [Array(64).fill('abc').join('.')]: /255 characters long; a host name has at most 253/,
    '-a.example': /hyphen/,
    'a-.example': /hyphen/,
    'ab--c.example': /reserved for "xn--"/,
    'xn--zz.example': /not a valid internationalized/,
    'xn--bcher-kva9.example': /not a valid internationalized/,
    'bücher.example': /xn--/,
    'a b.example': /space/,
    'example.com.': /trailing dot/,
    'a..example': /empty label/,
    '.example': /empty label/,
    'a!b.example': /letters, digits and hyphens/,
    '192.0.2.1': /IP name/,
  };
  for (const [name, why] of Object.entries(bad)) assert.match(hostNameProblem(name) ?? '', why, name);
});

function sanCodes(values: string[]): string[][] {
  const spec: CsrSpecDto = {
    subject: [{ type: 'O', value: 'Example' }],
    san: values.map((value) => ({ type: 'DNS', value })),
    cnAsSan: false,
    keyUsage: [],
    extendedKeyUsage: [],
    signatureHash: 'sha256',
  };
  return values.map((_, i) => lintSpec(spec, keyFactsForSpec('ec:P-256')).filter((p) => p.field === `san.${i}`).map((p) => p.code));
}

test('wildcards: only the whole leftmost label, and never over a TLD or public suffix', () => {
  assert.deepEqual(sanCodes(['*.a.example.com', 'a.*.example.com', 'f*o.example.com', '*foo.example.com', '*.*.example.com', '*.com', '*', '*.co.uk', '*.example.co.uk', 'www.example.com']), [
    [],
    ['WILDCARD_NOT_LEFTMOST'],
    ['WILDCARD_NOT_LEFTMOST'],
    ['WILDCARD_NOT_LEFTMOST'],
    ['WILDCARD_NOT_LEFTMOST'],
    ['WILDCARD_TOO_BROAD'],
    ['WILDCARD_TOO_BROAD'],
    ['WILDCARD_TOO_BROAD'],
    [],
    [],
  ]);
});

test('names public CAs refuse are warnings: .local, .internal, .lan, .corp, .home.arpa, localhost, single labels', () => {
  const names = ['nas.local', 'db.internal', 'pc.lan', 'mail.corp', 'router.home.arpa', 'localhost', 'fileserver', '*.svc.local', 'home.example.com', 'home-arpa.example.net'];
  const got = sanCodes(names);
  assert.deepEqual(got.slice(0, 8), Array(8).fill(['DNS_NAME_INTERNAL']));
  assert.deepEqual(got.slice(8), [[], []]);
  const spec: CsrSpecDto = { subject: [], san: [{ type: 'DNS', value: 'nas.local' }], cnAsSan: false, keyUsage: [], extendedKeyUsage: [], signatureHash: 'sha256' };
  const [p] = lintSpec(spec, keyFactsForSpec('ec:P-256'));
  assert.equal(p.severity, 'warning');
  assert.match(p.message, /Fine for an internal CA; a public CA will refuse it\./);
});

test('countries: UK → GB, USA → US, lower case → capitals, unknown names get the general advice', () => {
  const message = (value: string) => {
    const spec: CsrSpecDto = { subject: [{ type: 'C', value }, { type: 'CN', value: 'www.example.com' }], san: [], cnAsSan: true, keyUsage: [], extendedKeyUsage: [], signatureHash: 'sha256' };
    return lintSpec(spec, keyFactsForSpec('ec:P-256')).find((p) => p.code === 'SUBJECT_COUNTRY_NOT_ISO')?.message ?? '';
  };
  assert.match(message('UK'), /Use "GB"\./);
  assert.match(message('USA'), /Use "US"\./);
  assert.match(message('de'), /Use "DE"\./);
  assert.match(message('Germany'), /two-letter ISO 3166 code/);
  assert.match(message('XX'), /two-letter ISO 3166 code/);
  assert.equal(message('GB'), '');
});

test('the CN with "add the CN as a SAN": an IP CN becomes an IP name, a person\'s name is not a host name', () => {
  const spec = (cn: string): CsrSpecDto => ({ subject: [{ type: 'CN', value: cn }], san: [], cnAsSan: true, keyUsage: [], extendedKeyUsage: ['serverAuth'], signatureHash: 'sha256' });
  const key = keyFactsForSpec('ec:P-256');
  assert.deepEqual(lintSpec(spec('10.0.0.5'), key).map((p) => [p.code, p.field]), [['IP_ADDRESS_RESERVED', 'subject.0']]);
  const person = lintSpec(spec('Jane Doe'), key);
  assert.deepEqual(person.map((p) => p.code), ['DNS_NAME_INVALID']);
  assert.match(person[0].message, /switch off "add the CN as a SAN"/);
  assert.deepEqual(lintSpec(spec('www.example.com'), key), []);
});

test('email addresses: bare mailbox, ASCII local part of at most 64, a host-name domain', () => {
  const codes = (value: string) => {
    const spec: CsrSpecDto = { subject: [{ type: 'CN', value: 'alice' }], san: [{ type: 'email', value }], cnAsSan: false, keyUsage: [], extendedKeyUsage: [], signatureHash: 'sha256' };
    return lintSpec(spec, keyFactsForSpec('ec:P-256')).map((p) => p.message);
  };
  for (const ok of ['alice@example.com', 'a.b+tag@mail.example.co.uk', 'x'.repeat(64) + '@example.com']) assert.deepEqual(codes(ok), [], ok);
  const bad: Record<string, RegExp> = {
    'Alice <alice@example.com>': /bare address/,
    'alice@': /needs a name/,
    '@example.com': /needs a name/,
    'alice.@example.com': /characters or dots/,
    'a..b@example.com': /characters or dots/,
    ['x'.repeat(65) + '@example.com']: /at most 64/,
    'alice@exa mple.com': /bare address/,
    'alice@example..com': /empty label/,
    'jörg@example.com': /non-ASCII/,
  };
  for (const [value, why] of Object.entries(bad)) assert.match(codes(value).join(' '), why, value);
});

test('URIs: an absolute URI with a scheme, ASCII, and a host when it has "//"', () => {
  const msgs = (value: string) => {
    const spec: CsrSpecDto = { subject: [{ type: 'CN', value: 'svc' }], san: [{ type: 'URI', value }], cnAsSan: false, keyUsage: [], extendedKeyUsage: [], signatureHash: 'sha256' };
    return lintSpec(spec, keyFactsForSpec('ec:P-256')).map((p) => p.message).join(' ');
  };
  for (const ok of ['https://example.com/', 'spiffe://example.org/ns/prod/sa/api', 'urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6', 'ldap://ldap.example.com:389/dc=example'])
    assert.equal(msgs(ok), '', ok);
  const bad: Record<string, RegExp> = { 'www.example.com/path': /needs a scheme/, 'https://': /names no host/, 'https:': /nothing after it/, 'https://exa mple.com/': /percent-encode/, 'https://ex.com/ü': /percent-encode/ };
  for (const [value, why] of Object.entries(bad)) assert.match(msgs(value), why, value);
});

test('attribute types by long name or OID are the same rules: commonName and 2.5.4.3 are CN, countryName is C', () => {
  const spec: CsrSpecDto = { subject: [{ type: 'countryName', value: 'USA' }, { type: '2.5.4.3', value: 'www.example.com' }], san: [], cnAsSan: true, keyUsage: [], extendedKeyUsage: [], signatureHash: 'sha256' };
  assert.deepEqual(lintSpec(spec, keyFactsForSpec('ec:P-256')).map((p) => [p.code, p.field]), [['SUBJECT_COUNTRY_NOT_ISO', 'subject.0']]);
});
