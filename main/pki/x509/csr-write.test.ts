/**
 * writeCsr against OpenSSL: for each key type, a CSR with subject, SANs (DNS, wildcard, IPv4, IPv6, email,
 * URI), KU, EKU and a challenge password is verified by `openssl req -verify -text`, what OpenSSL reads is
 * compared field by field with what was asked, and `openssl req -new` on the same key and the same request
 * (config file) gives the same CertificationRequestInfo byte for byte; with RSA PKCS#1 v1.5 and Ed25519 the
 * signatures are deterministic, so the whole CSR is byte-equal.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { CsrSpecDto, KeySpecName, SignatureHash } from '../../api/dto';
import { firstElement, openssl, opensslRequest, reqConfig, Scratch } from '../../../test/helpers/openssl-req';
import { opensslExtensions } from '../../../test/helpers/openssl-extensions';
import { generateKey } from '../keys/generate';
import { parseCsr } from './csr';
import { writeCsr } from './csr-write';
import { NAME_ATTRIBUTES } from './oids';
import { subjectAltNames } from './requested-extensions';

const scratch = new Scratch();
after(() => scratch.remove());

const SUBJECT: [string, string][] = [
  ['C', 'US'],
  ['ST', 'Minnesota'],
  ['L', 'München'],
  ['O', 'Example Inc'],
  ['OU', 'IT'],
  ['OU', 'Web'],
  ['CN', 'host.example.com'],
  ['emailAddress', 'admin@example.com'],
];

function spec(hash: SignatureHash): CsrSpecDto {
  return {
    subject: SUBJECT.map(([type, value]) => ({ type, value })),
    san: [
      { type: 'DNS', value: '*.example.com' },
      { type: 'DNS', value: 'www.example.com' },
      { type: 'IP', value: '192.0.2.10' },
      { type: 'IP', value: '2001:db8::1' },
      { type: 'email', value: 'admin@example.com' },
      { type: 'URI', value: 'https://example.com/path' },
    ],
    cnAsSan: true,
    keyUsage: ['digitalSignature', 'keyEncipherment'],
    keyUsageCritical: true,
    extendedKeyUsage: ['serverAuth', 'clientAuth', '1.2.3.4.5'],
    challengePassword: 's3cret pass',
    signatureHash: hash,
  };
}

/** The same request in OpenSSL's config language; the CN comes first among the SANs (cnAsSan). */
const CONFIG = reqConfig({
  subject: SUBJECT,
  extensions: [
    'subjectAltName = DNS:host.example.com, DNS:*.example.com, DNS:www.example.com, IP:192.0.2.10, IP:2001:db8::1, email:admin@example.com, URI:https://example.com/path',
    'keyUsage = critical, digitalSignature, keyEncipherment',
    'extendedKeyUsage = serverAuth, clientAuth, 1.2.3.4.5',
  ],
  challengePassword: 's3cret pass',
});

const CASES: { key: KeySpecName; hash: SignatureHash; signature: string; deterministic: boolean }[] = [
  { key: 'rsa:2048', hash: 'sha256', signature: 'sha256WithRSAEncryption', deterministic: true },
  { key: 'ec:P-256', hash: 'sha256', signature: 'ecdsa-with-SHA256', deterministic: false },
  { key: 'ec:P-384', hash: 'sha384', signature: 'ecdsa-with-SHA384', deterministic: false },
  { key: 'ec:P-521', hash: 'sha512', signature: 'ecdsa-with-SHA512', deterministic: false },
  { key: 'ed25519', hash: 'sha256', signature: 'ED25519', deterministic: true },
];

for (const c of CASES) {
  describe(`CSR with a ${c.key} key`, () => {
    let key: Uint8Array;
    let keyFile: string;
    let csr: Uint8Array;
    let csrFile: string;
    before(async () => {
      key = await generateKey(c.key);
      keyFile = scratch.write('key.der', key);
      csr = writeCsr(spec(c.hash), key);
      csrFile = scratch.write('req.der', csr);
    });

    test('openssl verifies the self-signature and reads what was asked, field by field', () => {
      const r = openssl(['req', '-inform', 'DER', '-in', csrFile, '-verify', '-noout', '-text']);
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout + r.stderr, /self-signature verify OK/);
      const subject = openssl(['req', '-inform', 'DER', '-in', csrFile, '-noout', '-subject', '-nameopt', 'RFC2253', '-nameopt', '-esc_msb']);
      assert.equal(subject.stdout.trim(), 'subject=emailAddress=admin@example.com,CN=host.example.com,OU=Web,OU=IT,O=Example Inc,L=München,ST=Minnesota,C=US');
      const extensions = opensslExtensions(r.stdout, 'Requested Extensions');
      assert.deepEqual(extensions, [
        {
          name: 'X509v3 Subject Alternative Name',
          critical: false,
          lines: ['DNS:host.example.com, DNS:*.example.com, DNS:www.example.com, IP Address:192.0.2.10, IP Address:2001:DB8:0:0:0:0:0:1, email:admin@example.com, URI:https://example.com/path'],
        },
        { name: 'X509v3 Key Usage', critical: true, lines: ['Digital Signature, Key Encipherment'] },
        { name: 'X509v3 Extended Key Usage', critical: false, lines: ['TLS Web Server Authentication, TLS Web Client Authentication, 1.2.3.4.5'] },
      ]);
      assert.match(r.stdout, /challengePassword\s+:s3cret pass\n/);
      assert.match(r.stdout, new RegExp(`Signature Algorithm: ${c.signature}`));
    });

    test('the public key in the CSR is the one openssl derives from the key', () => {
      const fromKey = openssl(['pkey', '-inform', 'DER', '-in', keyFile, '-pubout']);
      const fromCsr = openssl(['req', '-inform', 'DER', '-in', csrFile, '-noout', '-pubkey']);
      assert.equal(fromKey.status, 0, fromKey.stderr);
      assert.equal(fromCsr.stdout, fromKey.stdout);
    });

    test(`openssl req -new on the same key and config writes the same ${c.deterministic ? 'CSR' : 'request info'}`, () => {
      const theirs = opensslRequest(scratch, keyFile, CONFIG, c.key === 'ed25519' ? [] : [`-${c.hash}`]);
      assert.equal(firstElement(csr).toString('hex'), firstElement(theirs).toString('hex'));
      if (c.deterministic) assert.equal(Buffer.from(csr).toString('hex'), theirs.toString('hex'));
      else assert.notEqual(Buffer.from(csr).toString('hex'), theirs.toString('hex'), 'ECDSA signatures are randomized');
    });

    test('our own reader finds a valid signature', () => {
      const facts = parseCsr(csr);
      assert.equal(facts.signatureValid, true);
      assert.equal(facts.san[0], 'DNS:host.example.com');
    });
  });
}

describe('subjects and names as OpenSSL writes them', () => {
  let key: Uint8Array;
  let keyFile: string;
  before(async () => {
    key = await generateKey('ed25519');
    keyFile = scratch.write('ed.der', key);
  });

  test('every attribute type of the form, in the order given, with OpenSSL string types', () => {
    const subject: [string, string][] = [
      ['DC', 'com'],
      ['DC', 'example'],
      ['C', 'DE'],
      ['jurisdictionC', 'DE'],
      ['jurisdictionST', 'Bayern'],
      ['jurisdictionL', 'München'],
      ['ST', 'Bayern'],
      ['L', 'München'],
      ['street', 'Hauptstraße 1'],
      ['postalCode', '80331'],
      ['O', 'Beispiel GmbH & Co. KG'],
      ['OU', 'Büro'],
      ['businessCategory', 'Private Organization'],
      ['serialNumber', 'HRB 12345'],
      ['title', 'Admin'],
      ['GN', 'Jürgen'],
      ['SN', 'Groß'],
      ['initials', 'JG'],
      ['pseudonym', 'jg'],
      ['UID', 'jgross'],
      ['CN', 'Jürgen Groß'],
      ['emailAddress', 'jg@example.com'],
    ];
    const ours = writeCsr({ subject: subject.map(([type, value]) => ({ type, value })), san: [], cnAsSan: false, keyUsage: [], extendedKeyUsage: [], signatureHash: 'sha256' }, key);
    const theirs = opensslRequest(scratch, keyFile, reqConfig({ subject, extensions: [] }));
    assert.equal(Buffer.from(ours).toString('hex'), theirs.toString('hex'));
  });

  test('every attribute type the reader names is written with the string type openssl gives it', () => {
    const differ: string[] = [];
    for (const name of Object.values(NAME_ATTRIBUTES)) {
      const ours = writeCsr({ subject: [{ type: name, value: '12' }], san: [], cnAsSan: false, keyUsage: [], extendedKeyUsage: [], signatureHash: 'sha256' }, key);
      const theirs = opensslRequest(scratch, keyFile, reqConfig({ subject: [[name, '12']], extensions: [] }));
      if (!firstElement(theirs).equals(firstElement(ours))) differ.push(name);
    }
    assert.deepEqual(differ, []);
  });

  test('a CSR with no attributes still has an empty [0] (a0 00), as openssl writes it', () => {
    const ours = writeCsr({ subject: [{ type: 'CN', value: 'bare.example' }], san: [], cnAsSan: false, keyUsage: [], extendedKeyUsage: [], signatureHash: 'sha256' }, key);
    const theirs = opensslRequest(scratch, keyFile, reqConfig({ subject: [['CN', 'bare.example']], extensions: [] }));
    assert.equal(Buffer.from(ours).toString('hex'), theirs.toString('hex'));
    assert.ok(Buffer.from(firstElement(ours)).toString('hex').endsWith('a000'));
  });

  test('IPv4 and IPv6 in all their spellings encode as openssl encodes them', () => {
    const ips = ['0.0.0.0', '255.255.255.255', '::', '::1', '1::', 'fe80::1:2', '2001:DB8:0:0:0:0:0:1', '1:2:3:4:5:6:7:8', '1::8', '::ffff:192.0.2.1', '2001:db8::ffff:192.0.2.1', '64:ff9b::192.0.2.33'];
    const ours = writeCsr({ subject: [{ type: 'CN', value: 'ips' }], san: ips.map((value) => ({ type: 'IP' as const, value })), cnAsSan: false, keyUsage: [], extendedKeyUsage: [], signatureHash: 'sha256' }, key);
    const theirs = opensslRequest(scratch, keyFile, reqConfig({ subject: [['CN', 'ips']], extensions: [`subjectAltName = ${ips.map((ip) => `IP:${ip}`).join(', ')}`] }));
    assert.equal(Buffer.from(ours).toString('hex'), theirs.toString('hex'));
  });

  test('cnAsSan adds an IP CN as an IP SAN, and not again when it is listed (in another spelling)', () => {
    const base = { cnAsSan: true, keyUsage: [], extendedKeyUsage: [], signatureHash: 'sha256' as const };
    const ip = parseCsr(writeCsr({ ...base, subject: [{ type: 'CN', value: '2001:db8::7' }], san: [{ type: 'DNS', value: 'a.example' }] }, key));
    assert.deepEqual(ip.san, ['IP:2001:DB8:0:0:0:0:0:7', 'DNS:a.example']);
    const listed = parseCsr(writeCsr({ ...base, subject: [{ type: 'CN', value: 'Host.Example' }], san: [{ type: 'DNS', value: 'a.example' }, { type: 'DNS', value: 'host.example' }] }, key));
    assert.deepEqual(listed.san, ['DNS:a.example', 'DNS:host.example']);
    const sameIp = { ...base, subject: [{ type: 'CN', value: '2001:db8::7' }], san: [{ type: 'IP' as const, value: '2001:DB8:0:0:0:0:0:7' }] };
    assert.deepEqual(subjectAltNames(sameIp), sameIp.san);
    assert.deepEqual(parseCsr(writeCsr(sameIp, key)).san, ['IP:2001:DB8:0:0:0:0:0:7']);
    // For the config exporter: a CN that is no host name is left out there, and refused by writeCsr.
    const person = { ...base, subject: [{ type: 'CN', value: 'Jane Doe' }], san: [{ type: 'email' as const, value: 'jane@example.com' }] };
    assert.deepEqual(subjectAltNames(person), person.san);
    assert.throws(() => writeCsr(person, key), /not a host name/);
    const off = parseCsr(writeCsr({ ...base, cnAsSan: false, subject: [{ type: 'CN', value: 'host.example' }], san: [] }, key));
    assert.deepEqual(off.san, []);
    assert.equal(off.extensions.length, 0);
  });

  test('-subj and -addext give the same RSA CSR as the form (SHA-1 and non-critical KU too)', async () => {
    const rsa = await generateKey('rsa:2048');
    const rsaFile = scratch.write('rsa.der', rsa);
    const ours = writeCsr(
      {
        subject: [{ type: 'C', value: 'US' }, { type: 'O', value: 'Example' }, { type: 'CN', value: 'legacy.example' }],
        san: [{ type: 'DNS', value: 'legacy.example' }],
        cnAsSan: true,
        keyUsage: ['digitalSignature', 'keyAgreement', 'decipherOnly'],
        extendedKeyUsage: ['codeSigning', 'emailProtection', 'timeStamping', 'OCSPSigning'],
        signatureHash: 'sha1',
      },
      rsa,
    );
    const out = scratch.path('subj.der');
    const r = openssl([
      'req', '-new', '-config', scratch.write('empty.cnf', ''), '-key', rsaFile, '-keyform', 'DER', '-sha1', '-utf8',
      '-subj', '/C=US/O=Example/CN=legacy.example',
      '-addext', 'subjectAltName=DNS:legacy.example',
      '-addext', 'keyUsage=digitalSignature,keyAgreement,decipherOnly',
      '-addext', 'extendedKeyUsage=codeSigning,emailProtection,timeStamping,OCSPSigning',
      '-outform', 'DER', '-out', out,
    ]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(Buffer.from(ours).toString('hex'), scratch.read(out).toString('hex'));
  });

  test('an empty subject is allowed with SANs, which then are critical (RFC 5280 4.2.1.6)', () => {
    const ours = writeCsr({ subject: [], san: [{ type: 'DNS', value: 'only-san.example' }], cnAsSan: true, keyUsage: [], extendedKeyUsage: [], signatureHash: 'sha256' }, key);
    const file = scratch.write('empty-subject.der', ours);
    const r = openssl(['req', '-inform', 'DER', '-in', file, '-verify', '-noout', '-text']);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(opensslExtensions(r.stdout, 'Requested Extensions'), [{ name: 'X509v3 Subject Alternative Name', critical: true, lines: ['DNS:only-san.example'] }]);
  });
});
