/**
 * Remembered keys: off by default; sealed (0600) only when on; reopened keys are the same keys by OpenSSL;
 * turning it off or having nothing to keep zeroes the sealed file before deleting it.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, linkSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { PkiError } from '../pki/errors';
import { PassphraseFileSealer } from './passphrase-sealer';
import { REMEMBER_SETTING_NAME, RememberedKeys, SEALED_KEYS_NAME } from './remembered-keys';
import type { SecretSealer } from './secret-sealer';

const keyFixture = (name: string) => join(__dirname, '..', '..', 'test/fixtures/keys', name);
const der = (pemPath: string) => new Uint8Array(execFileSync('openssl', ['pkey', '-in', pemPath, '-outform', 'DER']));
const publicOf = (pkcs8: Uint8Array) => execFileSync('openssl', ['pkey', '-inform', 'DER', '-pubout'], { input: pkcs8, encoding: 'utf8' });

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'remembered-'));
  const passphrase = join(dir, 'passphrase');
  writeFileSync(passphrase, 'test passphrase\n');
  const sealer = new PassphraseFileSealer(passphrase, { N: 2 ** 10, r: 8, p: 1 });
  const data = join(dir, 'data');
  return { dir, data, passphrase, sealer, store: new RememberedKeys(data, sealer) };
}

test('off by default: saving stores nothing, loading gives nothing', async () => {
  const { dir, data, store } = setup();
  assert.equal(await store.enabled(), false);
  await store.save([{ name: 'leaf.key', keys: [der(keyFixture('ec-p-256.pkcs8.pem'))] }]);
  assert.equal(existsSync(join(data, SEALED_KEYS_NAME)), false);
  assert.deepEqual(await store.load(), []);
  rmSync(dir, { recursive: true, force: true });
});

test('on: keys come back in the next session as the same keys (OpenSSL derives the same public keys), file 0600, nothing readable in it', async () => {
  const { dir, data, sealer, store } = setup();
  await store.setEnabled(true);
  const rsa = der(keyFixture('rsa2048.pkcs8.pem'));
  const ec = der(keyFixture('ec-p-384.pkcs8.pem'));
  const ed = der(keyFixture('ed25519.pkcs8.pem'));
  await store.save([{ name: 'shop.example.pfx', keys: [rsa, ec] }, { name: 'empty.pem', keys: [] }, { name: 'client ✓.key', keys: [ed] }]);
  const sealedPath = join(data, SEALED_KEYS_NAME);
  assert.equal(statSync(sealedPath).mode & 0o777, 0o600);
  const onDisk = readFileSync(sealedPath);
  for (const k of [rsa, ec, ed]) assert.equal(onDisk.indexOf(Buffer.from(k.subarray(-24))), -1, 'key bytes are not in the file');
  assert.doesNotMatch(readFileSync(join(data, REMEMBER_SETTING_NAME), 'utf8'), /passphrase|KEY/);

  const next = await new RememberedKeys(data, sealer).load();
  assert.deepEqual(next.map((d) => d.name), ['shop.example.pfx', 'client ✓.key'], 'documents without keys are not kept');
  assert.deepEqual(next.flatMap((d) => d.keys.map(publicOf)), [rsa, ec, ed].map(publicOf));
  rmSync(dir, { recursive: true, force: true });
});

test('turning it off zeroes the sealed bytes before deleting the file', async () => {
  const { dir, data, store } = setup();
  await store.setEnabled(true);
  await store.save([{ name: 'k', keys: [der(keyFixture('ec-p-256.pkcs8.pem'))] }]);
  // A second name for the same inode shows what the deleted file's blocks held last.
  const witness = join(dir, 'witness');
  linkSync(join(data, SEALED_KEYS_NAME), witness);
  const size = statSync(witness).size;
  await store.setEnabled(false);
  assert.equal(existsSync(join(data, SEALED_KEYS_NAME)), false);
  assert.deepEqual(readFileSync(witness), Buffer.alloc(size), 'all zeros');
  assert.equal(await store.enabled(), false);
  assert.deepEqual(await store.load(), []);
  rmSync(dir, { recursive: true, force: true });
});

test('quitting with no keys open leaves nothing behind, even with the setting on', async () => {
  const { dir, data, store } = setup();
  await store.setEnabled(true);
  await store.save([{ name: 'k', keys: [der(keyFixture('ec-p-256.pkcs8.pem'))] }]);
  await store.save([]);
  assert.equal(existsSync(join(data, SEALED_KEYS_NAME)), false);
  assert.deepEqual(await store.load(), []);
  rmSync(dir, { recursive: true, force: true });
});

test('another passphrase or an altered file: a typed error, never a crash or a key', async () => {
  const { dir, data, passphrase, store } = setup();
  await store.setEnabled(true);
  await store.save([{ name: 'k', keys: [der(keyFixture('ec-p-256.pkcs8.pem'))] }]);
  const sealedPath = join(data, SEALED_KEYS_NAME);
  const good = readFileSync(sealedPath);
  writeFileSync(passphrase, 'someone else\n');
  await assert.rejects(store.load(), (e) => e instanceof PkiError && e.code === 'INTEGRITY_FAILED' && e.hint.length > 0);
  writeFileSync(passphrase, 'test passphrase\n');
  const altered = Buffer.from(good);
  altered[altered.length - 20] ^= 0x40;
  writeFileSync(sealedPath, altered);
  await assert.rejects(store.load(), (e) => e instanceof PkiError && e.code === 'INTEGRITY_FAILED');
  writeFileSync(sealedPath, good);
  assert.equal((await store.load()).length, 1);
  rmSync(dir, { recursive: true, force: true });
});

test('a well-sealed payload that is not a key list (another program, a bug) is CORRUPT', async () => {
  const { dir, data, sealer, store } = setup();
  await store.setEnabled(true);
  for (const payload of ['not a key list', 'CBKEYS1\n\0\0\0\x05', 'CBKEYS1\n\0\0\0\x01\0\x01a\0\0\0\x01\xff\xff\xff\xff']) {
    writeFileSync(join(data, SEALED_KEYS_NAME), await sealer.seal(Buffer.from(payload, 'latin1')));
    await assert.rejects(store.load(), (e) => e instanceof PkiError && e.code === 'CORRUPT', JSON.stringify(payload));
  }
  rmSync(dir, { recursive: true, force: true });
});

test('a sealer that is not available here: the setting cannot be turned on, and says why', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'remembered-'));
  const none: SecretSealer = { description: 'the system keyring', available: () => false, seal: async () => assert.fail('sealed'), open: async () => assert.fail('opened') };
  const store = new RememberedKeys(dir, none);
  assert.equal(store.available(), false);
  await assert.rejects(store.setEnabled(true), (e) => e instanceof PkiError && e.code === 'INVALID_ARGUMENT' && /the system keyring is not available/.test(e.message));
  assert.equal(await store.enabled(), false);
  await store.setEnabled(false);
  rmSync(dir, { recursive: true, force: true });
});

test('save copies the keys before its first wait: a document closed meanwhile (its keys zeroed) does not seal zeros', async () => {
  const { dir, data, sealer, store } = setup();
  await store.setEnabled(true);
  const ec = der(keyFixture('ec-p-256.pkcs8.pem'));
  const expected = publicOf(ec);
  const saving = store.save([{ name: 'k.pem', keys: [ec] }]);
  ec.fill(0); // what the vault does when the document closes
  await saving;
  const [doc] = await new RememberedKeys(data, sealer).load();
  assert.equal(publicOf(doc.keys[0]), expected);
  rmSync(dir, { recursive: true, force: true });
});
