/**
 * Asserts that our decoded extensions say what OpenSSL's `-text` says (test/helpers/openssl-extensions.ts reads
 * it): the same extensions in the same order and criticality, and for the ones OpenSSL decodes, the same
 * values. Names are compared by their attribute values and serials by value, so the comparison holds whether
 * names print as OpenSSL's one-line form or RFC 4514.
 */
import assert from 'node:assert/strict';
import type { ExtensionDto } from '../../main/api/dto';
import { EXTENDED_KEY_USAGES } from '../../main/pki/x509/oids';
import {
  nameValues,
  OPENSSL_EKU,
  OPENSSL_EXTENSION_NAMES,
  OPENSSL_KEY_USAGE,
  OPENSSL_POLICY,
  opensslDecoded,
  opensslExtensions,
  opensslGeneralNames,
  ourGeneralName,
  plainHex,
  reasonKey,
  type GeneralNameValue,
  type OpensslExtension,
} from './openssl-extensions';

const isAscii = (s: string) => /^[\x20-\x7e]*$/.test(s);
const unescape = (s: string) => s.replace(/\\(.)/g, '$1');
const dotted = /^\d+(\.\d+)+$/;

/** How many values of each kind were compared: proof the comparisons ran. */
export const compared = new Map<string, number>();
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

/** Our extensions against OpenSSL's dump `text` (its `section`: "X509v3 extensions", "Requested Extensions", "CRL extensions"). */
export function assertSameExtensions(ours: ExtensionDto[], text: string, section: string, label: string): void {
  assert.deepEqual(ours.filter((e) => e.error), [], `${label}: every extension decodes`);
  const theirs = opensslExtensions(text, section);
  assert.equal(ours.length, theirs.length, `${label} extensions: ours ${ours.map((e) => e.name).join(', ')}; OpenSSL ${theirs.map((e) => e.name).join(', ')}`);
  ours.forEach((e, i) => {
    const where = `${label} ${theirs[i].name}`;
    const expectedName = OPENSSL_EXTENSION_NAMES[e.oid];
    if (expectedName) assert.equal(theirs[i].name, expectedName, `${where}: extension ${i + 1} is ${e.oid}`);
    else if (dotted.test(theirs[i].name)) assert.equal(e.oid, theirs[i].name, where);
    assert.equal(e.critical, theirs[i].critical, `${where}: critical`);
    if (expectedName && opensslDecoded(e.oid, theirs[i].lines)) sameValue(e, theirs[i], where);
    else if (expectedName) count(`not decoded by OpenSSL: ${e.name}`);
  });
}
