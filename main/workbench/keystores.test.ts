/**
 * The keystore editor as the Keystores page calls it: creating, adding trusted certificates, importing key
 * pairs and CA replies, renaming, deleting, key passwords; typed errors for what cannot be done.
 * (Saving and reading real keystore files, checked by keytool and Java: keystores-save.test.ts.)
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fixtureJson } from '../../test/helpers/fixtures';
import { assertNoKeyBytes, E2E, entry, filesIn, ids, kit, KEYSTORES, NOW, X509 } from '../../test/helpers/keystore-kit';
import { rejectsWith } from '../../test/helpers/pki-errors';
import type { ProgressEvent } from '../api/contract';

const manifest = fixtureJson('x509', 'manifest.json');
const stores = fixtureJson<{ stores: Record<string, { password: string }> }>('keystores', 'manifest.json').stores;

test('a new keystore is empty, named, of the kind asked, and listed', async () => {
  const { h } = kit();
  const jks = await h['keystores.create']({ kind: 'jks' });
  assert.deepEqual({ ...jks, id: 'x' }, { id: 'x', name: 'New keystore', path: null, kind: 'jks', entries: [], dirty: false, notes: [] });
  const trust = await h['keystores.create']({ kind: 'pkcs12', name: 'New truststore' });
  assert.equal(trust.name, 'New truststore');
  assert.notEqual(trust.id, jks.id);
  assert.deepEqual((await h['keystores.list']({})).keystores.map((k) => k.id), [jks.id, trust.id]);
  const after = await h['keystores.close']({ keystoreId: jks.id });
  assert.deepEqual(after.keystores.map((k) => k.id), [trust.id]);
  await rejectsWith(h['keystores.rename']({ keystoreId: jks.id, alias: 'a', newAlias: 'b' }), 'NOT_FOUND');
});

test('a truststore from CA certificates: aliases from the common names, days left, CA flags, no duplicates', async () => {
  const { h, open } = kit();
  const [root, inter] = await open([X509('root.pem'), X509('inter.pem')]);
  const ks = await h['keystores.create']({ kind: 'jks', name: 'New truststore' });
  const after = await h['keystores.addTrusted']({ keystoreId: ks.id, objectIds: [...ids(root), ...ids(inter)] });
  assert.deepEqual(after.entries.map((e) => [e.alias, e.type]), [['certbench test root', 'trustedCert'], ['certbench test intermediate ec', 'trustedCert']]);
  const r = entry(after, 'certbench test root');
  assert.equal(r.certificate?.sha256, manifest['root.pem'].sha256);
  assert.equal(r.certificate?.subject, manifest['root.pem'].subject);
  assert.equal(r.certificate?.isCA, true);
  assert.equal(r.certificate?.selfSigned, true);
  assert.equal(r.created, NOW.toISOString());
  // root.pem: notAfter 2046-11-18T10:34:39Z, counted from NOW (2026-11-27T12:00Z).
  assert.equal(r.certificate?.daysLeft, Math.floor((Date.parse('2046-11-18T10:34:39Z') - NOW.getTime()) / 86_400_000));
  assert.deepEqual(r.problems, []);
  assert.equal(after.dirty, true);
  // The same root again is not added twice: alone, that is said; with a new certificate, only the new one is added.
  const again = await rejectsWith(h['keystores.addTrusted']({ keystoreId: ks.id, objectIds: ids(root) }), 'INVALID_ARGUMENT');
  assert.equal(again.message, "This certificate is already trusted in the keystore ('certbench test root').");
  const [short] = await open([X509('short-lived.pem')]);
  const mixed = await h['keystores.addTrusted']({ keystoreId: ks.id, objectIds: [...ids(root), ...ids(inter), ...ids(short)] });
  assert.deepEqual(mixed.entries.map((e) => e.alias), ['certbench test root', 'certbench test intermediate ec', 'expired.example.test']);
});

test('a trusted certificate under a chosen alias: lower case in Java keystores, as typed in PKCS#12, unique regardless of case', async () => {
  const { h, open } = kit();
  const [root, inter] = await open([X509('root.pem'), X509('inter.pem')]);
  const jks = await h['keystores.create']({ kind: 'jks' });
  const j = await h['keystores.addTrusted']({ keystoreId: jks.id, objectIds: ids(root), alias: 'RootCA' });
  assert.deepEqual(j.entries.map((e) => e.alias), ['rootca']);
  const clash = await rejectsWith(h['keystores.addTrusted']({ keystoreId: jks.id, objectIds: ids(inter), alias: 'ROOTCA' }), 'INVALID_ARGUMENT');
  assert.match(clash.message, /'rootca'/);
  const p12 = await h['keystores.create']({ kind: 'pkcs12' });
  const p = await h['keystores.addTrusted']({ keystoreId: p12.id, objectIds: ids(root), alias: 'RootCA' });
  assert.deepEqual(p.entries.map((e) => e.alias), ['RootCA']);
  const many = await rejectsWith(h['keystores.addTrusted']({ keystoreId: p12.id, objectIds: [...ids(root), ...ids(inter)], alias: 'two' }), 'INVALID_ARGUMENT');
  assert.match(many.message, /2 were chosen/);
  await rejectsWith(h['keystores.addTrusted']({ keystoreId: p12.id, objectIds: ids(inter), alias: '   ' }), 'INVALID_ARGUMENT');
  // A name taken by another entry gets "-2", as copies are usually named.
  const taken = await h['keystores.create']({ kind: 'jks' });
  await h['keystores.addTrusted']({ keystoreId: taken.id, objectIds: ids(inter), alias: 'Certbench Test Root' });
  const second = await h['keystores.addTrusted']({ keystoreId: taken.id, objectIds: ids(root) });
  assert.deepEqual(second.entries.map((e) => [e.alias, e.certificate?.subject]), [
    ['certbench test root', manifest['inter.pem'].subject],
    ['certbench test root-2', manifest['root.pem'].subject],
  ]);
});

test('only certificates become trusted entries: a key is refused with the reason, and nothing is added', async () => {
  const { h, open } = kit();
  const [both] = await open([X509('leaf-with-key.pem')]);
  const ks = await h['keystores.create']({ kind: 'jks' });
  const e = await rejectsWith(h['keystores.addTrusted']({ keystoreId: ks.id, objectIds: ids(both) }), 'INVALID_ARGUMENT');
  assert.match(e.message, /private key .* is not a certificate/);
  assert.ok(e.hint);
  assert.equal((await h['keystores.list']({})).keystores[0].entries.length, 0);
  assert.equal((await h['keystores.list']({})).keystores[0].dirty, false);
});

test('an expired certificate is flagged with negative days left', async () => {
  const { h, open } = kit();
  const [short] = await open([X509('short-lived.pem')]);
  const ks = await h['keystores.create']({ kind: 'jks' });
  const after = await h['keystores.addTrusted']({ keystoreId: ks.id, objectIds: ids(short) });
  const e = after.entries[0];
  assert.ok((e.certificate?.daysLeft ?? 0) < 0);
  assert.deepEqual(e.problems.map((p) => [p.code, p.severity]), [['EXPIRED', 'error']]);
});

test('rename and delete: collisions and unknown aliases are refused and change nothing', async () => {
  const { h, open } = kit();
  const [root, inter] = await open([X509('root.pem'), X509('inter.pem')]);
  const ks = await h['keystores.create']({ kind: 'jks' });
  await h['keystores.addTrusted']({ keystoreId: ks.id, objectIds: ids(root), alias: 'root' });
  await h['keystores.addTrusted']({ keystoreId: ks.id, objectIds: ids(inter), alias: 'inter' });
  const clash = await rejectsWith(h['keystores.rename']({ keystoreId: ks.id, alias: 'inter', newAlias: 'Root' }), 'INVALID_ARGUMENT');
  assert.match(clash.message, /'root'/);
  await rejectsWith(h['keystores.rename']({ keystoreId: ks.id, alias: 'nope', newAlias: 'x' }), 'NOT_FOUND');
  const renamed = await h['keystores.rename']({ keystoreId: ks.id, alias: 'inter', newAlias: 'Issuing CA' });
  assert.deepEqual(renamed.entries.map((e) => e.alias), ['root', 'issuing ca']);
  const missing = await rejectsWith(h['keystores.delete']({ keystoreId: ks.id, aliases: ['root', 'nope'] }), 'NOT_FOUND');
  assert.match(missing.message, /'nope'/);
  assert.equal((await h['keystores.list']({})).keystores[0].entries.length, 2, 'an unknown alias deletes none');
  const deleted = await h['keystores.delete']({ keystoreId: ks.id, aliases: ['ROOT'] });
  assert.deepEqual(deleted.entries.map((e) => e.alias), ['issuing ca']);
});

test('a key without any open certificate: refused for a Java keystore, held by a PKCS#12 with a problem and a note', async () => {
  const { h, open } = kit();
  const [key] = await open([X509('leaf.key')]);
  await open([X509('root.pem')]);
  const jks = await h['keystores.create']({ kind: 'jks' });
  const e = await rejectsWith(h['keystores.importKeyPair']({ keystoreId: jks.id, keyObjectId: ids(key)[0], alias: 'server' }), 'NO_MATCHING_KEY');
  assert.equal(e.message, 'No open certificate belongs to this key.');
  assert.match(e.hint, /Open the certificate/);
  assert.equal((await h['keystores.list']({})).keystores[0].entries.length, 0);

  const p12 = await h['keystores.create']({ kind: 'pkcs12' });
  const after = await h['keystores.importKeyPair']({ keystoreId: p12.id, keyObjectId: ids(key)[0], alias: 'server' });
  const k = entry(after, 'server');
  assert.equal(k.type, 'privateKey');
  assert.equal(k.certificate, null);
  assert.equal(k.keyAlgorithm, 'RSA 2048');
  assert.deepEqual(k.problems.map((p) => [p.code, p.severity]), [['NO_CERTIFICATE', 'warning']]);
  assert.ok(after.notes.some((n) => /'server' can be saved only as PKCS#12/.test(n)));
});

test('a key pair whose chosen certificates do not include its own is refused; a non-key is refused', async () => {
  const { h, open } = kit();
  const [key, root] = await open([X509('leaf.key'), X509('root.pem')]);
  const ks = await h['keystores.create']({ kind: 'jks' });
  const e = await rejectsWith(h['keystores.importKeyPair']({ keystoreId: ks.id, keyObjectId: ids(key)[0], certificateObjectIds: ids(root), alias: 'a' }), 'NO_MATCHING_KEY');
  assert.equal(e.message, 'None of the chosen certificates belongs to this key.');
  const p12 = await h['keystores.create']({ kind: 'pkcs12' });
  await rejectsWith(h['keystores.importKeyPair']({ keystoreId: p12.id, keyObjectId: ids(key)[0], certificateObjectIds: ids(root), alias: 'a' }), 'NO_MATCHING_KEY');
  const notKey = await rejectsWith(h['keystores.importKeyPair']({ keystoreId: ks.id, keyObjectId: ids(root)[0], alias: 'a' }), 'INVALID_ARGUMENT');
  assert.match(notKey.message, /certificate "Certbench Test Root" is not a private key/);
  const notCert = await rejectsWith(h['keystores.importKeyPair']({ keystoreId: ks.id, keyObjectId: ids(key)[0], certificateObjectIds: ids(key), alias: 'a' }), 'INVALID_ARGUMENT');
  assert.match(notCert.message, /is not a certificate/);
});

test('key passwords: set, shown as own, cleared; PKCS#12 notes that it has one password', async () => {
  const { h, open } = kit();
  const [key] = await open([X509('leaf.key')]);
  const p12 = await h['keystores.create']({ kind: 'pkcs12' });
  await h['keystores.importKeyPair']({ keystoreId: p12.id, keyObjectId: ids(key)[0], alias: 'k' });
  const own = await h['keystores.setKeyPassword']({ keystoreId: p12.id, alias: 'k', keyPassword: 'secret-1' });
  assert.equal(entry(own, 'k').ownKeyPassword, true);
  assert.ok(entry(own, 'k').problems.some((p) => p.code === 'OWN_KEY_PASSWORD'));
  assert.ok(own.notes.some((n) => /PKCS#12 has one password/.test(n)));
  const cleared = await h['keystores.setKeyPassword']({ keystoreId: p12.id, alias: 'k', keyPassword: null });
  assert.equal(entry(cleared, 'k').ownKeyPassword, false);
  assert.ok(!cleared.notes.some((n) => /one password/.test(n)));
  await rejectsWith(h['keystores.setKeyPassword']({ keystoreId: p12.id, alias: 'k', keyPassword: '' }), 'INVALID_ARGUMENT');
  const [root] = await open([X509('root.pem')]);
  await h['keystores.addTrusted']({ keystoreId: p12.id, objectIds: ids(root), alias: 'root' });
  await rejectsWith(h['keystores.setKeyPassword']({ keystoreId: p12.id, alias: 'root', keyPassword: 'x' }), 'INVALID_ARGUMENT');
  assertNoKeyBytes(await h['keystores.list']({}), [X509('leaf.key')]);
});

test('a CA reply issued for another key is refused with NO_MATCHING_KEY and the chain stays as it was', async () => {
  const { h, open } = kit();
  const [key, root] = await open([X509('leaf.key'), X509('root.pem')]);
  const p12 = await h['keystores.create']({ kind: 'pkcs12' });
  await h['keystores.importKeyPair']({ keystoreId: p12.id, keyObjectId: ids(key)[0], alias: 'client' });
  const e = await rejectsWith(h['keystores.importCaReply']({ keystoreId: p12.id, alias: 'client', objectIds: ids(root) }), 'NO_MATCHING_KEY');
  assert.match(e.message, /This CA reply was issued for a different key/);
  assert.match(e.hint, /certificate request \(CSR\)/);
  assert.equal(entry((await h['keystores.list']({})).keystores[0], 'client').chain.length, 0);
  await h['keystores.addTrusted']({ keystoreId: p12.id, objectIds: ids(root), alias: 'root' });
  await rejectsWith(h['keystores.importCaReply']({ keystoreId: p12.id, alias: 'root', objectIds: ids(root) }), 'INVALID_ARGUMENT');
});

test('saving is refused outside a chosen folder, for a file name with folder parts, and for what the format cannot hold', async () => {
  const { h, open, out } = kit();
  const [key] = await open([X509('leaf.key')]);
  const p12 = await h['keystores.create']({ kind: 'pkcs12' });
  await h['keystores.importKeyPair']({ keystoreId: p12.id, keyObjectId: ids(key)[0], alias: 'bare' });
  const outside = await rejectsWith(h['keystores.save']({ keystoreId: p12.id, kind: 'pkcs12', storePassword: 'changeit', destination: { folder: join(out, '..'), fileName: 'x.p12' } }), 'INVALID_ARGUMENT');
  assert.match(outside.message, /only into a folder you chose/);
  await rejectsWith(h['keystores.save']({ keystoreId: p12.id, kind: 'pkcs12', storePassword: 'changeit', destination: { folder: out, fileName: '../x.p12' } }), 'INVALID_ARGUMENT');
  const empty = await rejectsWith(h['keystores.save']({ keystoreId: p12.id, kind: 'jceks', storePassword: '', destination: { folder: out, fileName: 'x.jceks' } }), 'INVALID_ARGUMENT');
  assert.match(empty.message, /JCEKS keystore needs a store password/);
  const bare = await rejectsWith(h['keystores.save']({ keystoreId: p12.id, kind: 'jks', storePassword: 'changeit', destination: { folder: out, fileName: 'x.jks' } }), 'INVALID_ARGUMENT');
  assert.match(bare.message, /JKS needs a certificate for every key; 'bare' has none/);
  assert.deepEqual(filesIn(out), []);
  assert.ok(!existsSync(join(out, '..', 'x.p12')));
});

test('a Java keystore opened without its password asks for it', async () => {
  const { h, open } = kit();
  const [jks] = await open([E2E('keystore.jks')]);
  const e = await rejectsWith(h['keystores.open']({ documentId: jks.id }), 'PASSWORD_REQUIRED');
  assert.match(e.message, /keystore\.jks/);
  assert.deepEqual((await h['keystores.list']({})).keystores, []);
});

test('opening as a keystore: the engine’s typed errors for a wrong password, an altered file and a file that is no keystore', async () => {
  const { h, open } = kit();
  const [jks, tampered, random] = await open([E2E('keystore.jks'), KEYSTORES('tampered.jks'), E2E('random.bin')]);
  const wrong = await rejectsWith(h['keystores.open']({ documentId: jks.id, password: 'changeit?' }), 'WRONG_PASSWORD');
  assert.ok(wrong.hint);
  // tampered.jks is server.jks with one byte flipped: the right password, a failing integrity digest.
  await rejectsWith(h['keystores.open']({ documentId: tampered.id, password: stores['server.jks'].password }), 'INTEGRITY_FAILED');
  await rejectsWith(h['keystores.open']({ documentId: random.id }), 'UNRECOGNIZED_FORMAT');
  await rejectsWith(h['keystores.open']({ documentId: 'doc999' }), 'NOT_FOUND');
  const [missing] = await open([join(tmpdir(), 'certbench-no-such-keystore.jks')]);
  const gone = await rejectsWith(h['keystores.open']({ documentId: missing.id, password: 'x' }), 'NOT_FOUND');
  assert.equal(gone.message, missing.error?.message, 'the document’s own error, not "the file is empty"');
  assert.deepEqual((await h['keystores.list']({})).keystores, []);
});

test('a CA reply with the leaf only: the issuer is found among the keystore’s trusted entries, as keytool does', async () => {
  const { h, open } = kit();
  const [key, root] = await open([E2E('client.key'), E2E('root.pem')]);
  const p12 = await h['keystores.create']({ kind: 'pkcs12' });
  await h['keystores.addTrusted']({ keystoreId: p12.id, objectIds: ids(root), alias: 'vendor-ca' });
  await h['documents.close']({ documentId: root.id });
  const lone = await h['keystores.importKeyPair']({ keystoreId: p12.id, keyObjectId: ids(key)[0], alias: 'api-user' });
  assert.equal(entry(lone, 'api-user').chain.length, 0);
  const taken = await rejectsWith(h['keystores.importKeyPair']({ keystoreId: p12.id, keyObjectId: ids(key)[0], alias: 'VENDOR-CA' }), 'INVALID_ARGUMENT');
  assert.match(taken.message, /already has an entry named 'vendor-ca'/);
  const [reply] = await open([E2E('client.pem')]);
  const after = await h['keystores.importCaReply']({ keystoreId: p12.id, alias: 'api-user', objectIds: ids(reply) });
  const chain = entry(after, 'api-user').chain;
  assert.deepEqual(chain.map((c) => c.subject), ['CN=api-user-42@example.test,O=Example', 'CN=Certbench E2E Root,O=Certbench E2E,C=US']);
  assert.deepEqual(chain.map((c) => c.sha256), [reply.objects[0].sha256, entry(after, 'vendor-ca').certificate?.sha256]);
  assert.deepEqual(entry(after, 'api-user').problems, []);
  assert.equal(entry(after, 'api-user').keyAlgorithm, 'EC P-256');
  assertNoKeyBytes(after, [E2E('client.key')]);
});

test('a save can be stopped with operations.cancel: CANCELLED, nothing written, the keystore still unsaved', async () => {
  const { h, open, out, wb } = kit();
  const [key, leaf] = await open([X509('leaf.key'), X509('leaf.pem')]);
  const ks = await h['keystores.create']({ kind: 'jceks' });
  await h['keystores.importKeyPair']({ keystoreId: ks.id, keyObjectId: ids(key)[0], certificateObjectIds: ids(leaf), alias: 'k' });
  const stop = wb.events.on((event, payload) => {
    const p = payload as ProgressEvent;
    if (event === 'progress' && /Saving slow\.jceks/.test(p.label) && !p.done) void h['operations.cancel']({ operationId: p.operationId });
  });
  await rejectsWith(h['keystores.save']({ keystoreId: ks.id, kind: 'jceks', storePassword: 'changeit', destination: { folder: out, fileName: 'slow.jceks' } }), 'CANCELLED');
  stop();
  assert.deepEqual(filesIn(out), []);
  assert.equal((await h['keystores.list']({})).keystores[0].dirty, true);
});

test('opening a JCEKS (200,000 rounds a key) can be stopped with operations.cancel: CANCELLED, no keystore opened', async () => {
  const { h, open, wb } = kit();
  const [doc] = await open([KEYSTORES('keys.jceks')]);
  const stop = wb.events.on((event, payload) => {
    const p = payload as ProgressEvent;
    if (event === 'progress' && /^Opening keys\.jceks/.test(p.label) && !p.done) void h['operations.cancel']({ operationId: p.operationId });
  });
  await rejectsWith(h['keystores.open']({ documentId: doc.id, password: stores['keys.jceks'].password }), 'CANCELLED');
  stop();
  assert.deepEqual((await h['keystores.list']({})).keystores, []);
});
