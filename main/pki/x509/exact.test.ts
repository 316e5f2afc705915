/**
 * Exact as OpenSSL reads it: names (multi-valued RDNs, a leading '#'), signed serials and OpenSSL's long
 * algorithm names, compared with what OpenSSL said about the same files (test/fixtures/make-exact.sh), and the
 * `problems` each structurally wrong certificate carries (crafted with OpenSSL, and pyca's edge cases).
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { describeAlone } from '../../../test/helpers/describe';
import { fixture, fixtureBytes } from '../../../test/helpers/fixtures';
import type { CertificateDto, CrlDto, ObjectDto } from '../../api/dto';
import { readBytes } from '../read';
import { SIGNATURE_ALGORITHMS, HASH_ALGORITHMS } from './oids';

const manifest = readFileSync(fixture('exact', 'manifest.tsv'), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((l) => l.split('\t'))
  .map(([file, subject, serial, innerAlg, outerAlg]) => ({ file, subject, serial, innerAlg, outerAlg }));

async function open(...path: string[]): Promise<ObjectDto> {
  const r = await readBytes(fixtureBytes(...path));
  return describeAlone(r.objects[0], 't/0', new Date('2026-11-27T00:00:00Z'));
}

async function cert(...path: string[]): Promise<CertificateDto> {
  const r = await readBytes(fixtureBytes(...path));
  const raw = r.objects.find((x) => x.kind === 'certificate') ?? r.objects[0];
  const o = describeAlone(raw, 't/0', new Date('2026-11-27T00:00:00Z'));
  assert.equal(o.kind, 'certificate', o.kind === 'unsupported' ? o.error.message : '');
  return o as CertificateDto;
}

const codes = (o: { problems: { code: string }[] }) => o.problems.map((p) => p.code).sort();

test('the exact manifest lists every crafted file', () => {
  assert.equal(manifest.length, 12);
});

for (const row of manifest) {
  test(`${row.file}: subject, serial and signature algorithm as OpenSSL prints them`, async () => {
    const c = await cert('exact', row.file);
    assert.equal(c.subject, row.subject, 'subject (openssl x509 -subject -nameopt RFC2253)');
    assert.equal(c.serial, row.serial, 'serial (openssl x509 -serial)');
    assert.equal(c.signatureAlgorithm, row.outerAlg, 'signature algorithm (openssl x509 -text)');
  });
}

test('a multi-valued RDN joins with "+" and keeps each value as a part', async () => {
  const c = await cert('exact', 'multi-rdn.pem');
  assert.equal(c.subject, 'O=\\#hash\\, Inc.,CN=multi.example.test+OU=Support,C=US');
  assert.deepEqual(c.subjectParts.map((p) => p.name), ['C', 'OU', 'CN', 'O']);
  assert.deepEqual(codes(c), []);
});

test('a negative serial prints signed and is a warning', async () => {
  const c = await cert('exact', 'negative-serial.pem');
  assert.equal(c.serial, '-04316693ED');
  assert.deepEqual(codes(c), ['NEGATIVE_SERIAL']);
  const pyca = await cert('corpus', 'pyca', 'x509', 'custom', 'negative_serial.pem');
  assert.equal(pyca.serial, execFileSync('openssl', ['x509', '-noout', '-serial', '-in', fixture('corpus', 'pyca', 'x509', 'custom', 'negative_serial.pem')], { encoding: 'utf8' }).trim().replace('serial=', ''));
});

test('DSA: OpenSSL long names dsaWithSHA1 and dsa_with_SHA256, also on pyca\'s DSA CA', async () => {
  assert.equal((await cert('exact', 'dsa-sha1.pem')).signatureAlgorithm, 'dsaWithSHA1');
  assert.equal((await cert('exact', 'dsa-sha256.pem')).signatureAlgorithm, 'dsa_with_SHA256');
  assert.equal((await cert('corpus', 'pyca', 'x509', 'custom', 'dsa_selfsigned_ca.pem')).signatureAlgorithm, 'dsaWithSHA1');
});

test('every algorithm name in the tables is the long name OpenSSL gives its OID', () => {
  for (const [oid, name] of Object.entries({ ...SIGNATURE_ALGORITHMS, ...HASH_ALGORITHMS })) {
    const out = execFileSync('openssl', ['asn1parse', '-genstr', `OID:${oid}`], { encoding: 'utf8' });
    assert.equal(/OBJECT\s+:(.*)/.exec(out)?.[1].trim(), name, oid);
  }
});

test('a 5-byte SAN IP is a BAD_IP_LENGTH error, shown as invalid, not as an address', async () => {
  const c = await cert('exact', 'san-ip5.pem');
  assert.deepEqual(c.san, ['DNS:a.test', 'IP:<invalid 0A:00:00:01:05>']);
  assert.deepEqual(codes(c), ['BAD_IP_LENGTH']);
  assert.match(c.problems[0].message, /5 bytes/);
});

test('an 8-byte SAN IP is not a subnet outside name constraints', async () => {
  const c = await cert('exact', 'san-ip8.pem');
  assert.deepEqual(c.san, ['IP:<invalid 0A:00:00:00:FF:FF:FF:00>']);
  assert.deepEqual(codes(c), ['BAD_IP_LENGTH']);
  assert.match(c.problems[0].message, /name constraints only/);
});

test('name constraints: a 4-byte IP is a problem, address/mask is shown; pyca 17-byte and netmask cases', async () => {
  const c = await cert('exact', 'nc-ip4.pem');
  const nc = c.extensions.find((e) => e.oid === '2.5.29.30');
  assert.deepEqual(nc?.lines, ['Permitted: IP:<invalid 0A:00:00:01>', 'Permitted: IP:10.0.0.0/255.255.255.0']);
  assert.deepEqual(codes(c), ['BAD_IP_LENGTH']);
  const pyca = await cert('corpus', 'pyca', 'x509', 'custom', 'nc_ip_invalid_length.pem');
  assert.deepEqual(codes(pyca), ['BAD_IP_LENGTH']);
  const mask = await cert('corpus', 'pyca', 'x509', 'custom', 'nc_invalid_ip_netmask.pem');
  assert.deepEqual(mask.extensions.find((e) => e.oid === '2.5.29.30')?.lines, ['Permitted: IP:FF:0:0:0:0:0:0:0/FFFF:FFFF:0:FFFF:FFFF:FF:0:0']);
  assert.deepEqual(codes(mask), ['BAD_IP_MASK']);
  assert.deepEqual(codes(await cert('corpus', 'pyca', 'x509', 'custom', 'nc_single_ip_netmask.pem')), []);
});

test('non-ASCII bytes in a dNSName: shown as the UTF-8 they are, and a NON_ASCII_DNS error', async () => {
  const c = await cert('exact', 'san-nonascii.pem');
  assert.deepEqual(c.san, ['DNS:bücher.example']);
  assert.deepEqual(codes(c), ['NON_ASCII_DNS']);
  const pyca = await cert('corpus', 'pyca', 'x509', 'utf8-dnsname.pem');
  assert.ok(codes(pyca).includes('NON_ASCII_DNS'));
});

test('a SAN that cannot be decoded is a SAN_UNDECODABLE error, not just an empty list', async () => {
  const c = await cert('exact', 'san-badsan.pem');
  assert.deepEqual(c.san, []);
  assert.deepEqual(codes(c), ['SAN_UNDECODABLE']);
  assert.match(c.problems[0].message, /names this certificate covers are unknown/);
  assert.ok(c.extensions.find((e) => e.oid === '2.5.29.17')?.error);
});

test('inner and outer signature algorithms that differ (RFC 5280 4.1.1.2)', async () => {
  const c = await cert('exact', 'sigalg-mismatch.der');
  const row = manifest.find((r) => r.file === 'sigalg-mismatch.der');
  assert.notEqual(row?.innerAlg, row?.outerAlg, 'OpenSSL sees two algorithms');
  assert.deepEqual(codes(c), ['SIGNATURE_ALGORITHM_MISMATCH']);
  assert.ok(c.problems[0].message.includes(row!.innerAlg) && c.problems[0].message.includes(row!.outerAlg));
  assert.equal(c.problems[0].severity, 'error');
});

test('an unknown critical extension is a warning', async () => {
  assert.deepEqual(codes(await cert('exact', 'unknown-critical.pem')), ['UNKNOWN_CRITICAL_EXTENSION']);
});

test('pyca edge cases: duplicate extension, bad version, healthy certificates stay clean', async () => {
  assert.ok(codes(await cert('corpus', 'pyca', 'x509', 'custom', 'two_basic_constraints.pem')).includes('DUPLICATE_EXTENSION'));
  assert.ok(codes(await cert('corpus', 'pyca', 'x509', 'custom', 'invalid_version.pem')).includes('BAD_VERSION'));
  for (const f of ['san_ipaddr.pem', 'san_idna_names.pem', 'all_supported_names.pem', 'ca/ca.pem']) {
    assert.deepEqual(codes(await cert('corpus', 'pyca', 'x509', 'custom', f)), [], f);
  }
});

test('OpenSSL-made fixtures have no problems', async () => {
  for (const f of ['root.pem', 'inter.pem', 'leaf.pem', 'client-ed25519.pem']) assert.deepEqual(codes(await cert('x509', f)), [], f);
  const crl = (await open('x509', 'inter.crl')) as CrlDto;
  assert.equal(crl.kind, 'crl');
  assert.deepEqual(codes(crl), []);
});

test('CRLs: a bad version and an invalid time are problems', async () => {
  const bad = (await open('corpus', 'pyca', 'x509', 'custom', 'crl_bad_version.pem')) as CrlDto;
  assert.ok(codes(bad).includes('BAD_VERSION'), JSON.stringify(bad.problems));
  const time = (await open('corpus', 'pyca', 'x509', 'custom', 'crl_invalid_time.der')) as CrlDto;
  assert.ok(codes(time).includes('INVALID_TIME'), JSON.stringify(time.problems));
});

test('well-known but undecoded critical extensions (a CRL\'s issuing distribution point) are not "unknown"', async () => {
  const crl = (await open('corpus', 'pyca', 'x509', 'custom', 'crl_idp_fullname_only.pem')) as CrlDto;
  assert.equal(crl.kind, 'crl');
  assert.deepEqual(codes(crl), []);
});

test('a zero serial (as on some Mozilla roots) is only information', async () => {
  const r = await readBytes(fixtureBytes('corpus', 'certifi', 'cacert.pem'));
  const zero = r.objects.map((o, i) => describeAlone(o, `t/${i}`, new Date())).filter((o): o is CertificateDto => o.kind === 'certificate' && o.serial === '00');
  assert.ok(zero.length > 0);
  for (const c of zero) assert.deepEqual(c.problems.map((p) => [p.code, p.severity]), [['ZERO_SERIAL', 'info']]);
});

test('pyca v1_cert: the outer algorithm names a bare hash, the inner md5WithRSAEncryption (OpenSSL prints both)', async () => {
  const c = await cert('corpus', 'pyca', 'x509', 'v1_cert.pem');
  assert.equal(c.signatureAlgorithm, 'md5');
  assert.deepEqual(codes(c), ['SIGNATURE_ALGORITHM_MISMATCH']);
});

test('every pyca certificate OpenSSL reads: subject and serial equal `openssl x509 -subject -serial -nameopt RFC2253`', async () => {
  const rows = readFileSync(fixture('corpus', 'pyca', 'x509-manifest.tsv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t')).filter((r) => r[1] === 'certificate');
  assert.ok(rows.length >= 100);
  for (const [path] of rows) {
    const file = fixture('corpus', 'pyca', path);
    const out = execFileSync('openssl', ['x509', '-inform', path.endsWith('.der') ? 'DER' : 'PEM', '-in', file, '-noout', '-subject', '-serial', '-nameopt', 'RFC2253'], { encoding: 'utf8' });
    // OpenSSL escapes each UTF-8 byte (\D0\93); RFC 4514 lets the characters stand, as Certbench shows them.
    const subject = /subject=(.*)/.exec(out)![1].replace(/(\\[0-9A-F]{2})+/g, (m) => Buffer.from(m.replace(/\\/g, ''), 'hex').toString('utf8'));
    const c = await cert('corpus', 'pyca', path);
    assert.equal(c.subject, subject, `${path} subject`);
    assert.equal(c.serial, /serial=(.*)/.exec(out)![1], `${path} serial`);
  }
});

test('NIST PKITS: the negative serial and unknown critical extension cases are problems; a valid path EE is clean', async () => {
  assert.deepEqual(codes(await cert('corpus', 'pkits', 'InvalidNegativeSerialNumberTest15EE.crt')), ['NEGATIVE_SERIAL']);
  assert.deepEqual(codes(await cert('corpus', 'pkits', 'InvalidUnknownCriticalCertificateExtensionTest2EE.crt')), ['UNKNOWN_CRITICAL_EXTENSION']);
  assert.deepEqual(codes(await open('corpus', 'pkits', 'UnknownCRLExtensionCACRL.crl')), ['UNKNOWN_CRITICAL_EXTENSION']);
  assert.deepEqual(codes(await cert('corpus', 'pkits', 'ValidCertificatePathTest1EE.crt')), []);
});

test('pyca edge cases each report their own problem', async () => {
  const expect: [string[], string[]][] = [
    [['custom', 'ian_uri.pem'], ['EMPTY_SUBJECT']],
    [['custom', 'inhibit_any_policy_negative.pem'], ['BAD_INHIBIT_ANY_POLICY']],
    [['custom', 'invalid-sct-length.der'], ['SCT_LIST_MALFORMED']],
    [['custom', 'invalid-sct-version.der'], ['SCT_UNKNOWN_VERSION']],
    [['custom', 'invalid_utf8_common_name.pem'], ['BAD_STRING_ENCODING', 'BAD_STRING_ENCODING']],
    [['wosign-bc-invalid.pem'], ['PATH_LENGTH_WITHOUT_CA']],
    [['badasn1time.pem'], ['INVALID_TIME']],
  ];
  for (const [path, want] of expect) assert.deepEqual(codes(await cert('corpus', 'pyca', 'x509', ...path)), want, path.join('/'));
});

test('real-world certificates (Mozilla roots, every Let\'s Encrypt certificate) have no error or warning', async () => {
  const certifi = await readBytes(fixtureBytes('corpus', 'certifi', 'cacert.pem'));
  const dtos = certifi.objects.map((o, i) => describeAlone(o, `t/${i}`, new Date()));
  const dir = fixture('corpus', 'letsencrypt');
  const walk = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : e.name.endsWith('.pem') || e.name.endsWith('.der') ? [join(d, e.name)] : []));
  for (const f of walk(dir)) {
    const r = await readBytes(new Uint8Array(readFileSync(f)));
    dtos.push(...r.objects.map((o, i) => describeAlone(o, `t/${i}`, new Date())));
  }
  assert.ok(dtos.length > 150, `${dtos.length} objects`);
  const serious = dtos.flatMap((d) => d.problems.filter((p) => p.severity !== 'info').map((p) => `${'subject' in d ? d.subject : d.kind}: ${p.code}`));
  assert.deepEqual(serious, []);
});

test('bytes after an extension\'s value: decoded as OpenSSL decodes it, and an EXTENSION_TRAILING_DATA warning', async () => {
  const c = await cert('exact', 'san-trailing.pem');
  assert.deepEqual(c.san, ['DNS:a test']);
  assert.deepEqual(codes(c), ['EXTENSION_TRAILING_DATA']);
});
