import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { KeystoreCertDto, KeystoreEntryDto } from '../../../main/api/dto';
import { aliasTaken, chainRole, cnOf, countWords, fileNameFor, newPasswordProblem, shortExpiryWords, suggestAlias } from './words';

const cert = (over: Partial<KeystoreCertDto>): KeystoreCertDto => ({ subject: 'CN=x', issuer: 'CN=x', sha256: '00', notAfter: null, daysLeft: null, selfSigned: false, isCA: false, ...over });
const entry = (alias: string, type: KeystoreEntryDto['type']): KeystoreEntryDto => ({ alias, type, created: null, certificate: null, chain: [], locked: false, ownKeyPassword: false, keyAlgorithm: null, spkiSha256: null, problems: [] });

test('the CN of a subject, escaped commas kept; the subject itself when there is no CN', () => {
  assert.equal(cnOf('CN=shop.example.test, OU=Support, O=Example\\, Inc., C=US'), 'shop.example.test');
  assert.equal(cnOf('C=US, O=Example\\, Inc., CN=Example\\, Inc. Root'), 'Example, Inc. Root');
  assert.equal(cnOf('/C=US/O=Certbench E2E/CN=Certbench E2E Root'), 'Certbench E2E Root');
  assert.equal(cnOf('O=No Name'), 'O=No Name');
  assert.equal(cnOf(''), '(empty name)');
});

test('file names take the extension of the kind saved, replacing a keystore extension', () => {
  assert.equal(fileNameFor('keystore.jks', 'pkcs12'), 'keystore.p12');
  assert.equal(fileNameFor('server.pfx', 'jks'), 'server.jks');
  assert.equal(fileNameFor('New truststore', 'jceks'), 'New truststore.jceks');
  assert.equal(fileNameFor('notes.txt', 'jks'), 'notes.txt.jks');
  assert.equal(fileNameFor('.jks', 'jks'), 'keystore.jks');
});

test('chain roles: leaf, intermediates, self-signed root', () => {
  const chain = [cert({}), cert({ isCA: true }), cert({ isCA: true, selfSigned: true })];
  assert.deepEqual([0, 1, 2].map((i) => chainRole(chain, i)), ['Certificate', 'Intermediate CA', 'Root CA']);
  assert.equal(chainRole([cert({ isCA: true, selfSigned: true })], 0), 'Root CA');
});

test('aliases: taken case-insensitively, suggestions are unique and keytool-like', () => {
  const entries = [entry('shop', 'privateKey'), entry('certbench-e2e-root', 'trustedCert')];
  assert.equal(aliasTaken(entries, 'SHOP'), true);
  assert.equal(aliasTaken(entries, 'shop', 'shop'), false);
  assert.equal(suggestAlias('C=US, O=Certbench E2E, CN=Certbench E2E Root', entries), 'certbench-e2e-root-2');
  assert.equal(suggestAlias('CN=api-user-42@example.test', entries), 'api-user-42@example.test');
  assert.equal(suggestAlias(null, entries, 'ca'), 'ca');
  assert.equal(countWords(entries), '1 key pair, 1 trusted certificate');
  assert.equal(countWords([]), 'No entries yet');
});

test('expiry for a table cell: days up to two years, then years; expired says how long ago', () => {
  const at = '2027-12-28T00:00:00Z';
  assert.equal(shortExpiryWords({ notAfter: at, daysLeft: 398 }), '398 days left');
  assert.equal(shortExpiryWords({ notAfter: at, daysLeft: 1 }), '1 day left');
  assert.equal(shortExpiryWords({ notAfter: at, daysLeft: 3653 }), '10 years left');
  assert.equal(shortExpiryWords({ notAfter: at, daysLeft: 0 }), 'Expires today');
  assert.equal(shortExpiryWords({ notAfter: at, daysLeft: -3 }), 'Expired 3 days ago');
  assert.equal(shortExpiryWords({ notAfter: null, daysLeft: null }), 'Bad dates');
});

test('a new store password: long enough for keytool, typed the same twice', () => {
  assert.match(newPasswordProblem('abc12', 'abc12')!, /keytool refuses shorter passwords/);
  assert.equal(newPasswordProblem('abc123', ''), 'Type it again to confirm.');
  assert.equal(newPasswordProblem('abc123', 'abc124'), 'The two passwords differ.');
  assert.equal(newPasswordProblem('abc123', 'abc123'), null);
  assert.equal(newPasswordProblem('pässwörd-ключ', 'pässwörd-ключ'), null);
});
