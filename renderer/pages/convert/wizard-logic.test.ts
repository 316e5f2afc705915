/** The Convert wizard's decisions: which step applies, what the Protect step asks, what is chosen. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ConvertTarget } from '../../../main/api/dto';
import { hasProtectStep, includeRootDefault, passwordProblem, passwordRequired, protectionNeeds } from './protection';
import { documentState, fromSource, isEmpty, NO_SELECTION, prune, toggleDocument, toggleObject, toSource, withDocuments } from './selection';
import { effectiveStep, nextStep, previousStep, startStep, visibleSteps } from './steps';
import { ALL_FORMATS, choiceFor, TARGET_CARDS, unavailableReason } from './targets';
import { chosenWords, resultWords, writtenWords } from './words';
import type { DocumentDto } from '../../../main/api/dto';

const EVERY_TARGET: ConvertTarget[] = ['pem', 'fullchain', 'certbot', 'der', 'p7b', 'p7b-der', 'pfx', 'jks', 'jceks', 'pkcs8', 'pkcs8-der', 'pkcs1'];

test('every ConvertTarget is listed once under "All formats"; each card is a real target', () => {
  assert.deepEqual(ALL_FORMATS.map((f) => f.target).sort(), [...EVERY_TARGET].sort());
  for (const c of TARGET_CARDS) assert.ok(EVERY_TARGET.includes(c.target), c.id);
  assert.equal(new Set(TARGET_CARDS.map((c) => c.id)).size, TARGET_CARDS.length);
  const byTitle = new Map(TARGET_CARDS.map((c) => [c.title, c]));
  assert.deepEqual({ ...byTitle.get('nginx / Apache') }.target, 'certbot');
  assert.deepEqual(byTitle.get('Windows Server / IIS')!.options, { profile: 'modern' });
  assert.deepEqual(byTitle.get('Older Windows Server, macOS Keychain, Java 8')!.options, { profile: 'legacy' });
  assert.deepEqual(byTitle.get('Java 11+')!.options, { profile: 'java' });
  assert.equal(byTitle.get('Java 8 client')!.target, 'jks');
  assert.deepEqual(byTitle.get('Key without its passphrase')!.options, { noKeyEncryption: true });
  assert.deepEqual(byTitle.get('Certificates only, key stripped')!.options, { includeKey: false });
});

test('an intent finds its card from target and options, else the format', () => {
  assert.equal(choiceFor('pfx', { profile: 'legacy' }).id, 'pfx-legacy');
  assert.equal(choiceFor('pfx', { profile: 'modern' }).id, 'iis');
  assert.equal(choiceFor('certbot').id, 'nginx');
  assert.equal(choiceFor('der').id, 'appliance');
  // The Inspector's "Export key… (encrypted)" is pkcs8 with encryption: not the "without passphrase" card.
  const key = choiceFor('pkcs8', { noKeyEncryption: false });
  assert.equal(key.id, 'format:pkcs8');
  assert.deepEqual(key.options, { noKeyEncryption: false });
  assert.equal(choiceFor('p7b-der').id, 'format:p7b-der');
});

test('cards that need a key or a certificate say so when none was found', () => {
  assert.equal(unavailableReason('key', { certificates: 2, privateKeys: 0 }), 'Needs a private key: none was found');
  assert.equal(unavailableReason('certificate', { certificates: 0, privateKeys: 1 }), 'Needs a certificate: none was found');
  assert.equal(unavailableReason('key', { certificates: 0, privateKeys: 1 }), null);
  assert.equal(unavailableReason('key', null), null);
});

test('Protect it: keystores always ask a password; a key file asks unless "no passphrase" was chosen', () => {
  for (const t of ['pfx', 'jks', 'jceks'] as const) {
    const needs = protectionNeeds(t, {}, true);
    assert.equal(needs.container, true);
    assert.equal(needs.alias, true);
    assert.equal(needs.keyChoice, false);
    assert.equal(passwordRequired(needs, { noKeyEncryption: true }), true, t);
  }
  assert.equal(protectionNeeds('pfx', {}, true).profile, true);
  assert.equal(protectionNeeds('jks', {}, true).profile, false);
  for (const t of ['pkcs8', 'pkcs8-der', 'pkcs1', 'certbot'] as const) {
    const needs = protectionNeeds(t, {}, true);
    assert.equal(needs.keyChoice, true, t);
    assert.equal(passwordRequired(needs, {}), true, t);
    assert.equal(passwordRequired(needs, { noKeyEncryption: false }), true, t);
    assert.equal(passwordRequired(needs, { noKeyEncryption: true }), false, t);
  }
  // certbot without a key writes no privkey.pem: nothing to encrypt.
  assert.equal(passwordRequired(protectionNeeds('certbot', {}, false), {}), false);
  // A PEM holds the key after the certificates unless told not to ("Certificates only, key stripped").
  assert.equal(protectionNeeds('pem', {}, true).keyChoice, true);
  assert.equal(protectionNeeds('pem', { includeKey: false }, true).keyChoice, false);
  assert.equal(protectionNeeds('pem', { includeKey: false }, false).includeKey, false);
  // The key in a file of its own, beside DER, P7B, fullchain or PEM certificates.
  assert.equal(protectionNeeds('der', { separateKey: true }, true).keyChoice, true);
  assert.equal(protectionNeeds('der', {}, true).separateKey, true);
  assert.equal(protectionNeeds('der', { separateKey: true }, false).keyChoice, false);
  assert.equal(protectionNeeds('jks', {}, true).separateKey, false);
  // DER is one certificate: without a key there is nothing to ask, the step is skipped.
  assert.equal(hasProtectStep(protectionNeeds('der', {}, false)), false);
  assert.equal(hasProtectStep(protectionNeeds('der', {}, true)), true);
  assert.equal(hasProtectStep(protectionNeeds('fullchain', {}, true)), true);
});

test('passwords: keytool’s 6-character minimum for JKS/JCEKS, OpenSSL’s 4 for a PEM key, and the confirm must match', () => {
  assert.match(passwordProblem('jks', 'abcde', 'abcde')!, /At least 6 characters: keytool/);
  assert.equal(passwordProblem('jceks', 'abcdef', 'abcdef'), null);
  assert.match(passwordProblem('pkcs8', 'abc', 'abc')!, /At least 4 characters: OpenSSL/);
  assert.equal(passwordProblem('pfx', 'x', 'x'), null);
  assert.equal(passwordProblem('pfx', '', ''), 'Enter a password.');
  assert.equal(passwordProblem('pkcs1', 'correct horse', 'correct hors'), 'The two passwords differ.');
});

test('the root goes into keystores and P7B by default, not into what a server sends', () => {
  assert.deepEqual(EVERY_TARGET.filter(includeRootDefault).sort(), ['der', 'jceks', 'jks', 'p7b', 'p7b-der', 'pfx', 'pkcs1', 'pkcs8', 'pkcs8-der'].sort());
});

test('steps: Protect is skipped when it has nothing to ask; a step that stops applying gives way to the next', () => {
  assert.deepEqual(visibleSteps(true), ['source', 'target', 'protect', 'where', 'review']);
  const noProtect = visibleSteps(false);
  assert.deepEqual(noProtect, ['source', 'target', 'where', 'review']);
  assert.equal(effectiveStep('protect', noProtect), 'where');
  assert.equal(effectiveStep('review', noProtect), 'review');
  assert.equal(nextStep('target', noProtect), 'where');
  assert.equal(previousStep('where', noProtect), 'target');
  assert.equal(nextStep('review', noProtect), null);
  assert.equal(previousStep('source', noProtect), null);
});

test('an intent starts past what it says: no input → step 1, input → "Who needs it?", input and target → "Protect it"', () => {
  assert.equal(startStep({ page: 'convert', source: {} }), 'source');
  assert.equal(startStep({ page: 'convert', source: { documentIds: ['1'] } }), 'target');
  assert.equal(startStep({ page: 'convert', source: { objectIds: ['1/0'] }, target: 'der' }), 'protect');
});

test('selection: whole files or single objects; all objects of a file become the file', () => {
  const doc = { id: '1', objects: [{ id: '1/0' }, { id: '1/1' }, { id: '1/2' }] };
  const other = { id: '2', objects: [{ id: '2/0' }] };
  let sel = toggleDocument(NO_SELECTION, doc);
  assert.equal(documentState(sel, doc), 'all');
  sel = toggleObject(sel, doc, '1/1');
  assert.deepEqual(sel, { documentIds: [], objectIds: ['1/0', '1/2'] });
  assert.equal(documentState(sel, doc), 'some');
  sel = toggleObject(sel, doc, '1/1');
  assert.deepEqual(sel, { documentIds: ['1'], objectIds: [] });
  sel = toggleObject(withDocuments(sel, ['2']), other, '2/0');
  assert.deepEqual(sel, { documentIds: ['1'], objectIds: [] });
  assert.deepEqual(toSource(sel), { documentIds: ['1'] });
  sel = toggleDocument(sel, doc);
  assert.equal(isEmpty(sel), true);
  // Closed elsewhere: gone from the selection.
  const chosen = fromSource({ documentIds: ['1', '2'], objectIds: ['3/0'] });
  assert.deepEqual(prune(chosen, [doc]), { documentIds: ['1'], objectIds: [] });
  assert.equal(prune(chosen, [doc, other, { id: '3', objects: [{ id: '3/0' }] }]), chosen);
});

test('words: what is chosen, what was written', () => {
  const doc = (id: string, name: string, labels: string[]) => ({ id, name, objects: labels.map((label, i) => ({ id: `${id}/${i}`, label })) }) as unknown as DocumentDto;
  const docs = [doc('1', 'server.pfx', ['shop.example.test', 'Root', 'RSA 2048-bit private key']), doc('2', 'bundle.pem', ['a', 'b'])];
  assert.equal(chosenWords(docs, { documentIds: ['1'], objectIds: [] }), 'server.pfx');
  assert.equal(chosenWords(docs, { documentIds: [], objectIds: ['1/0'] }), 'shop.example.test');
  assert.equal(chosenWords(docs, { documentIds: ['2'], objectIds: ['1/0', '1/1', '1/2'] }), 'bundle.pem, shop.example.test, Root and 1 more');
  assert.equal(chosenWords(docs, NO_SELECTION), null);
  const key = { path: '/out/privkey.pem', format: 'pkcs8', objects: 1, secret: true, encrypted: false } as const;
  assert.equal(resultWords([key], '/out'), 'Wrote 1 file to /out');
  assert.equal(writtenWords(key), 'PKCS#8 (PEM) · 1 object · NOT encrypted · owner-only (0600)');
  assert.equal(writtenWords({ ...key, format: 'jks', encrypted: true }), 'JKS · 1 object · password-protected · owner-only (0600)');
});
