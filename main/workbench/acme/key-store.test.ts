/** The ACME key store: 0600 files in a 0700 folder (atomic, no temporary files left), or memory; ids cannot name other paths. */
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { rejectsWith } from '../../../test/helpers/pki-errors';
import { FileKeyStore, keyStoreFor, MemoryKeyStore } from './key-store';

const PEM = '-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIJ+fake+key+for+the+store+test+only+AAAAAAAA\n-----END PRIVATE KEY-----\n';

test('files: put writes <id>.key 0600 in a 0700 folder; get reads it back; remove deletes it; a missing key is null', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'acme-keys-'));
  const store = keyStoreFor(dir);
  assert.ok(store instanceof FileKeyStore);
  await store.put('account-a1', PEM);
  const folder = join(dir, 'acme', 'keys');
  assert.equal(statSync(folder).mode & 0o777, 0o700);
  assert.equal(statSync(join(folder, 'account-a1.key')).mode & 0o777, 0o600);
  assert.deepEqual(readdirSync(folder), ['account-a1.key']);
  assert.equal(await store.get('account-a1'), PEM);
  await store.put('account-a1', PEM.replace('fake', 'next'));
  assert.match((await store.get('account-a1')) ?? '', /next/);
  await store.remove('account-a1');
  assert.equal(await store.get('account-a1'), null);
  await store.remove('account-a1');
  assert.deepEqual(readdirSync(folder), []);
});

test('files: a keys folder made with wider rights is narrowed to 0700', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'acme-keys-'));
  mkdirSync(join(dir, 'acme', 'keys'), { recursive: true });
  chmodSync(join(dir, 'acme', 'keys'), 0o755);
  await keyStoreFor(dir).put('cert-o1', PEM);
  assert.equal(statSync(join(dir, 'acme', 'keys')).mode & 0o777, 0o700);
});

test('ids that could name another path are refused before the disk is touched', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'acme-keys-'));
  const store = keyStoreFor(dir);
  for (const id of ['../escape', 'a/b', '', 'x'.repeat(101), 'dot.dot']) await rejectsWith(store.put(id, PEM), 'INTERNAL');
  assert.deepEqual(readdirSync(dir), []);
});

test('memory: without a data folder keys live for this run only', async () => {
  const store = keyStoreFor(undefined);
  assert.ok(store instanceof MemoryKeyStore);
  await store.put('cert-o1', PEM);
  assert.equal(await store.get('cert-o1'), PEM);
  await store.remove('cert-o1');
  assert.equal(await store.get('cert-o1'), null);
});
