/** The passphrase-file sealer: scrypt + AES-256-GCM, checked against OpenSSL's scrypt; tampering and wrong passphrases fail typed. */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { aeadDecrypt } from '../pki/crypto';
import { PkiError } from '../pki/errors';
import { PassphraseFileSealer } from './passphrase-sealer';

const dir = mkdtempSync(join(tmpdir(), 'sealer-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const passFile = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
const CHEAP = { N: 2 ** 10, r: 8, p: 1 };
const secret = new TextEncoder().encode('-----BEGIN PRIVATE KEY-----\nnot really\n-----END PRIVATE KEY-----\n');
const code = (c: string) => (e: unknown) => e instanceof PkiError && e.code === c;

test('seal then open gives the bytes back; each seal has its own salt and nonce', async () => {
  const sealer = new PassphraseFileSealer(passFile('p1', 'correct horse battery staple\n'), CHEAP);
  assert.equal(sealer.available(), true);
  const a = await sealer.seal(secret);
  const b = await sealer.seal(secret);
  assert.notDeepEqual(a, b);
  assert.deepEqual(Buffer.from(await sealer.open(a)), Buffer.from(secret));
  assert.equal(Buffer.from(a).indexOf(Buffer.from('PRIVATE KEY')), -1, 'the plaintext is not in the sealed bytes');
});

test('the key is OpenSSL\'s scrypt of the passphrase (first line of the file) and the stored salt', async () => {
  const sealer = new PassphraseFileSealer(passFile('p2', 'pässword line\nsecond line is ignored\n'), CHEAP);
  const sealed = await sealer.seal(secret);
  assert.equal(Buffer.from(sealed.subarray(0, 8)).toString(), 'CBSEAL1\n');
  assert.deepEqual([...sealed.subarray(8, 11)], [10, 8, 1], 'log2 N, r, p');
  const salt = Buffer.from(sealed.subarray(11, 27)).toString('hex');
  const nonce = sealed.subarray(27, 39);
  const out = execFileSync('openssl', ['kdf', '-keylen', '32', '-kdfopt', 'pass:pässword line', '-kdfopt', `hexsalt:${salt}`, '-kdfopt', 'n:1024', '-kdfopt', 'r:8', '-kdfopt', 'p:1', 'SCRYPT'], { encoding: 'utf8' });
  const key = Buffer.from(out.trim().replace(/:/g, ''), 'hex');
  assert.equal(key.length, 32);
  assert.deepEqual(aeadDecrypt('aes-256-gcm', key, nonce, sealed.subarray(0, 39), sealed.subarray(39)), Buffer.from(secret));
});

test('another passphrase, a flipped bit anywhere, a truncation or foreign bytes: INTEGRITY_FAILED, never the plaintext', async () => {
  const file = passFile('p3', 'one');
  const sealer = new PassphraseFileSealer(file, CHEAP);
  const sealed = await sealer.seal(secret);
  writeFileSync(file, 'two');
  await assert.rejects(sealer.open(sealed), code('INTEGRITY_FAILED'));
  writeFileSync(file, 'one');
  for (const at of [0, 9, 12, 30, 45, sealed.length - 1]) {
    const bad = Uint8Array.from(sealed);
    bad[at] ^= 1;
    await assert.rejects(sealer.open(bad), code('INTEGRITY_FAILED'), `bit flipped at ${at}`);
  }
  for (const bad of [sealed.subarray(0, 40), new Uint8Array(0), new TextEncoder().encode('hello world, this is not sealed at all')])
    await assert.rejects(sealer.open(bad), code('INTEGRITY_FAILED'));
});

test('a crafted header asking for a huge scrypt cost is refused before any work', async () => {
  const sealer = new PassphraseFileSealer(passFile('p4', 'x'), CHEAP);
  const sealed = await sealer.seal(secret);
  const greedy = Uint8Array.from(sealed);
  greedy[8] = 30; // N = 2^30: 1 TiB
  const started = Date.now();
  await assert.rejects(sealer.open(greedy), code('INTEGRITY_FAILED'));
  assert.ok(Date.now() - started < 1000);
  assert.throws(() => new PassphraseFileSealer('x', { N: 1000, r: 8, p: 1 }), code('INVALID_ARGUMENT'), 'N not a power of two');
});

test('no passphrase file, or an empty one: not available, and sealing says why', async () => {
  const missing = new PassphraseFileSealer(join(dir, 'nope'), CHEAP);
  assert.equal(missing.available(), false);
  await assert.rejects(missing.seal(secret), code('NOT_FOUND'));
  const empty = new PassphraseFileSealer(passFile('p5', '\nsecond'), CHEAP);
  assert.equal(empty.available(), false);
  await assert.rejects(empty.seal(secret), code('INVALID_ARGUMENT'));
});

test('the default cost (scrypt N=2^17, r=8) seals and opens', async () => {
  const sealer = new PassphraseFileSealer(passFile('p6', 'default cost'));
  const started = performance.now();
  const sealed = await sealer.seal(secret);
  assert.deepEqual(Buffer.from(await sealer.open(sealed)), Buffer.from(secret));
  assert.equal(sealed[8], 17);
  console.log(`# seal + open at N=2^17: ${Math.round(performance.now() - started)} ms`);
});
