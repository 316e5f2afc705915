/** The key vault: opaque random handles, each key behind its own, zeroed and forgotten with its document. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { KeyVault } from './key-vault';

test('a thousand keys get a thousand distinct random handles, past many draws of random bytes', () => {
  const vault = new KeyVault();
  const keys = Array.from({ length: 1000 }, (_, i) => Uint8Array.of(i >> 8, i & 0xff, 7));
  const handles = keys.map((k) => vault.put(k, 'doc1'));
  for (const h of handles) assert.match(h, /^key_[0-9a-f]{24}$/);
  assert.equal(new Set(handles).size, 1000);
  handles.forEach((h, i) => assert.equal(vault.get(h), keys[i]));
  // Another vault draws its own: no handle repeats.
  const other = new KeyVault();
  assert.ok(!handles.includes(other.put(Uint8Array.of(1), 'doc2')));
});

test('dropping a document zeroes and forgets its keys only', () => {
  const vault = new KeyVault();
  const mine = Uint8Array.of(1, 2, 3);
  const theirs = Uint8Array.of(4, 5, 6);
  const h1 = vault.put(mine, 'doc1');
  const h2 = vault.put(theirs, 'doc2');
  vault.dropOwner('doc1');
  assert.deepEqual(mine, Uint8Array.of(0, 0, 0));
  assert.equal(vault.get(h1), undefined);
  assert.deepEqual(vault.get(h2), Uint8Array.of(4, 5, 6));
  assert.equal(vault.size, 1);
});

test('entries lists every key with its document; wipe zeroes and forgets all keys and passwords', () => {
  const vault = new KeyVault();
  const a = Uint8Array.of(1, 2, 3);
  const b = Uint8Array.of(4, 5);
  const ha = vault.put(a, 'doc1');
  vault.put(b, 'doc2');
  vault.setPassword('watch:1', 'secret');
  assert.deepEqual([...vault.entries()].map((e) => [e.owner, [...e.pkcs8]]), [['doc1', [1, 2, 3]], ['doc2', [4, 5]]]);
  vault.wipe();
  assert.deepEqual([...a, ...b], [0, 0, 0, 0, 0]);
  assert.equal(vault.size, 0);
  assert.equal(vault.get(ha), undefined);
  assert.equal(vault.password('watch:1'), undefined);
  assert.deepEqual([...vault.entries()], []);
});

test('listeners hear every change to the set of keys, none for a document without keys or the quit wipe', () => {
  const vault = new KeyVault();
  let heard = 0;
  const stop = vault.onChange(() => heard++);
  vault.put(Uint8Array.of(1), 'doc1');
  vault.put(Uint8Array.of(2), 'doc2');
  assert.equal(heard, 2);
  vault.dropOwner('doc3'); // held no key: nothing changed
  assert.equal(heard, 2);
  vault.dropOwner('doc1');
  assert.equal(heard, 3);
  vault.wipe();
  assert.equal(heard, 3, 'the quit wipe is not a change to follow');
  stop();
  vault.put(Uint8Array.of(3), 'doc4');
  assert.equal(heard, 3, 'a stopped listener hears nothing more');
});
