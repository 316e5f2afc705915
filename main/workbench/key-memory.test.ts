/** Remember keys, end to end through the session: opened keys survive a "restart"; the vault is zeroed at quit. */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { KeyMemory } from './key-memory';
import { PassphraseFileSealer } from './passphrase-sealer';
import { RememberedKeys, SEALED_KEYS_NAME } from './remembered-keys';
import { Session } from './session';

const fixture = (...p: string[]) => join(__dirname, '..', '..', 'test/fixtures', ...p);
const publicOfDer = (pkcs8: Uint8Array) => execFileSync('openssl', ['pkey', '-inform', 'DER', '-pubout'], { input: pkcs8, encoding: 'utf8' });
const publicOfFile = (path: string) => execFileSync('openssl', ['pkey', '-in', path, '-pubout'], { encoding: 'utf8' });

function restartable() {
  const dir = mkdtempSync(join(tmpdir(), 'key-memory-'));
  writeFileSync(join(dir, 'passphrase'), 'pass\n');
  const sealer = new PassphraseFileSealer(join(dir, 'passphrase'), { N: 2 ** 10, r: 8, p: 1 });
  const start = () => {
    const session = new Session();
    return { session, memory: new KeyMemory(session, new RememberedKeys(join(dir, 'data'), sealer)) };
  };
  return { dir, start };
}

const open = (session: Session, path: string) => session.open(path.split('/').pop()!, new Uint8Array(readFileSync(path)), path);

test('with the setting on, the keys open at quit reopen at the next start under their documents\' names', async () => {
  const { dir, start } = restartable();
  const first = start();
  await first.memory.store.setEnabled(true);
  await open(first.session, fixture('keys', 'ec-p-256.pkcs8.pem'));
  await open(first.session, fixture('x509', 'leaf-with-key.pem'));
  await open(first.session, fixture('x509', 'chain.pem')); // no key: not remembered
  await first.memory.persistAndWipe();
  assert.equal(first.session.vault.size, 0, 'the vault is empty after quit');

  const second = start();
  assert.equal(await second.memory.restore(), 2);
  const docs = second.session.state().documents;
  assert.deepEqual(docs.map((d) => [d.name, d.status]), [['ec-p-256.pkcs8.pem', 'ready'], ['leaf-with-key.pem', 'ready']]);
  const restored = [...second.session.vault.entries()].map((e) => publicOfDer(e.pkcs8));
  assert.deepEqual(restored, [publicOfFile(fixture('keys', 'ec-p-256.pkcs8.pem')), publicOfFile(fixture('x509', 'leaf-with-key.pem'))]);
  rmSync(dir, { recursive: true, force: true });
});

test('with the setting off (the default), quit zeroes the vault and nothing comes back', async () => {
  const { dir, start } = restartable();
  const first = start();
  await open(first.session, fixture('keys', 'ec-p-256.pkcs8.pem'));
  const [key] = [...first.session.vault.entries()].map((e) => e.pkcs8);
  await first.memory.persistAndWipe();
  assert.ok(key.every((b) => b === 0), 'the key bytes in memory are zeroed');
  assert.equal(existsSync(join(dir, 'data', SEALED_KEYS_NAME)), false);
  const second = start();
  assert.equal(await second.memory.restore(), 0);
  assert.deepEqual(second.session.state().documents, []);
  rmSync(dir, { recursive: true, force: true });
});

test('a document closed before quit is not remembered', async () => {
  const { dir, start } = restartable();
  const first = start();
  await first.memory.store.setEnabled(true);
  const a = await open(first.session, fixture('keys', 'ec-p-256.pkcs8.pem'));
  await open(first.session, fixture('keys', 'ed25519.pkcs8.pem'));
  first.session.close(a.id);
  assert.deepEqual(first.memory.current().map((d) => d.name), ['ed25519.pkcs8.pem']);
  await first.memory.persistAndWipe();
  const second = start();
  await second.memory.restore();
  assert.deepEqual(second.session.state().documents.map((d) => d.name), ['ed25519.pkcs8.pem']);
  rmSync(dir, { recursive: true, force: true });
});
