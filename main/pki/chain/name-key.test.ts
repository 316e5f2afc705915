/**
 * Name comparison keys: PKITS 4.3 name chaining pairs (an EE's issuer and its CA's subject that differ in
 * spacing, case or string type but are the same name; an RDN order that makes them different), and DER names
 * written here for the rules PKITS does not cover (multi-valued RDN order, BMPString, non-string values).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { readRoot, Tag } from '../der/der';
import { bmpString, objectIdentifier, sequence, setOf, tlv, utf8String } from '../der/write';
import { chainCert } from './chain-cert';
import { nameKey, prepareString } from './name-key';

const pkits = (file: string) => chainCert(new Uint8Array(readFileSync(join(__dirname, '..', '..', '..', 'test', 'fixtures', 'chain', 'pkits-basic', file))));

test('PKITS 4.3: whitespace, capitalization and PrintableString → UTF8String rollover compare equal; bytes differ', () => {
  for (const [ee, ca] of [
    ['ValidNameChainingWhitespaceTest3EE.crt', 'GoodCACert.crt'],
    ['ValidNameChainingWhitespaceTest4EE.crt', 'GoodCACert.crt'],
    ['ValidNameChainingCapitalizationTest5EE.crt', 'GoodCACert.crt'],
    ['ValidRolloverfromPrintableStringtoUTF8StringTest10EE.crt', 'RolloverfromPrintableStringtoUTF8StringCACert.crt'],
    ['ValidUTF8StringCaseInsensitiveMatchTest11EE.crt', 'UTF8StringCaseInsensitiveMatchCACert.crt'],
  ]) {
    const e = pkits(ee);
    const c = pkits(ca);
    assert.notDeepEqual(Buffer.from(e.issuerDer), Buffer.from(c.subjectDer), `${ee}: the test needs names that differ in bytes`);
    assert.equal(e.issuerKey, c.subjectKey, ee);
  }
});

test('PKITS 4.3: another CA name, or the same attributes in another RDN order, is a different name', () => {
  assert.notEqual(pkits('InvalidNameChainingTest1EE.crt').issuerKey, pkits('GoodCACert.crt').subjectKey);
  assert.notEqual(pkits('InvalidNameChainingOrderTest2EE.crt').issuerKey, pkits('NameOrderingCACert.crt').subjectKey);
});

const CN = '2.5.4.3';
const O = '2.5.4.10';
const atv = (oid: string, value: Uint8Array) => sequence(objectIdentifier(oid), value);
const printable = (s: string) => tlv(Tag.PrintableString, new TextEncoder().encode(s));
const ia5 = (s: string) => tlv(Tag.Ia5String, new TextEncoder().encode(s));
const key = (der: Uint8Array) => nameKey(readRoot(der));

test('an RDN is a set: attribute order inside it does not matter; BMPString and UTF8String compare by text', () => {
  const ab = sequence(tlv(0x31, [atv(O, utf8String('Org')), atv(CN, utf8String('Name'))]));
  const ba = sequence(tlv(0x31, [atv(CN, utf8String('name')), atv(O, utf8String('ORG'))]));
  assert.equal(key(ab), key(ba));
  assert.equal(key(sequence(setOf(atv(CN, bmpString('Some  CA '))))), key(sequence(setOf(atv(CN, printable('some ca'))))));
  assert.notEqual(key(sequence(setOf(atv(CN, utf8String('a b'))))), key(sequence(setOf(atv(CN, utf8String('ab'))))));
});

test('other value types compare by their bytes, and never equal a prepared string', () => {
  assert.notEqual(key(sequence(setOf(atv(CN, ia5('Name'))))), key(sequence(setOf(atv(CN, ia5('name'))))));
  assert.notEqual(key(sequence(setOf(atv(CN, ia5('name'))))), key(sequence(setOf(atv(CN, utf8String('name'))))));
  assert.equal(key(sequence()), '');
});

test('string preparation: NFKC, case folded, spaces trimmed and collapsed', () => {
  assert.equal(prepareString('  Ｃｅｒｔ\tBench   CA '), 'cert bench ca');
});
