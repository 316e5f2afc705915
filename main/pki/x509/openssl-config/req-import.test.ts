/**
 * Config import against `openssl req -new -config F -key K` on the same file: the CSR openssl makes, read by
 * parseCsr, must hold exactly the subject, SANs, key usage and extended key usage the import returns. Bad files
 * must be refused by both, with the line.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseCertificate } from '../certificate';
import { parseCsr } from '../csr';
import { PkiError } from '../../errors';
import { formSubject, opensslReq, sanString } from '../../../../test/helpers/openssl-req-config';
import { importReqConfig } from './index';

/** The import and openssl's CSR agree on every field the form holds. */
async function sameAsOpenssl(config: string, name = 'test.cnf') {
  const imported = importReqConfig(config, name);
  const made = await opensslReq(config);
  assert.ok(made.ok && made.der, `openssl refused the config: ${made.stderr}`);
  const csr = parseCsr(made.der);
  assert.ok(csr.signatureValid);
  assert.deepEqual(formSubject(imported.spec), csr.subjectParts.map((p) => [p.oid, p.value]), 'subject');
  assert.deepEqual(imported.spec.san.map(sanString), csr.san, 'SANs');
  assert.deepEqual(imported.spec.keyUsage, csr.keyUsage, 'key usage');
  assert.deepEqual(imported.spec.extendedKeyUsage, csr.extendedKeyUsage, 'extended key usage');
  const ku = csr.extensions.find((e) => e.oid === '2.5.29.15');
  assert.equal(imported.spec.keyUsageCritical ?? false, ku?.critical ?? false, 'key usage critical');
  return { imported, csr };
}

const FIELD_NOTES = `# The healthcare-paging appliance's config (FIELD-NOTES.md, job 5)
[req]
prompt = no
distinguished_name = req_distinguished_name
req_extensions = v3_req

[req_distinguished_name]
C = US
ST = Minnesota
L = Minneapolis
O = Example Health
OU = Paging
CN = paging.example.com

[v3_req]
keyUsage = keyEncipherment, dataEncipherment
extendedKeyUsage = serverAuth
subjectAltName = @alt_names

[alt_names]
DNS.1 = paging.example.com
DNS.2 = paging-backup.example.com
`;

describe('importReqConfig against openssl req -config', () => {
  it('reads the FIELD-NOTES config (prompt = no, v3_req, @alt_names) as openssl does', async () => {
    const { imported } = await sameAsOpenssl(FIELD_NOTES);
    assert.deepEqual(imported.spec.subject.map((s) => s.type), ['C', 'ST', 'L', 'O', 'OU', 'CN']);
    assert.deepEqual(imported.spec.san, [
      { type: 'DNS', value: 'paging.example.com' },
      { type: 'DNS', value: 'paging-backup.example.com' },
    ]);
    assert.equal(imported.spec.cnAsSan, false);
    assert.deepEqual(imported.spec.extensionOrder, ['keyUsage', 'extendedKeyUsage', 'subjectAltName'], 'the file\'s order, which openssl keeps');
    assert.equal(imported.spec.signatureHash, 'sha256');
    assert.equal(imported.key, null);
    assert.equal(imported.selfSign, null);
    assert.deepEqual(imported.warnings, []);
  });

  it('takes the defaults of a prompt-mode config, as openssl req -batch does, and warns that openssl would ask', async () => {
    const config = `[ req ]
default_bits = 3072
default_md = sha384
distinguished_name = req_distinguished_name
attributes = req_attributes

[ req_distinguished_name ]
countryName = Country Name (2 letter code)
countryName_default = DE
countryName_min = 2
countryName_max = 2
stateOrProvinceName = State or Province Name (full name)
stateOrProvinceName_default = Berlin
localityName = Locality Name (eg, city)
0.organizationName = Organization Name (eg, company)
0.organizationName_default = Example GmbH
organizationalUnitName = Organizational Unit Name (eg, section)
commonName = Common Name (e.g. server FQDN or YOUR name)
commonName_default = www.example.de
commonName_max = 64
emailAddress = Email Address
emailAddress_max = 64

[ req_attributes ]
challengePassword = A challenge password
challengePassword_default = letmein1
challengePassword_min = 4
challengePassword_max = 20
`;
    const { imported } = await sameAsOpenssl(config);
    assert.deepEqual(imported.spec.subject, [
      { type: 'C', value: 'DE' },
      { type: 'ST', value: 'Berlin' },
      { type: 'O', value: 'Example GmbH' },
      { type: 'CN', value: 'www.example.de' },
    ]);
    assert.equal(imported.key, 'rsa:3072');
    assert.equal(imported.spec.signatureHash, 'sha384');
    assert.equal(imported.spec.challengePassword, 'letmein1');
    assert.match(imported.warnings.join('\n'), /openssl would ask for each subject field/);
    assert.match(imported.warnings.join('\n'), /L, OU, emailAddress have no default/);
    const made = await opensslReq(config);
    assert.match(parseCsr(made.der!).attributes.join(), /Challenge password/);
  });

  it('reads inline SANs of every type, critical key usage with long names and EKUs by name and OID', async () => {
    const config = `[req]
prompt = no
distinguished_name = dn
req_extensions = ext
[dn]
CN = api.example.net
[ext]
subjectAltName = DNS:api.example.net,DNS:*.api.example.net, IP:192.0.2.7, IP:2001:db8::7, email:ops@example.net, URI:https://example.net/api
keyUsage = critical, Digital Signature, keyEncipherment
extendedKeyUsage = TLS Web Server Authentication, clientAuth, 1.3.6.1.5.5.7.3.8, msCodeInd
`;
    const { imported } = await sameAsOpenssl(config);
    assert.deepEqual(imported.spec.san.map((s) => s.type), ['DNS', 'DNS', 'IP', 'IP', 'email', 'URI']);
    assert.equal(imported.spec.keyUsageCritical, true);
    assert.deepEqual(imported.spec.extendedKeyUsage, ['serverAuth', 'clientAuth', 'timeStamping', '1.3.6.1.4.1.311.2.1.21']);
  });

  it('keeps repeated fields (0./1. prefixes, long and short names) in file order, and a later duplicate replaces an earlier one', async () => {
    const config = `[req]
prompt = no
distinguished_name = dn
[dn]
countryName = GB
O = Example Ltd
0.organizationalUnitName = Platform
1.OU = Payments
2,OU = Risk
CN = placeholder
emailAddress = pki@example.co.uk
CN = payments.example.co.uk
`;
    const { imported } = await sameAsOpenssl(config);
    assert.deepEqual(imported.spec.subject.map((s) => `${s.type}=${s.value}`), ['C=GB', 'O=Example Ltd', 'OU=Platform', 'OU=Payments', 'OU=Risk', 'emailAddress=pki@example.co.uk', 'CN=payments.example.co.uk']);
  });

  it('expands $var, ${var}, $(var), $section::var and ${section::var}, joins continued lines, honours quotes, escapes and comments', async () => {
    const config = `domain = example.org   # the zone
host = www
[req]
prompt = no
distinguished_name = dn
req_extensions = ext
[ids]
unit = Web Team
[dn]
O = "Example  Org"  # two spaces kept inside quotes
OU = $ids::unit, \\#1
L = Saint Paul\\, MN
CN = $host.$domain
[ext]
subjectAltName = DNS:\${host}.$(domain), DNS:mail.\${default::domain}, \\
    DNS:$domain
`;
    const { imported } = await sameAsOpenssl(config);
    assert.deepEqual(imported.spec.subject.map((s) => s.value), ['Example  Org', 'Web Team, #1', 'Saint Paul, MN', 'www.example.org']);
    assert.deepEqual(imported.spec.san.map((s) => s.value), ['www.example.org', 'mail.example.org', 'example.org']);
  });

  it('follows .pragma dollarid, section::name assignments and [ default ] lookups', async () => {
    const config = `[ default ]
org = Default Org
[ req ]
prompt = no
distinguished_name = dn
.pragma = dollarid:on
[ dn ]
O = $org
OU = Price$5 \${org}
dn::CN = set.from.elsewhere.example
.pragma dollarid:off
L = \\$literal
`;
    const { imported } = await sameAsOpenssl(config);
    assert.deepEqual(imported.spec.subject.map((s) => s.value), ['$org', 'Price$5 Default Org', 'set.from.elsewhere.example', '$literal']);
  });

  it('reads x509_extensions and default_days as the self-signed settings, as openssl req -x509 does', async () => {
    const config = `[req]
prompt = no
distinguished_name = dn
x509_extensions = v3_ca
default_days = 730
[dn]
C = US
O = Lab
CN = Lab Root CA
[v3_ca]
basicConstraints = critical, CA:TRUE, pathlen:1
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
`;
    const imported = importReqConfig(config, 'ca.cnf');
    assert.deepEqual(imported.selfSign, { ca: true, days: 730, pathLength: 1 });
    assert.deepEqual(imported.warnings, []);
    const made = await opensslReq(config, { extra: ['-x509', '-days', '730'] });
    assert.ok(made.ok, made.stderr);
    const cert = parseCertificate(made.der!);
    assert.deepEqual(formSubject(imported.spec), cert.subjectParts.map((p) => [p.oid, p.value]));
    assert.deepEqual(imported.spec.keyUsage, cert.keyUsage);
    assert.equal(cert.isCA, true);
    assert.equal(cert.pathLen, 1);
  });

  it('copies the subject emailAddress into the SANs for email:copy, as openssl does', async () => {
    const config = `[req]
prompt = no
distinguished_name = dn
req_extensions = ext
[dn]
CN = Jane Doe
emailAddress = jane@example.com
[ext]
subjectAltName = email:copy, DNS:jane.example.com
extendedKeyUsage = clientAuth, emailProtection
`;
    const { imported } = await sameAsOpenssl(config);
    assert.deepEqual(imported.spec.san, [
      { type: 'email', value: 'jane@example.com' },
      { type: 'DNS', value: 'jane.example.com' },
    ]);
  });
});

/** Both refuse: openssl exits non-zero, and the import throws INVALID_ARGUMENT naming the line. */
async function bothRefuse(config: string, line: number | null, message: RegExp, opensslSays: RegExp) {
  const made = await opensslReq(config);
  assert.equal(made.ok, false, 'openssl accepted it');
  assert.match(made.stderr, opensslSays);
  let error: unknown;
  try {
    importReqConfig(config, 'bad.cnf');
  } catch (e) {
    error = e;
  }
  assert.ok(error instanceof PkiError, `expected a PkiError, got ${String(error)}`);
  assert.equal(error.code, 'INVALID_ARGUMENT');
  if (line !== null) assert.match(error.message, new RegExp(`^bad\\.cnf, line ${line}: `));
  assert.match(error.message, message);
  assert.ok(error.hint.length > 10, 'a hint');
}

const head = (dn: string, more = '') => `[req]\nprompt = no\ndistinguished_name = ${dn}\n${more}`;

describe('importReqConfig refuses what openssl refuses', () => {
  it('a distinguished_name section the file does not have', () => bothRefuse(head('subject') + '[dn]\nCN = x\n', 3, /\[ subject \], which the file does not have/, /Unable to get 'subject' section/));
  it('a req_extensions section the file does not have', () => bothRefuse(head('dn', 'req_extensions = v3_req\n') + '[dn]\nCN = x\n', 4, /\[ v3_req \]/, /Error checking request extension section v3_req/));
  it('.include', () => bothRefuse('.include /etc/ssl/openssl.cnf\n' + head('dn') + '[dn]\nCN = x\n', 1, /\.include/, /./));
  it('a three-letter country', () => bothRefuse(head('dn') + '[dn]\nC = USA\nCN = x\n', 5, /countryName value "USA" is 3 characters; it must be at most 2/, /string too long/));
  it('an empty CN', () => bothRefuse(head('dn') + '[dn]\nO = x\nCN =\n', 6, /commonName value "" is empty/, /string too short/));
  it('a subject field openssl does not know', () => bothRefuse(head('dn') + '[dn]\nhostname = x\n', 5, /"hostname" is not a subject field/, /invalid field name/));
  it('a line without an equals sign', () => bothRefuse(head('dn') + '[dn]\nCN www.example.com\n', 5, /not a \[section\] or a name = value line/, /missing equal sign/));
  it('a variable with no value', () => bothRefuse(head('dn') + '[dn]\nCN = $host\n', 5, /\$host has no value/, /variable has no value/));
  it('a dollar sign that starts no variable', () => bothRefuse(head('dn') + '[dn]\nCN = pa$ word\n', 5, /has no value/, /variable has no value/));
  it('a section without its closing bracket', () => bothRefuse('[req\nprompt = no\n', 1, /no closing "\]"/, /missing close square bracket/));
  it('a key usage spelt in the wrong case', () => bothRefuse(head('dn', 'req_extensions = e\n') + '[dn]\nCN = x\n[e]\nkeyUsage = digitalsignature\n', 8, /"digitalsignature" is not a key usage/, /unknown bit string argument/));
  it('a SAN type spelt in lower case', () => bothRefuse(head('dn', 'req_extensions = e\n') + '[dn]\nCN = x\n[e]\nsubjectAltName = @alt\n[alt]\ndns.1 = x\n', 10, /"dns.1" is not a name type/, /unsupported option/));
  it('a malformed IP address', () => bothRefuse(head('dn', 'req_extensions = e\n') + '[dn]\nCN = x\n[e]\nsubjectAltName = IP:300.1.2.3\n', 8, /"300.1.2.3" is not an IPv4 or IPv6 address/, /bad ip address/));
  it('an @section that is empty', () => bothRefuse(head('dn', 'req_extensions = e\n') + '[dn]\nCN = x\n[e]\nsubjectAltName = @alt\n[alt]\n', 8, /missing or empty/, /invalid extension string/));
  it('an extension openssl does not know', () => bothRefuse(head('dn', 'req_extensions = e\n') + '[dn]\nCN = x\n[e]\nsubjectAltNames = DNS:x\n', 8, /"subjectAltNames" is not an extension/, /unknown extension name/));
  it('an empty subject', () => bothRefuse(head('dn') + '[dn]\n', 3, /no subject fields/, /No objects specified/));
  it('a file with no req settings at all', () => bothRefuse('[ca]\ndefault_ca = x\n', null, /not an openssl req config/, /No objects specified/));
});

describe('importReqConfig: what openssl accepts but the form cannot hold, and hostile files', () => {
  it('reads an unterminated quote to the end of the line, as openssl does, and warns', async () => {
    const config = head('dn') + '[dn]\nCN = "unterminated.example.com\n';
    const { imported } = await sameAsOpenssl(config);
    assert.equal(imported.spec.subject[0].value, 'unterminated.example.com');
    assert.match(imported.warnings.join(), /Line 5 has a quote that is never closed/);
  });

  it('warns in plain words about settings and extensions the form cannot honour', async () => {
    const config = `[req]
prompt = no
distinguished_name = dn
req_extensions = ext
encrypt_key = no
string_mask = nombstr
default_md = md5
default_bits = 1024
[dn]
CN = Zürich
[ext]
basicConstraints = CA:FALSE
certificatePolicies = 2.23.140.1.2.1
subjectKeyIdentifier = hash
1.2.3.4 = DER:0500
`;
    const r = importReqConfig(config, 'w.cnf');
    const all = r.warnings.join('\n');
    for (const re of [/unencrypted key/, /string_mask = nombstr/, /default_md = md5/, /default_bits = 1024/, /utf8 = yes/, /basicConstraints .* left out/, /certificatePolicies .* left out/, /subjectKeyIdentifier .* left out/, /1\.2\.3\.4 is given as raw DER/]) {
      assert.match(all, re);
    }
    assert.equal(r.key, null);
    assert.equal(r.spec.signatureHash, 'sha256');
  });

  it('refuses a file over 1 MiB at once', () => {
    const t0 = Date.now();
    assert.throws(() => importReqConfig('# x\n'.repeat(300_000), 'big.cnf'), (e: unknown) => e instanceof PkiError && e.code === 'INVALID_ARGUMENT' && /KiB/.test(e.message));
    assert.ok(Date.now() - t0 < 1000);
  });

  it('stops a variable-expansion bomb quickly, with the line', () => {
    const lines = ['a = ' + 'x'.repeat(60_000)];
    for (let i = 0; i < 200; i++) lines.push(`b${i} = $a`);
    const t0 = Date.now();
    assert.throws(() => importReqConfig(lines.join('\n'), 'bomb.cnf'), (e: unknown) => e instanceof PkiError && e.code === 'INVALID_ARGUMENT' && /line \d+: .*(KiB|MiB)/.test(e.message));
    assert.throws(() => importReqConfig('a = ' + 'y'.repeat(40_000) + '\nb = $a$a\n', 'bomb2.cnf'), /line 2: a value is longer than 64 KiB once its variables are filled in \(openssl: "variable expansion too long"\)/);
    assert.ok(Date.now() - t0 < 2000);
  });

  it('reads a 1 MiB file of 24,000 prompt fields, or 120,000 repeats of one name, in a few seconds', () => {
    const prompt = '[req]\ndistinguished_name = dn\n[dn]\n' + Array.from({ length: 24_000 }, (_, i) => `${i}.OU = Unit\n${i}.OU_default = u${i}`).join('\n') + '\n';
    const repeats = head('dn') + '[dn]\n' + 'CN = again.example.com\n'.repeat(45_000);
    const t0 = Date.now();
    assert.equal(importReqConfig(prompt, 'many.cnf').spec.subject.length, 24_000);
    assert.deepEqual(importReqConfig(repeats, 'repeats.cnf').spec.subject, [{ type: 'CN', value: 'again.example.com' }]);
    assert.ok(Date.now() - t0 < 8000, `${Date.now() - t0} ms`);
  });

  it('lists thousands of left-out extensions as 30 warnings at most', () => {
    const config = head('dn', 'req_extensions = e\n') + '[dn]\nCN = x\n[e]\n' + Array.from({ length: 5000 }, (_, i) => `1.2.3.${i} = DER:0500`).join('\n') + '\n';
    const { warnings } = importReqConfig(config, 'many-ext.cnf');
    assert.equal(warnings.length, 30);
    assert.match(warnings[29], /and 4971 more/);
  });

  it('refuses $ENV:: rather than read Certbench\'s own environment', () => {
    assert.throws(() => importReqConfig(head('dn') + '[dn]\nCN = $ENV::HOME\n', 'env.cnf'), /line 5: \$ENV::HOME reads the environment variable HOME/);
  });
});
