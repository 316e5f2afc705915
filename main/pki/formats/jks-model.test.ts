/**
 * Keystores read as editable models and written back: our keytool-made fixtures (test/fixtures/keystores,
 * manifest.json from keytool -list -v) and pyjks's JKS/JCEKS corpus (test/fixtures/corpus/pyjks; passwords
 * from its test sources, see /work/shared/corpus/README.md). Each round trip readJavaKeystoreModel →
 * writeJavaKeystore is judged by keytool (same aliases, entry types, certificates, dates as keytool lists for
 * the original), by Java's KeyStore (every key and secret key opens with its password; keys sign for their
 * leaf) and by reading it back (the same PKCS#8 bytes, sealed secrets and dates).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { FIXTURES } from '../../../test/helpers/fixtures';
import { resealSecretKey } from './jceks-reseal';
import { readJavaKeystore } from './jks';
import { readJavaKeystoreModel } from './jks-model';
import { FAST_ROUNDS, type StoreUnderTest, fingerprint, judgeRoundTrip, keytoolList, probe, rejectsWith, scratch } from './jks-test-helpers';
import { writeJavaKeystore } from './jks-write';
import type { KeystoreModel } from './keystore-model';

const OURS = join(FIXTURES, 'keystores');
const PYJKS = join(FIXTURES, 'corpus', 'pyjks');

const tmp = scratch('jks-model');
after(() => tmp.done());

const manifest = JSON.parse(readFileSync(join(OURS, 'manifest.json'), 'utf8')) as {
  stores: Record<string, { format: 'jks' | 'jceks'; password: string; keyPassword?: string; entries: { alias: string; type: string; certSha256: string[] }[] }>;
};
const bytesOf = (path: string) => new Uint8Array(readFileSync(path));

const ours: StoreUnderTest[] = Object.entries(manifest.stores).map(([file, s]) => ({
  name: file,
  path: join(OURS, file),
  kind: s.format,
  storePassword: s.password,
  keyPasswords: s.keyPassword ? Object.fromEntries(s.entries.filter((e) => e.type === 'PrivateKeyEntry').map((e) => [e.alias, s.keyPassword!])) : {},
}));

for (const store of ours) it(`${store.name}: read as a model, written back, and keytool, Java and our reader see the same keystore`, () => judgeRoundTrip(store, tmp, manifest.stores[store.name].entries));

/** Model → file, keeping every password; JCEKS keys at low rounds (the default is the writer tests' business). */
async function roundTrip(store: StoreUnderTest, model: KeystoreModel, kind = store.kind): Promise<{ bytes: Uint8Array; path: string }> {
  const bytes = await writeJavaKeystore(model, { kind, storePassword: store.storePassword, iterations: FAST_ROUNDS });
  return { bytes, path: tmp.write(`${store.name.replace(/\W+/g, '-')}.${kind}`, bytes) };
}

describe('a JCEKS secret key written back', () => {
  it('keeps its sealed bytes: keytool lists a SecretKeyEntry and our reader unseals AES-256', async () => {
    const store = ours.find((s) => s.name === 'keys.jceks')!;
    const { model } = await readJavaKeystoreModel(bytesOf(store.path), { storePassword: store.storePassword });
    const written = await roundTrip(store, model);
    const listed = await keytoolList('jceks', written.path, store.storePassword);
    assert.deepEqual(listed.find((e) => e.alias === 'aes')?.type, 'SecretKeyEntry');
    const read = await readJavaKeystore(written.bytes, { password: store.storePassword });
    const secret = read.objects.find((o) => o.kind === 'secretKey');
    assert.ok(secret && secret.kind === 'secretKey');
    assert.deepEqual([secret.algorithm, secret.sizeBits], ['AES', 256]);
  });
});

describe('a JCEKS secret key under a new store password', () => {
  it('sealed again with the new password: Java opens it with the new one, our reader unseals it', async () => {
    const store = ours.find((s) => s.name === 'keys.jceks')!;
    const { model } = await readJavaKeystoreModel(bytesOf(store.path), { storePassword: store.storePassword });
    const entries = await Promise.all(
      model.entries.map(async (e) => (e.type === 'secretKey' ? { ...e, sealed: await resealSecretKey(e.sealed, store.storePassword, 'new-store-pass', e.alias) } : e)),
    );
    const bytes = await writeJavaKeystore({ entries }, { kind: 'jceks', storePassword: 'new-store-pass', iterations: FAST_ROUNDS });
    const path = tmp.write('resealed.jceks', bytes);
    const probed = await probe('jceks', path, 'new-store-pass');
    assert.deepEqual(probed.map((e) => [e.alias, e.type, e.keyAlgorithm]), [['aes', 'key', 'AES'], ['client', 'key', 'RSA'], ['rootca', 'trusted', undefined]]);
    const read = await readJavaKeystore(bytes, { password: 'new-store-pass' });
    const secret = read.objects.find((o) => o.kind === 'secretKey');
    assert.ok(secret && secret.kind === 'secretKey');
    assert.deepEqual([secret.algorithm, secret.sizeBits], ['AES', 256]);
  });

  it('the wrong old password is WRONG_PASSWORD; a non-ASCII new one INVALID_ARGUMENT', async () => {
    const store = ours.find((s) => s.name === 'keys.jceks')!;
    const { model } = await readJavaKeystoreModel(bytesOf(store.path), { storePassword: store.storePassword });
    const secret = model.entries.find((e) => e.type === 'secretKey')!;
    assert.ok(secret.type === 'secretKey');
    await rejectsWith(resealSecretKey(secret.sealed, 'not-it', 'new-store-pass', 'aes'), 'WRONG_PASSWORD');
    await rejectsWith(resealSecretKey(secret.sealed, store.storePassword, 'ключ', 'aes'), 'INVALID_ARGUMENT');
  });
});

describe('JKS saved as JCEKS and back', () => {
  it('the keys stay the same and Java opens both files', async () => {
    const store = ours.find((s) => s.name === 'server.jks')!;
    const first = await readJavaKeystoreModel(bytesOf(store.path), { storePassword: store.storePassword });
    const asJceks = await roundTrip(store, first.model, 'jceks');
    const middle = await readJavaKeystoreModel(asJceks.bytes, { storePassword: store.storePassword });
    assert.equal(middle.kind, 'jceks');
    assert.deepEqual(middle.model, first.model);
    const asJks = await roundTrip({ ...store, name: 'server-back' }, middle.model, 'jks');
    const last = await readJavaKeystoreModel(asJks.bytes, { storePassword: store.storePassword });
    assert.deepEqual(last, first);
    for (const [kind, file] of [['jceks', asJceks.path], ['jks', asJks.path]] as const) {
      const probed = await probe(kind, file, store.storePassword);
      assert.deepEqual(probed.map((e) => [e.alias, e.type, e.keyMatchesLeaf]), [['rootca', 'trusted', undefined], ['server', 'key', true]]);
    }
    const expected = manifest.stores['server.jks'].entries.map((e) => [e.alias, e.type, e.certSha256]);
    assert.deepEqual((await keytoolList('jceks', asJceks.path, store.storePassword)).map((e) => [e.alias, e.type, e.certSha256]), expected);
  });

  it('a new store password: keys under the store password follow it, own key passwords stay', async () => {
    const store = ours.find((s) => s.name === 'keypass.jks')!;
    const { model } = await readJavaKeystoreModel(bytesOf(store.path), { storePassword: store.storePassword, keyPasswords: store.keyPasswords });
    const bytes = await writeJavaKeystore(model, { kind: 'jks', storePassword: 'brand-new-store-pass' });
    const path = tmp.write('renewed.jks', bytes);
    const probed = await probe('jks', path, 'brand-new-store-pass', { locked: 'other-key-pass' });
    assert.deepEqual(probed.map((e) => [e.alias, e.keyMatchesLeaf]), [['locked', true], ['rootca', undefined]]);
    await rejectsWith(readJavaKeystoreModel(bytes, { storePassword: store.storePassword }), 'WRONG_PASSWORD');
  });
});

describe('keys the passwords do not open, and stores they do not open', () => {
  const keypass = () => bytesOf(join(OURS, 'keypass.jks'));

  it('a key with its own password, none given: locked, with its chain and date', async () => {
    const r = await readJavaKeystoreModel(keypass(), { storePassword: 'changeit-store' });
    assert.deepEqual(r.model.entries.map((e) => [e.type, e.alias]), [['trustedCert', 'rootca']]);
    assert.equal(r.locked.length, 1);
    const [locked] = r.locked;
    assert.equal(locked.alias, 'locked');
    assert.deepEqual(locked.chain.map(fingerprint), manifest.stores['keypass.jks'].entries.find((e) => e.alias === 'locked')!.certSha256);
    assert.ok(Math.abs(locked.created.getTime() - r.model.entries[0].created!.getTime()) < 60_000, 'made by the same script run');
  });

  it('a wrong key password leaves it locked; the right one opens it and is kept', async () => {
    const wrong = await readJavaKeystoreModel(keypass(), { storePassword: 'changeit-store', keyPasswords: { locked: 'nope' } });
    assert.deepEqual(wrong.locked.map((l) => l.alias), ['locked']);
    const right = await readJavaKeystoreModel(keypass(), { storePassword: 'changeit-store', keyPasswords: { locked: 'other-key-pass' } });
    const key = right.model.entries.find((e) => e.type === 'privateKey');
    assert.ok(key && key.type === 'privateKey');
    assert.equal(key.keyPassword, 'other-key-pass');
  });

  it('cancelled between keys: CANCELLED', async () => {
    const controller = new AbortController();
    const reading = readJavaKeystoreModel(bytesOf(join(OURS, 'keys.jceks')), { storePassword: 'changeit-store', signal: controller.signal, onProgress: () => controller.abort() });
    await rejectsWith(reading, 'CANCELLED');
  });

  it('a key password equal to the store password is not recorded as its own', async () => {
    const r = await readJavaKeystoreModel(bytesOf(join(OURS, 'server.jks')), { storePassword: 'changeit-store', keyPasswords: { server: 'changeit-store' } });
    const key = r.model.entries.find((e) => e.type === 'privateKey');
    assert.ok(key && key.type === 'privateKey' && !('keyPassword' in key));
  });

  it('wrong store password, altered, truncated, not a keystore: the reader\'s typed errors', async () => {
    await rejectsWith(readJavaKeystoreModel(bytesOf(join(OURS, 'server.jks')), { storePassword: 'wrong' }), 'WRONG_PASSWORD');
    await rejectsWith(readJavaKeystoreModel(bytesOf(join(OURS, 'tampered.jks')), { storePassword: 'changeit-store' }), 'INTEGRITY_FAILED');
    await rejectsWith(readJavaKeystoreModel(bytesOf(join(OURS, 'truncated.jks')), { storePassword: 'changeit-store' }), 'CORRUPT');
    await rejectsWith(readJavaKeystoreModel(bytesOf(join(PYJKS, 'jks', 'truststore.jks')), { storePassword: '12345678' }), 'WRONG_PASSWORD');
    await rejectsWith(readJavaKeystoreModel(bytesOf(join(PYJKS, 'jceks', 'duplicate_aliases.jceks')), { storePassword: '12345678' }), 'CORRUPT');
    await rejectsWith(readJavaKeystoreModel(bytesOf(join(PYJKS, 'bks', 'christmas.bksv2')), { storePassword: '12345678' }), 'UNRECOGNIZED_FORMAT');
  });
});
