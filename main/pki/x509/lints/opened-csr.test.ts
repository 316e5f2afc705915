/**
 * The opened-CSR path: requests with the bad property, made by `openssl req` (or, where openssl refuses to write
 * it, crafted and signed by openssl and verified by `openssl req -verify`), read through parseCsr, show the finding.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { peerDir, type CraftedAttribute } from '../../../../test/helpers/csr-peer';
import { fixture } from '../../../../test/helpers/fixtures';
import type { CsrProblemDto } from '../../../api/dto';
import { isPkiError } from '../../errors';
import { parseCsr } from '../csr';
import { lintCsr } from './index';

const peer = peerDir();
after(() => peer.cleanup());

const PRINTABLE = 0x13;
const UTF8 = 0x0c;
const at = (oid: string, value: string, tag = UTF8): CraftedAttribute[] => [{ oid, tag, value }];
const C = '2.5.4.6';
const O = '2.5.4.10';
const CN = '2.5.4.3';
const SERIAL = '2.5.4.5';
const server = (san: string) => ['-subj', '/CN=www.example.com', '-addext', `subjectAltName=DNS:www.example.com,${san}`];

interface Case {
  code: string;
  severity: CsrProblemDto['severity'];
  field: string;
  /** Words the message must contain (what to do about it). */
  says: RegExp;
  make: () => Uint8Array;
}

function challengeConfig(): string {
  const path = join(peer.dir, 'challenge.cnf');
  writeFileSync(path, '[req]\nprompt = no\ndistinguished_name = dn\nattributes = attrs\n[dn]\nCN = www.example.com\n[attrs]\nchallengePassword = opensesame\n');
  return path;
}

const CASES: Case[] = [
  { code: 'NO_SUBJECT_NAME', severity: 'error', field: 'subject.0', says: /Add the host name/, make: () => peer.req('rsa:2048', ['-subj', '/O=Example']) },
  { code: 'SUBJECT_VALUE_EMPTY', severity: 'error', field: 'subject.1', says: /Fill it in, or remove/, make: () => peer.crafted([at(C, 'US', PRINTABLE), at(O, ''), at(CN, 'www.example.com')]) },
  { code: 'SUBJECT_COUNTRY_NOT_ISO', severity: 'error', field: 'subject.0', says: /Use "US"/, make: () => peer.crafted([at(C, 'USA', PRINTABLE), at(CN, 'www.example.com')]) },
  { code: 'SUBJECT_COUNTRY_NOT_ISO', severity: 'error', field: 'subject.0', says: /Use "GB"/, make: () => peer.crafted([at(C, 'UK', PRINTABLE), at(CN, 'www.example.com')]) },
  { code: 'SUBJECT_VALUE_TOO_LONG', severity: 'error', field: 'subject.0', says: /at most 64/, make: () => peer.crafted([at(CN, 'a'.repeat(60) + '.example.com')]) },
  { code: 'SUBJECT_NOT_PRINTABLE_STRING', severity: 'error', field: 'subject.0', says: /"_"/, make: () => peer.crafted([at(SERIAL, 'AB_12'), at(CN, 'www.example.com')]) },
  { code: 'SUBJECT_CONTROL_CHARACTER', severity: 'error', field: 'subject.0', says: /Retype the value/, make: () => peer.req('rsa:2048', ['-subj', '/O=Example\tInc/CN=www.example.com']) },
  { code: 'CN_NOT_IN_SAN', severity: 'warning', field: 'subject.0', says: /add the CN as a SAN/, make: () => peer.req('rsa:2048', ['-subj', '/CN=www.example.com', '-addext', 'subjectAltName=DNS:api.example.com']) },
  { code: 'WILDCARD_NOT_LEFTMOST', severity: 'error', field: 'san.1', says: /whole leftmost label/, make: () => peer.req('rsa:2048', server('DNS:www.*.example.com')) },
  { code: 'WILDCARD_TOO_BROAD', severity: 'error', field: 'san.1', says: /your own domain/, make: () => peer.req('rsa:2048', server('DNS:*.com')) },
  { code: 'DNS_NAME_INVALID', severity: 'error', field: 'san.1', says: /empty label/, make: () => peer.req('rsa:2048', server('DNS:bad..example.com')) },
  { code: 'DNS_NAME_UNDERSCORE', severity: 'warning', field: 'san.1', says: /public CA will refuse/, make: () => peer.req('rsa:2048', server('DNS:_sip.example.com')) },
  { code: 'DNS_NAME_INTERNAL', severity: 'warning', field: 'san.1', says: /\.local.*public CA will refuse/, make: () => peer.req('rsa:2048', server('DNS:nas.local')) },
  { code: 'DNS_NAME_INTERNAL', severity: 'warning', field: 'san.1', says: /single-label/, make: () => peer.req('rsa:2048', server('DNS:intranet')) },
  { code: 'IP_ADDRESS_RESERVED', severity: 'warning', field: 'san.1', says: /private address \(10\.0\.0\.0\/8/, make: () => peer.req('rsa:2048', server('IP:10.1.2.3')) },
  { code: 'IP_ADDRESS_RESERVED', severity: 'warning', field: 'san.1', says: /link-local/, make: () => peer.req('rsa:2048', server('IP:fe80::1')) },
  { code: 'EMAIL_ADDRESS_MALFORMED', severity: 'error', field: 'san.1', says: /"@"/, make: () => peer.req('rsa:2048', server('email:not-an-email')) },
  { code: 'URI_MALFORMED', severity: 'error', field: 'san.1', says: /scheme/, make: () => peer.req('rsa:2048', server('URI:www.example.com/path')) },
  { code: 'SERVER_AUTH_WITHOUT_SAN', severity: 'warning', field: 'extendedKeyUsage', says: /DNS names/, make: () => peer.req('rsa:2048', ['-subj', '/CN=Build Agent', '-addext', 'extendedKeyUsage=serverAuth']) },
  { code: 'RSA_KEY_TOO_SMALL', severity: 'error', field: 'key', says: /1024 bits/, make: () => peer.req('rsa:1024', server('DNS:api.example.com')) },
  { code: 'KEY_EDDSA_PUBLIC_CA', severity: 'warning', field: 'key', says: /Ed25519/, make: () => peer.req('ed25519', server('DNS:api.example.com')) },
  { code: 'EC_CURVE_P521', severity: 'warning', field: 'key', says: /P-256 or P-384/, make: () => peer.req('ec:P-521', server('DNS:api.example.com')) },
  { code: 'EC_CURVE_NOT_ALLOWED', severity: 'warning', field: 'key', says: /secp256k1/, make: () => peer.req('ec:secp256k1', server('DNS:api.example.com')) },
  { code: 'KEY_USAGE_NOT_FOR_KEY', severity: 'warning', field: 'keyUsage', says: /keyEncipherment/, make: () => peer.req('ec:P-256', [...server('DNS:api.example.com'), '-addext', 'keyUsage=digitalSignature,keyEncipherment']) },
  { code: 'KEY_USAGE_NOT_FOR_KEY', severity: 'warning', field: 'keyUsage', says: /keyAgreement/, make: () => peer.req('rsa:2048', [...server('DNS:api.example.com'), '-addext', 'keyUsage=digitalSignature,keyAgreement']) },
  { code: 'SIGNATURE_SHA1', severity: 'warning', field: 'signatureHash', says: /SHA-256/, make: () => peer.req('rsa:2048', ['-sha1', ...server('DNS:api.example.com')]) },
  { code: 'CHALLENGE_PASSWORD', severity: 'warning', field: 'challengePassword', says: /not encrypted/, make: () => peer.req('rsa:2048', ['-config', challengeConfig()]) },
];

for (const c of CASES) {
  test(`an opened CSR with ${c.code} (${c.says.source})`, () => {
    const der = c.make();
    assert.equal(peer.opensslVerifies(der), true, 'openssl reads and verifies the request');
    const problems = parseCsr(der).problems as CsrProblemDto[];
    const hit = problems.filter((p) => p.code === c.code);
    assert.equal(hit.length, 1, JSON.stringify(problems, null, 1));
    assert.deepEqual([hit[0].severity, hit[0].field], [c.severity, c.field]);
    assert.match(hit[0].message, c.says);
    assert.ok(hit[0].rule);
    // lintCsr gives the same findings without the reader's own.
    assert.deepEqual(lintCsr(der).filter((p) => p.code === c.code), hit);
  });
}

test('an opened CSR whose signature openssl rejects is CSR_SIGNATURE_INVALID', () => {
  const der = peer.req('rsa:2048', server('DNS:api.example.com')).slice();
  assert.deepEqual(parseCsr(der).problems, []);
  der[der.length - 1] ^= 0x01;
  assert.equal(peer.opensslVerifies(der), false);
  const problems = parseCsr(der).problems as CsrProblemDto[];
  assert.deepEqual(problems.map((p) => [p.code, p.severity, p.rule]), [['CSR_SIGNATURE_INVALID', 'error', 'RFC 2986 3']]);
});

test('well-made requests have nothing to say: RSA and P-256 server CSRs, a client CSR with an email CN', () => {
  assert.deepEqual(parseCsr(peer.req('rsa:2048', server('IP:8.8.8.8'))).problems, []);
  assert.deepEqual(parseCsr(peer.req('ec:P-256', [...server('DNS:*.example.com'), '-addext', 'keyUsage=critical,digitalSignature', '-addext', 'extendedKeyUsage=serverAuth'])).problems, []);
  const client = peer.req('ec:P-384', ['-subj', '/C=DE/O=Example GmbH/CN=api-user-42@example.com', '-addext', 'extendedKeyUsage=clientAuth']);
  assert.deepEqual(parseCsr(client).problems, []);
});

test("pyca's 25 request vectors: every one reads, and the lints agree with openssl's own view of each", () => {
  const rows = readFileSync(fixture('corpus', 'pyca', 'x509-manifest.tsv'), 'utf8')
    .split('\n')
    .map((l) => l.split('\t'))
    .filter((r) => r[1] === 'csr');
  assert.equal(rows.length, 25);
  for (const [path, , , inform] of rows) {
    const file = fixture('corpus', 'pyca', path);
    const text = spawnSync('openssl', ['req', '-inform', inform, '-in', file, '-noout', '-text', '-verify'], { encoding: 'utf8' });
    const verified = /verify OK/.test(text.stdout + text.stderr);
    const bytes = new Uint8Array(readFileSync(file));
    const der = inform === 'PEM' ? new Uint8Array(Buffer.from(/-----BEGIN[^-]*-----([\s\S]*?)-----END/.exec(Buffer.from(bytes).toString('latin1'))![1], 'base64')) : bytes;
    const codes = new Set((parseCsr(der).problems as CsrProblemDto[]).map((p) => p.code));
    // Signature: never "invalid" when openssl verifies it; when openssl does not, invalid (or unchecked: MD4, DSA).
    if (verified) assert.ok(!codes.has('CSR_SIGNATURE_INVALID'), path);
    else assert.ok(codes.has('CSR_SIGNATURE_INVALID') || codes.has('CSR_SIGNATURE_UNCHECKED'), path);
    const sigAlg = /Signature Algorithm: (\S+)/.exec(text.stdout)![1];
    assert.equal(codes.has('SIGNATURE_SHA1'), /sha1/i.test(sigAlg), `${path}: ${sigAlg}`);
    const cn = /Subject:.*CN ?= ?([^,\n]+)/.exec(text.stdout)?.[1].trim();
    const san = /X509v3 Subject Alternative Name:[^\n]*\n\s*([^\n]*)/.exec(text.stdout)?.[1] ?? '';
    const cnIsHost = !!cn && /^[^\s@]+\.[^\s@]+$/.test(cn);
    assert.equal(codes.has('CN_NOT_IN_SAN'), cnIsHost && !san.includes(`DNS:${cn}`), `${path}: CN ${cn}, SAN ${san}`);
    assert.equal(codes.has('NO_SUBJECT_NAME'), !cn && san === '', path);
    const bits = Number(/Public-Key: \((\d+) bit\)/.exec(text.stdout)?.[1]);
    assert.equal(codes.has('RSA_KEY_TOO_SMALL'), /rsaEncryption/.test(text.stdout) && bits < 2048, path);
  }
});

test('a damaged request never crashes the lints: every one-byte change reads or fails as a typed PkiError', () => {
  const good = peer.req('ec:P-256', [...server('IP:10.0.0.1,email:a@example.com,URI:https://example.com/,DNS:*.example.com'), '-addext', 'keyUsage=digitalSignature']);
  let read = 0;
  for (let i = 0; i < good.length; i++) {
    for (const flip of [0x01, 0x80, 0xff]) {
      const bad = good.slice();
      bad[i] ^= flip;
      try {
        const csr = parseCsr(bad);
        for (const p of csr.problems) assert.ok(p.code && p.message, `byte ${i}`);
        read++;
      } catch (e) {
        assert.ok(isPkiError(e), `byte ${i} ^ ${flip}: ${(e as Error).stack}`);
      }
    }
  }
  assert.ok(read > good.length, `${read} damaged requests still read (their lints ran)`);
});
