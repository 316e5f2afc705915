/**
 * Keystores opened, edited and saved through the keystore editor as the Keystores page calls it; every saved
 * file is checked by the peers: keytool (-list), Java's own KeyStore (getKey with the key passwords, the key
 * proven to match its leaf) and openssl (PKCS#12).
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { fixtureJson } from '../../test/helpers/fixtures';
import { probeKeystore } from '../../test/helpers/java-probe';
import { assertNoKeyBytes, E2E, entry, filesIn, ids, kit, KEYSTORES, X509 } from '../../test/helpers/keystore-kit';
import { keytoolView, opensslView } from '../../test/helpers/peer-view';
import { rejectsWith } from '../../test/helpers/pki-errors';
import type { ProgressEvent } from '../api/contract';
import type { DocumentDto } from '../api/dto';

const run = promisify(execFile);
const x509 = fixtureJson('x509', 'manifest.json');
const stores = fixtureJson<{ stores: Record<string, { password: string; keyPassword?: string; entries: { alias: string; type: string; certSha256: string[] }[] }> }>('keystores', 'manifest.json').stores;
const upper = (colonHex: string) => colonHex.replace(/:/g, '').toUpperCase();
const sha256OfPem = async (file: string) => upper((await run('openssl', ['x509', '-in', file, '-noout', '-fingerprint', '-sha256'])).stdout.split('=')[1].trim());
/** SHA-256 of a key file's public half as openssl derives it. */
const spkiSha = async (file: string) => createHash('sha256').update((await run('openssl', ['pkey', '-in', file, '-pubout', '-outform', 'DER'], { encoding: 'buffer' })).stdout).digest('hex');
/** The aliases as the Inspector lists the file (the reader keeps the file's order). */
const aliasesInFileOrder = (doc: DocumentDto) => [...new Set(doc.objects.map((o) => o.alias ?? ''))];
const mode = (file: string) => statSync(file).mode & 0o777;

test('keystore.jks: open, add a CA, rename, delete, save as JKS under a new store password; keytool and Java see the edits', async () => {
  const { h, open, out, wb } = kit();
  const [jks] = await open([E2E('keystore.jks')]);
  const [root, inter] = await open([X509('root.pem'), X509('inter.pem')]);
  const ks = await h['keystores.open']({ documentId: jks.id, password: 'changeit' });
  assert.deepEqual([ks.kind, ks.name, ks.path, ks.dirty], ['jks', 'keystore.jks', E2E('keystore.jks'), false]);
  const shop = entry(ks, 'shop');
  assert.deepEqual([shop.type, shop.locked, shop.ownKeyPassword, shop.keyAlgorithm, shop.chain.length], ['privateKey', false, false, 'RSA 2048', 2]);
  assert.equal(shop.certificate?.sha256, await sha256OfPem(E2E('server.pem')));
  assert.ok(shop.created);
  await h['keystores.addTrusted']({ keystoreId: ks.id, objectIds: [...ids(root), ...ids(inter)] });
  await h['keystores.rename']({ keystoreId: ks.id, alias: 'shop', newAlias: 'Web' });
  const edited = await h['keystores.delete']({ keystoreId: ks.id, aliases: ['certbench test intermediate ec'] });
  assert.deepEqual(edited.entries.map((e) => e.alias), ['web', 'certbench test root']);
  assert.equal(edited.dirty, true);

  const progress: ProgressEvent[] = [];
  wb.events.on((event, payload) => event === 'progress' && progress.push(payload as ProgressEvent));
  const saved = await h['keystores.save']({ keystoreId: ks.id, kind: 'jks', storePassword: 'changeit-2', destination: { folder: out, fileName: 'edited.jks' } });
  const file = join(out, 'edited.jks');
  assert.deepEqual(saved.written, [{ path: file, format: 'jks', objects: 2, secret: true, encrypted: true }]);
  assert.deepEqual([saved.keystore.dirty, saved.keystore.kind, saved.keystore.path, saved.keystore.name], [false, 'jks', file, 'edited.jks']);
  assert.equal(mode(file), 0o600);
  assert.ok(progress.length >= 2 && progress.every((p) => p.operationId === progress[0].operationId && /edited\.jks/.test(p.label)));
  assert.equal(progress.at(-1)?.done, true);

  const listed = await keytoolView(file, 'JKS', 'changeit-2');
  assert.deepEqual(
    listed.map((e) => [e.alias, e.type, e.certs]),
    [
      ['certbench test root', 'trustedCertEntry', [x509['root.pem'].sha256]],
      ['web', 'PrivateKeyEntry', [await sha256OfPem(E2E('server.pem')), await sha256OfPem(E2E('root.pem'))]],
    ],
  );
  await assert.rejects(keytoolView(file, 'JKS', 'changeit'), 'the old store password no longer opens it');
  const probed = await probeKeystore('JKS', file, 'changeit-2');
  assert.deepEqual(probed.find((p) => p.alias === 'web'), {
    alias: 'web', type: 'key', keyAlgorithm: 'RSA', keyMatchesLeaf: true,
    chain: ['CN=shop.example.test,OU=Support,O=Example\\, Inc.,L=Eden Prairie,ST=Minnesota,C=US', 'CN=Certbench E2E Root,O=Certbench E2E,C=US'],
  });
  assert.deepEqual(probed.find((p) => p.alias === 'certbench test root'), { alias: 'certbench test root', type: 'trusted', subject: 'CN=Certbench Test Root,O=Certbench Test,C=US' });
  assertNoKeyBytes([ks, edited, saved, await h['keystores.list']({})], [E2E('server.key')]);
});

test('a truststore built from CA certificates, saved as JKS and as Java-compatible PKCS#12: public (0644), Java sees every trusted entry', async () => {
  const { h, open, out } = kit();
  const [root, inter, e2eRoot] = await open([X509('root.pem'), X509('inter.pem'), E2E('root.pem')]);
  const ks = await h['keystores.create']({ kind: 'jks', name: 'New truststore' });
  await h['keystores.addTrusted']({ keystoreId: ks.id, objectIds: [...ids(root), ...ids(inter), ...ids(e2eRoot)] });
  const jks = await h['keystores.save']({ keystoreId: ks.id, kind: 'jks', storePassword: 'trust-me', destination: { folder: out, fileName: 'trust.jks' } });
  assert.equal(jks.written[0].secret, false);
  assert.equal(mode(jks.written[0].path), 0o644);
  const names = ['certbench e2e root', 'certbench test intermediate ec', 'certbench test root'];
  assert.deepEqual((await keytoolView(jks.written[0].path, 'JKS', 'trust-me')).map((e) => [e.alias, e.type]), names.map((n) => [n, 'trustedCertEntry']));
  const p12 = await h['keystores.save']({ keystoreId: ks.id, kind: 'pkcs12', storePassword: 'trust-me', destination: { folder: out, fileName: 'trust.p12' } });
  assert.equal(p12.written[0].format, 'pfx');
  assert.equal(p12.keystore.kind, 'pkcs12');
  assert.deepEqual((await probeKeystore('PKCS12', p12.written[0].path, 'trust-me')).map((e) => [e.alias, e.type]), names.map((n) => [n, 'trusted']));
  const ossl = await opensslView(p12.written[0].path, { password: 'trust-me' });
  assert.deepEqual(ossl.certs.sort(), [x509['root.pem'].sha256, x509['inter.pem'].sha256, await sha256OfPem(E2E('root.pem'))].sort());
  assert.deepEqual(ossl.keySpkis, []);
});

test('a key pair imported from server.key with its chain built from the open certificates (server.pem, root.pem; client.pem left out)', async () => {
  const { h, open, out } = kit();
  const [key] = await open([E2E('server.key'), E2E('client.pem'), E2E('root.pem'), E2E('server.pem')]);
  const ks = await h['keystores.create']({ kind: 'jks' });
  const after = await h['keystores.importKeyPair']({ keystoreId: ks.id, keyObjectId: ids(key)[0], alias: 'Shop' });
  const shop = entry(after, 'shop');
  assert.deepEqual(shop.chain.map((c) => c.sha256), [await sha256OfPem(E2E('server.pem')), await sha256OfPem(E2E('root.pem'))]);
  assert.deepEqual(shop.problems, []);
  const saved = await h['keystores.save']({ keystoreId: ks.id, kind: 'jks', storePassword: 'changeit', destination: { folder: out, fileName: 'shop.jks' } });
  const [probed] = await probeKeystore('JKS', saved.written[0].path, 'changeit');
  assert.deepEqual([probed.alias, probed.keyMatchesLeaf, probed.chain?.length], ['shop', true, 2]);
  assertNoKeyBytes([after, saved], [E2E('server.key')]);
});

test('mutual TLS: keytool makes the key, the CA signs its CSR, the reply (leaf only) is imported; the root comes from the open certificates', async () => {
  const { h, open, out } = kit(() => new Date());
  const work = mkdtempSync(join(tmpdir(), 'certbench-careply-'));
  const client = join(work, 'client.jks');
  await run('keytool', ['-genkeypair', '-alias', 'client', '-keyalg', 'RSA', '-keysize', '2048', '-dname', 'CN=api-user-7@example.test,O=Example', '-validity', '30', '-keystore', client, '-storetype', 'JKS', '-storepass', 'changeit', '-keypass', 'changeit']);
  await run('keytool', ['-certreq', '-alias', 'client', '-keystore', client, '-storepass', 'changeit', '-file', join(work, 'client.csr')]);
  await run('openssl', ['x509', '-req', '-in', join(work, 'client.csr'), '-CA', E2E('root.pem'), '-CAkey', E2E('root.key'), '-set_serial', '0x77', '-days', '30', '-sha256', '-out', join(work, 'reply.pem')]);
  const [jks, reply, , other] = await open([client, join(work, 'reply.pem'), E2E('root.pem'), E2E('server.pem')]);
  const ks = await h['keystores.open']({ documentId: jks.id, password: 'changeit' });
  assert.equal(entry(ks, 'client').chain[0].selfSigned, true);
  const wrong = await rejectsWith(h['keystores.importCaReply']({ keystoreId: ks.id, alias: 'client', objectIds: ids(other) }), 'NO_MATCHING_KEY');
  assert.match(wrong.message, /issued for a different key/);
  const after = await h['keystores.importCaReply']({ keystoreId: ks.id, alias: 'client', objectIds: ids(reply) });
  assert.deepEqual(entry(after, 'client').chain.map((c) => c.sha256), [await sha256OfPem(join(work, 'reply.pem')), await sha256OfPem(E2E('root.pem'))]);
  assert.deepEqual(entry(after, 'client').problems, []);
  const saved = await h['keystores.save']({ keystoreId: ks.id, kind: 'jks', storePassword: 'changeit', destination: { folder: out, fileName: 'client.jks' } });
  const [probed] = await probeKeystore('JKS', saved.written[0].path, 'changeit');
  assert.deepEqual([probed.alias, probed.keyMatchesLeaf, probed.chain], ['client', true, ['CN=api-user-7@example.test,O=Example', 'CN=Certbench E2E Root,O=Certbench E2E,C=US']]);
});

test('a CA reply for a key made by openssl: a PKCS#12 holds the lone key, the reply with its root completes it, saved as JKS', async () => {
  const { h, open, out } = kit(() => new Date());
  const work = mkdtempSync(join(tmpdir(), 'certbench-careply-'));
  const key = join(work, 'client.key');
  await run('openssl', ['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', key]);
  await run('openssl', ['req', '-new', '-key', key, '-subj', '/O=Example/CN=api-user-8@example.test', '-out', join(work, 'client.csr')]);
  await run('openssl', ['x509', '-req', '-in', join(work, 'client.csr'), '-CA', E2E('root.pem'), '-CAkey', E2E('root.key'), '-set_serial', '0x78', '-days', '30', '-sha256', '-out', join(work, 'reply.pem')]);
  await run('sh', ['-c', `cat "${join(work, 'reply.pem')}" "${E2E('root.pem')}" > "${join(work, 'reply-chain.pem')}"`]);
  const [keyDoc] = await open([key]);
  const p12 = await h['keystores.create']({ kind: 'pkcs12' });
  await h['keystores.importKeyPair']({ keystoreId: p12.id, keyObjectId: ids(keyDoc)[0], alias: 'client' });
  await rejectsWith(h['keystores.save']({ keystoreId: p12.id, kind: 'jks', storePassword: 'changeit', destination: { folder: out, fileName: 'c.jks' } }), 'INVALID_ARGUMENT');
  const [reply] = await open([join(work, 'reply-chain.pem')]);
  const after = await h['keystores.importCaReply']({ keystoreId: p12.id, alias: 'client', objectIds: ids(reply) });
  assert.equal(entry(after, 'client').chain.length, 2);
  const saved = await h['keystores.save']({ keystoreId: p12.id, kind: 'jks', storePassword: 'changeit', destination: { folder: out, fileName: 'c.jks' } });
  const [probed] = await probeKeystore('JKS', saved.written[0].path, 'changeit');
  assert.deepEqual([probed.keyAlgorithm, probed.keyMatchesLeaf, probed.chain?.length], ['EC', true, 2]);
  assertNoKeyBytes([after, saved], [key]);
});

test('keypass.jks: the key with its own password is locked until entered; saved, Java opens it with that password; cleared, with the store password', async () => {
  const { h, open, out } = kit();
  const { password, keyPassword } = stores['keypass.jks'];
  const [doc] = await open([KEYSTORES('keypass.jks')]);
  const ks = await h['keystores.open']({ documentId: doc.id, password });
  const locked = entry(ks, 'locked');
  assert.deepEqual([locked.type, locked.locked, locked.ownKeyPassword, locked.chain.length], ['privateKey', true, true, 1]);
  assert.equal(locked.certificate?.sha256, upper(stores['keypass.jks'].entries[0].certSha256[0]));
  assert.ok(ks.notes.some((n) => /'locked'/.test(n)));
  const refused = await rejectsWith(h['keystores.save']({ keystoreId: ks.id, kind: 'jks', storePassword: password, destination: { folder: out, fileName: 'k.jks' } }), 'INVALID_ARGUMENT');
  assert.equal(refused.message, "Enter the password of key 'locked' first, or delete it.");
  await rejectsWith(h['keystores.importCaReply']({ keystoreId: ks.id, alias: 'locked', objectIds: ids(doc) }), 'INVALID_ARGUMENT');
  await rejectsWith(h['keystores.unlockEntry']({ keystoreId: ks.id, alias: 'locked', keyPassword: 'not-it' }), 'WRONG_PASSWORD');
  const unlocked = await h['keystores.unlockEntry']({ keystoreId: ks.id, alias: 'locked', keyPassword: keyPassword! });
  assert.deepEqual([entry(unlocked, 'locked').locked, entry(unlocked, 'locked').ownKeyPassword, unlocked.dirty], [false, true, false]);
  assert.deepEqual(unlocked.entries.map((e) => e.alias), aliasesInFileOrder(doc), 'the unlocked key stays where the file has it');
  const saved = await h['keystores.save']({ keystoreId: ks.id, kind: 'jks', storePassword: 'new-store', destination: { folder: out, fileName: 'k.jks' } });
  const probed = await probeKeystore('JKS', saved.written[0].path, 'new-store', { locked: keyPassword! });
  assert.equal(probed.find((p) => p.alias === 'locked')?.keyMatchesLeaf, true);
  // PKCS#12 has one password: the key is written under the store password, and no longer has its own.
  const p12 = await h['keystores.save']({ keystoreId: ks.id, kind: 'pkcs12', storePassword: 'p12-store', destination: { folder: out, fileName: 'k.p12' } });
  assert.equal(entry(p12.keystore, 'locked').ownKeyPassword, false);
  assert.equal((await probeKeystore('PKCS12', p12.written[0].path, 'p12-store')).find((p) => p.alias === 'locked')?.keyMatchesLeaf, true);
  await h['keystores.setKeyPassword']({ keystoreId: ks.id, alias: 'locked', keyPassword: null });
  const exists = await rejectsWith(h['keystores.save']({ keystoreId: ks.id, kind: 'jks', storePassword: 'new-store', destination: { folder: out, fileName: 'k.jks' } }), 'EXISTS');
  assert.match(exists.message, /k\.jks already exists/);
  await h['keystores.save']({ keystoreId: ks.id, kind: 'jks', storePassword: 'new-store', destination: { folder: out, fileName: 'k.jks', overwrite: true } });
  assert.equal((await probeKeystore('JKS', saved.written[0].path, 'new-store')).find((p) => p.alias === 'locked')?.keyMatchesLeaf, true);
});

test('keystore.jks saved as JCEKS and as PKCS#12: keytool, Java and openssl see the key and its chain', async () => {
  const { h, open, out } = kit();
  const [jks] = await open([E2E('keystore.jks')]);
  const ks = await h['keystores.open']({ documentId: jks.id, password: 'changeit' });
  const jceks = await h['keystores.save']({ keystoreId: ks.id, kind: 'jceks', storePassword: 'changeit', destination: { folder: out, fileName: 'shop.jceks' } });
  assert.equal(jceks.keystore.kind, 'jceks');
  const chain = [await sha256OfPem(E2E('server.pem')), await sha256OfPem(E2E('root.pem'))];
  assert.deepEqual((await keytoolView(jceks.written[0].path, 'JCEKS', 'changeit')).map((e) => [e.alias, e.type, e.certs]), [['shop', 'PrivateKeyEntry', chain]]);
  assert.equal((await probeKeystore('JCEKS', jceks.written[0].path, 'changeit'))[0].keyMatchesLeaf, true);
  const p12 = await h['keystores.save']({ keystoreId: ks.id, kind: 'pkcs12', storePassword: 'pfx pass', destination: { folder: out, fileName: 'shop.p12' } });
  const ossl = await opensslView(p12.written[0].path, { password: 'pfx pass' });
  assert.deepEqual(ossl.certs, chain);
  assert.deepEqual(ossl.keySpkis.map((s) => s.toLowerCase()), [await spkiSha(E2E('server.key'))]);
  const [probed] = await probeKeystore('PKCS12', p12.written[0].path, 'pfx pass');
  assert.deepEqual([probed.alias, probed.keyMatchesLeaf, probed.chain?.length], ['shop', true, 2]);
  assert.deepEqual(filesIn(out), ['shop.jceks', 'shop.p12']);
});

test('keys.jceks: its secret key cannot go into JKS or PKCS#12 (refused, nothing written) and is kept saved as JCEKS', async () => {
  const { h, open, out } = kit();
  const { password } = stores['keys.jceks'];
  const [doc] = await open([KEYSTORES('keys.jceks')]);
  const ks = await h['keystores.open']({ documentId: doc.id, password });
  assert.deepEqual(ks.entries.map((e) => e.alias), aliasesInFileOrder(doc));
  assert.deepEqual(ks.entries.map((e) => [e.alias, e.type]).sort(), [['aes', 'secretKey'], ['client', 'privateKey'], ['rootca', 'trustedCert']]);
  assert.ok(ks.notes.some((n) => /save as JCEKS to keep 'aes'/.test(n)));
  for (const kind of ['jks', 'pkcs12'] as const) {
    const e = await rejectsWith(h['keystores.save']({ keystoreId: ks.id, kind, storePassword: password, destination: { folder: out, fileName: `x.${kind}` } }), 'INVALID_ARGUMENT');
    assert.match(e.message, /cannot hold secret keys: 'aes' would be lost/);
  }
  assert.deepEqual(filesIn(out), []);
  const saved = await h['keystores.save']({ keystoreId: ks.id, kind: 'jceks', storePassword: password, destination: { folder: out, fileName: 'keys.jceks' } });
  assert.deepEqual((await keytoolView(saved.written[0].path, 'JCEKS', password)).map((e) => [e.alias, e.type]).sort(), [['aes', 'SecretKeyEntry'], ['client', 'PrivateKeyEntry'], ['rootca', 'trustedCertEntry']]);
});

test('keys.jceks saved under a new store password: its secret key is sealed again, so Java opens it with the new password', async () => {
  const { h, open, out } = kit();
  const { password } = stores['keys.jceks'];
  const [doc] = await open([KEYSTORES('keys.jceks')]);
  const ks = await h['keystores.open']({ documentId: doc.id, password });
  const saved = await h['keystores.save']({ keystoreId: ks.id, kind: 'jceks', storePassword: 'a-new-store-pw', destination: { folder: out, fileName: 'renewed.jceks' } });
  const probed = await probeKeystore('JCEKS', saved.written[0].path, 'a-new-store-pw');
  assert.deepEqual(probed.map((e) => [e.alias, e.type, e.keyAlgorithm ?? null]), [['aes', 'key', 'AES'], ['client', 'key', probed[1].keyAlgorithm], ['rootca', 'trusted', null]]);
  assert.equal(probed[1].keyMatchesLeaf, true);
});

test('server.pfx opens as a PKCS#12 keystore with its password (typed errors without or with a wrong one) and saves as JKS', async () => {
  const { h, open, out } = kit();
  const [pfx] = await open([E2E('server.pfx')]);
  await rejectsWith(h['keystores.open']({ documentId: pfx.id }), 'PASSWORD_REQUIRED');
  await rejectsWith(h['keystores.open']({ documentId: pfx.id, password: 'wrong horse' }), 'WRONG_PASSWORD');
  const ks = await h['keystores.open']({ documentId: pfx.id, password: 'correct horse' });
  assert.deepEqual([ks.kind, ks.path, ks.dirty], ['pkcs12', E2E('server.pfx'), false]);
  assert.deepEqual(entry(ks, 'shop').chain.length, 2);
  const [keyFile] = await open([E2E('server.key')]);
  assert.equal(entry(ks, 'shop').spkiSha256, keyFile.objects[0].spkiSha256, 'the entry names its public key, for checking CA replies');
  const saved = await h['keystores.save']({ keystoreId: ks.id, kind: 'jks', storePassword: 'changeit', destination: { folder: out, fileName: 'from-pfx.jks' } });
  const [probed] = await probeKeystore('JKS', saved.written[0].path, 'changeit');
  assert.deepEqual([probed.alias, probed.keyMatchesLeaf, probed.chain?.length], ['shop', true, 2]);
  assertNoKeyBytes([ks, saved], [E2E('server.key')]);
});

test('a PEM with a key and its certificate opens as a new JKS keystore (not saved yet) and saves to a keystore Java reads', async () => {
  const { h, open, out } = kit();
  const [pem] = await open([X509('leaf-with-key.pem')]);
  const ks = await h['keystores.open']({ documentId: pem.id });
  assert.deepEqual([ks.kind, ks.path, ks.dirty], ['jks', null, true]);
  const [key] = ks.entries;
  assert.deepEqual([key.type, key.certificate?.sha256], ['privateKey', x509['leaf.pem'].sha256]);
  const saved = await h['keystores.save']({ keystoreId: ks.id, kind: 'jks', storePassword: 'changeit', destination: { folder: out, fileName: 'leaf.jks' } });
  const [probed] = await probeKeystore('JKS', saved.written[0].path, 'changeit');
  assert.equal(probed.keyMatchesLeaf, true);
  assertNoKeyBytes([ks, saved], [X509('leaf.key')]);
});

test('a P7B opens as trusted certificates; a lone key file as a key without certificate that only PKCS#12 can hold (openssl reads it back)', async () => {
  const { h, open, out } = kit();
  const [p7b, key] = await open([X509('chain.p7b'), X509('leaf.key')]);
  const certs = await h['keystores.open']({ documentId: p7b.id });
  assert.deepEqual(certs.entries.map((e) => [e.type, e.certificate?.sha256]).sort(), [x509['leaf.pem'].sha256, x509['inter.pem'].sha256, x509['root.pem'].sha256].map((s) => ['trustedCert', s]).sort());
  const lone = await h['keystores.open']({ documentId: key.id });
  assert.deepEqual([lone.kind, lone.entries.length, lone.entries[0].type, lone.entries[0].chain.length], ['jks', 1, 'privateKey', 0]);
  assert.deepEqual(lone.entries[0].problems.map((p) => [p.code, p.severity]), [['NO_CERTIFICATE', 'error']]);
  await rejectsWith(h['keystores.save']({ keystoreId: lone.id, kind: 'jks', storePassword: 'changeit', destination: { folder: out, fileName: 'lone.jks' } }), 'INVALID_ARGUMENT');
  const saved = await h['keystores.save']({ keystoreId: lone.id, kind: 'pkcs12', storePassword: 'lone key', destination: { folder: out, fileName: 'lone.p12' } });
  const ossl = await opensslView(saved.written[0].path, { password: 'lone key' });
  assert.deepEqual([ossl.certs, ossl.keySpkis.map((s) => s.toLowerCase())], [[], [await spkiSha(X509('leaf.key'))]]);
  assert.deepEqual(filesIn(out), ['lone.p12']);
});
