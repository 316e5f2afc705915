/**
 * pyca/cryptography's X.509 vectors, against OpenSSL: every file OpenSSL reads as a certificate, CSR or CRL
 * (x509-manifest.tsv, by trying OpenSSL, not by the corpus index's label) we read to the same DER, with the same
 * extensions in the same order and criticality, and the same decoded values as `openssl -text`
 * (x509-openssl.json): GeneralNames (DNS, IP, email, URI, dirName, otherName) in SAN, IAN, AIA, SIA, CRL DP and
 * AKI, key usage, EKU, basic constraints, key identifiers, policies and their qualifiers, CRL DP reasons, CRL
 * numbers. Names are compared by their attribute values and serials by value, so the comparison holds whether
 * names print as OpenSSL's one-line form or RFC 4514. Files OpenSSL does not read get an asserted answer.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fixture, fixtureBytes, fixtureJson } from '../../test/helpers/fixtures';
import {
  nameValues,
  OPENSSL_EKU,
  OPENSSL_EXTENSION_NAMES,
  OPENSSL_KEY_USAGE,
  OPENSSL_POLICY,
  opensslExtensions,
  opensslDecoded,
  opensslGeneralNames,
  ourGeneralName,
  plainHex,
  reasonKey,
  type GeneralNameValue,
  type OpensslExtension,
} from '../../test/helpers/openssl-extensions';
import type { ExtensionDto } from '../api/dto';
import { digest } from './crypto';
import { describeObject } from './describe';
import { isPkiError } from './errors';
import { readBytes } from './read';
import { EXTENDED_KEY_USAGES } from './x509/oids';

const rows = readFileSync(fixture('corpus', 'pyca', 'x509-manifest.tsv'), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((l) => l.split('\t'))
  .map(([path, kind, sha256]) => ({ path, kind, sha256 }));
const opensslText = fixtureJson<Record<string, string>>('corpus', 'pyca', 'x509-openssl.json');

const SECTION: Record<string, string> = { certificate: 'X509v3 extensions', csr: 'Requested Extensions', crl: 'CRL extensions' };
const isAscii = (s: string) => /^[\x20-\x7e]*$/.test(s);
const unescape = (s: string) => s.replace(/\\(.)/g, '$1');
const dotted = /^\d+(\.\d+)+$/;

/** How many values of each kind were compared across the corpus: proof the comparisons ran. */
const compared = new Map<string, number>();
const count = (what: string) => compared.set(what, (compared.get(what) ?? 0) + 1);

function sameGeneralName(ours: GeneralNameValue, theirs: GeneralNameValue, where: string): void {
  assert.equal(ours.kind, theirs.kind, `${where}: kind`);
  switch (theirs.kind) {
    case 'DNS':
    case 'email':
    case 'URI':
      // OpenSSL prints non-ASCII bytes raw; ours are flagged as problems (NON_ASCII_DNS), not compared here.
      if (!isAscii(theirs.value)) return;
      assert.equal(ours.value, theirs.value, where);
      break;
    case 'IP Address':
      if (theirs.value === '<invalid>') return; // a wrong length: reported as a problem, not an address
      assert.equal(ours.value, theirs.value, where);
      break;
    case 'DirName':
      for (const v of nameValues(theirs.value)) if (isAscii(v)) assert.ok(unescape(ours.value).includes(v), `${where}: ${ours.value} lacks ${v}`);
      break;
    case 'othername': {
      const value = theirs.value.split('::')[1];
      if (value !== undefined && value !== '<unsupported>' && isAscii(value)) assert.ok(ours.value.includes(value), `${where}: ${ours.value} lacks ${value}`);
      break;
    }
    case 'Registered ID':
      if (dotted.test(theirs.value)) assert.ok(ours.value.includes(theirs.value), where);
      break;
  }
  count(`GeneralName ${theirs.kind}`);
}

function sameGeneralNames(ours: string[], theirs: GeneralNameValue[], where: string): void {
  assert.deepEqual(ours.map((l) => ourGeneralName(l).kind), theirs.map((g) => g.kind), `${where}: the GeneralNames`);
  theirs.forEach((g, i) => sameGeneralName(ourGeneralName(ours[i]), g, `${where} #${i + 1}`));
}

const EKU_OIDS = Object.fromEntries(Object.entries(EXTENDED_KEY_USAGES).map(([oid, name]) => [name, oid]));
const ekuOid = (name: string) => OPENSSL_EKU[name] ?? EKU_OIDS[name] ?? name;
const keyUsageName = (name: string) => OPENSSL_KEY_USAGE[name] ?? name;
const policyOid = (line: string) => {
  const v = line.replace(/^Policy:\s*/, '');
  return OPENSSL_POLICY[v] ?? /\(([\d.]+)\)$/.exec(v)?.[1] ?? v;
};

/** The decoded value of one extension, ours against OpenSSL's, by what the extension means. */
function sameValue(ours: ExtensionDto, theirs: OpensslExtension, where: string): void {
  const lines = ours.lines;
  switch (ours.oid) {
    case '2.5.29.17':
    case '2.5.29.18':
      return sameGeneralNames(lines, opensslGeneralNames(theirs.lines.join(', ')), where);
    case '2.5.29.15': {
      const theirBits = theirs.lines[0].split(', ').map(keyUsageName).sort();
      const ourBits = lines[0] === '(none)' ? [] : lines[0].split(', ').map(keyUsageName).sort();
      assert.deepEqual(ourBits, theirBits, where);
      return void count('key usage');
    }
    case '2.5.29.37':
      assert.deepEqual(lines.join(', ').split(', ').map(ekuOid), theirs.lines.join(', ').split(', ').map(ekuOid), where);
      return void count('extended key usage');
    case '2.5.29.19': {
      const text = theirs.lines.join(', ');
      const ourText = lines.join(', ');
      assert.equal(/CA:\s?TRUE/.test(ourText), /CA:TRUE/.test(text), `${where}: CA`);
      assert.equal(/(?:Path length|pathlen):\s?(\d+)/i.exec(ourText)?.[1] ?? null, /pathlen:(\d+)/.exec(text)?.[1] ?? null, `${where}: path length`);
      return void count('basic constraints');
    }
    case '2.5.29.14':
      assert.equal(plainHex(lines[0]), plainHex(theirs.lines[0]), where);
      return void count('subject key identifier');
    case '2.5.29.35': {
      const theirId = theirs.lines.find((l) => /^keyid:/.test(l))?.slice(6) ?? theirs.lines.find((l) => /^[0-9A-F]{2}(:[0-9A-F]{2})*$/.test(l));
      const ourId = lines.find((l) => /^keyid:/.test(l))?.replace(/^keyid:\s?/, '');
      assert.equal(ourId && plainHex(ourId), theirId && plainHex(theirId), `${where}: keyid`);
      const theirSerial = theirs.lines.find((l) => /^serial:/.test(l));
      const ourSerial = lines.find((l) => /^serial:/.test(l));
      assert.equal(ourSerial && plainHex(ourSerial.slice(7)), theirSerial && plainHex(theirSerial.slice(7)), `${where}: serial`);
      const theirIssuer = theirs.lines.filter((l) => !/^(keyid|serial):/.test(l) && !/^[0-9A-F]{2}(:[0-9A-F]{2})*$/.test(l)).flatMap((l) => opensslGeneralNames(l));
      sameGeneralNames(lines.filter((l) => /^issuer:/.test(l)).map((l) => l.replace(/^issuer:\s?/, '')), theirIssuer, `${where}: issuer`);
      return void count('authority key identifier');
    }
    case '2.5.29.32': {
      const theirPolicies = theirs.lines.filter((l) => l.startsWith('Policy:')).map(policyOid);
      assert.deepEqual(lines.filter((l) => l.startsWith('Policy:')).map(policyOid), theirPolicies, `${where}: policies`);
      const cps = (ls: string[]) => ls.filter((l) => l.trim().startsWith('CPS:')).map((l) => l.trim().slice(4).trim());
      assert.deepEqual(cps(lines), cps(theirs.lines), `${where}: CPS`);
      // OpenSSL prints a BMPString explicit text as its raw bytes (often nothing): those are not compared.
      const theirTexts = theirs.lines.filter((l) => l.startsWith('Explicit Text:')).map((l) => l.slice(14).trim());
      const ourTexts = lines.filter((l) => /User Notice: /.test(l) && !/\(reference\)$/.test(l)).map((l) => l.replace(/^\s*User Notice:\s*/, ''));
      assert.equal(ourTexts.length, theirTexts.length, `${where}: user notices`);
      theirTexts.forEach((t, i) => t && isAscii(t) && assert.equal(ourTexts[i], t, `${where}: user notice text`));
      return void count('certificate policies');
    }
    case '2.5.29.31':
    case '2.5.29.46': {
      const text = theirs.lines.join('\n');
      const uris = (t: string) => [...t.matchAll(/URI:(\S+)/g)].map((m) => m[1]);
      assert.deepEqual(uris(lines.join('\n')), uris(text), `${where}: URIs`);
      const theirReasons = [...text.matchAll(/Reasons:\s*\n?([^\n]+)/g)].map((m) => m[1].split(', ').map(reasonKey).sort());
      const ourReasons = lines.filter((l) => l.startsWith('Reasons:')).map((l) => l.slice(8).trim().split(', ').map(reasonKey).sort());
      assert.deepEqual(ourReasons, theirReasons, `${where}: reasons`);
      for (const m of text.matchAll(/DirName:([^\n]+)/g)) for (const v of nameValues(m[1])) assert.ok(unescape(lines.join('\n')).includes(v), `${where}: lacks ${v}`);
      return void count('CRL distribution points');
    }
    case '1.3.6.1.5.5.7.1.1':
    case '1.3.6.1.5.5.7.1.11': {
      const split = (l: string) => /^(.*?) - (.*)$/.exec(l) ?? [l, '?', l];
      assert.equal(lines.length, theirs.lines.length, `${where}: access descriptions`);
      theirs.lines.forEach((l, i) => {
        const [, theirMethod, theirName] = split(l);
        const [, ourMethod, ourName] = split(lines[i]);
        assert.equal(ourMethod, theirMethod, `${where} #${i + 1}: method`);
        sameGeneralName(ourGeneralName(ourName), opensslGeneralNames(theirName)[0], `${where} #${i + 1}`);
      });
      return void count('information access');
    }
    case '2.5.29.20': {
      const v = theirs.lines[0];
      assert.equal(BigInt(lines[0]), BigInt(/^0x/i.test(v) ? v : /^[\d]+$/.test(v) ? v : `0x${plainHex(v)}`), where);
      return void count('CRL number');
    }
  }
}

test('the pyca x509 manifest covers certificates, CSRs and CRLs', () => {
  assert.equal(rows.filter((r) => r.kind === 'certificate').length, 106);
  assert.equal(rows.filter((r) => r.kind === 'csr').length, 25);
  assert.equal(rows.filter((r) => r.kind === 'crl').length, 24);
  assert.equal(Object.keys(opensslText).length, 155, 'an OpenSSL dump for every file OpenSSL reads');
  // The index labels this "other PEM"; OpenSSL reads it (an "X509 CERTIFICATE" PEM block).
  assert.equal(rows.find((r) => r.path === 'x509/cryptography.io.old_header.pem')?.kind, 'certificate');
});

for (const row of rows.filter((r) => SECTION[r.kind])) {
  test(`pyca ${row.path}: the same ${row.kind} and extensions as OpenSSL`, async () => {
    const result = await readBytes(fixtureBytes('corpus', 'pyca', row.path));
    const first = result.objects.find((o) => o.kind === row.kind);
    assert.ok(first && 'der' in first, `no ${row.kind} found`);
    const dto = describeObject(first, { id: 'x', now: new Date(), storeKey: () => 'h' });
    assert.equal((dto as { sha256?: string }).sha256, row.sha256);
    const ours = 'extensions' in dto ? dto.extensions : [];
    assert.deepEqual(ours.filter((e) => e.error), [], 'every extension decodes');
    const theirs = opensslExtensions(opensslText[row.path], SECTION[row.kind]);
    assert.equal(ours.length, theirs.length, `extensions: ours ${ours.map((e) => e.name).join(', ')}; OpenSSL ${theirs.map((e) => e.name).join(', ')}`);
    ours.forEach((e, i) => {
      const where = `${row.path} ${theirs[i].name}`;
      const expectedName = OPENSSL_EXTENSION_NAMES[e.oid];
      if (expectedName) assert.equal(theirs[i].name, expectedName, `${where}: extension ${i + 1} is ${e.oid}`);
      else if (dotted.test(theirs[i].name)) assert.equal(e.oid, theirs[i].name, where);
      assert.equal(e.critical, theirs[i].critical, `${where}: critical`);
      if (expectedName && opensslDecoded(e.oid, theirs[i].lines)) sameValue(e, theirs[i], where);
      else if (expectedName) count(`not decoded by OpenSSL: ${e.name}`);
    });
  });
}

// What each file OpenSSL does not read as X.509 gives here, asserted (not merely "no crash").
const NOT_X509: Record<string, (r: Awaited<ReturnType<typeof readBytes>> | null, error: unknown) => void> = {
  // A bare TBSCertificate (no signature): nothing Certbench opens.
  'x509/cryptography-scts-tbs-precert.der': (_r, e) => assert.ok(isPkiError(e) && e.code === 'UNRECOGNIZED_FORMAT', String(e)),
  // OpenSSL refuses these names; Certbench shows the certificate (the name problems are its own to report).
  'x509/custom/invalid_utf8_common_name.pem': (r) => assert.deepEqual(r?.objects.map((o) => o.kind), ['certificate']),
  'x509/custom/long-form-name-attribute.pem': (r) => assert.deepEqual(r?.objects.map((o) => o.kind), ['certificate']),
  'x509/custom/ca/ca_key.pem': (r) => assert.deepEqual(r?.objects.map((o) => o.kind), ['privateKey']),
  'x509/custom/ca/rsa_key.pem': (r) => assert.deepEqual(r?.objects.map((o) => o.kind), ['privateKey']),
};

test('every file OpenSSL does not read as X.509 has an asserted outcome', () => {
  assert.deepEqual(rows.filter((r) => !SECTION[r.kind]).map((r) => r.path).sort(), Object.keys(NOT_X509).sort());
});

for (const [path, check] of Object.entries(NOT_X509)) {
  test(`pyca ${path}: not X.509 to OpenSSL, and what Certbench says`, async () => {
    const bytes = fixtureBytes('corpus', 'pyca', path);
    let result: Awaited<ReturnType<typeof readBytes>> | null = null;
    let error: unknown = null;
    try {
      result = await readBytes(bytes);
    } catch (e) {
      error = e;
      assert.ok(isPkiError(e), `untyped error: ${String(e)}`);
    }
    check(result, error);
    // A certificate OpenSSL refuses is still the bytes of the PEM block.
    const cert = result?.objects.find((o) => o.kind === 'certificate');
    if (cert && 'der' in cert) {
      const body = Buffer.from(readFileSync(fixture('corpus', 'pyca', path), 'utf8').replace(/-----[^-]+-----|\s/g, ''), 'base64');
      assert.deepEqual(Buffer.from(digest('sha256', cert.der)), Buffer.from(digest('sha256', new Uint8Array(body))));
    }
  });
}

test('the comparisons ran on every kind of value they claim', () => {
  // Filled by the tests above (node runs a file's tests in order).
  for (const what of ['GeneralName DNS', 'GeneralName IP Address', 'GeneralName email', 'GeneralName URI', 'GeneralName DirName', 'GeneralName othername', 'key usage', 'extended key usage', 'basic constraints', 'subject key identifier', 'authority key identifier', 'certificate policies', 'CRL distribution points', 'information access', 'CRL number']) {
    assert.ok((compared.get(what) ?? 0) > 0, `${what}: never compared`);
  }
});
