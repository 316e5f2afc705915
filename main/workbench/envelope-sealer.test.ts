/**
 * The envelope sealer over a string-only key wrapper (Electron's safeStorage in the app). The wrapper here is
 * a real one: AES-256-CBC under a "keyring" key via main/pki/crypto, as Chromium's os_crypt does on Linux.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decryptCbc, encryptCbc, randomBytes } from '../pki/crypto';
import { PkiError } from '../pki/errors';
import { EnvelopeSealer, type StringKeyWrap } from './envelope-sealer';

function keyring(available = true): StringKeyWrap & { wrapped: string[] } {
  const key = randomBytes(32);
  const iv = new Uint8Array(16).fill(0x20); // os_crypt's fixed IV (the data key inside is random each time)
  const wrapped: string[] = [];
  return {
    description: 'a test keyring',
    wrapped,
    available: () => available,
    wrap: (s) => (wrapped.push(s), encryptCbc('aes-256-cbc', key, iv, new TextEncoder().encode(s))),
    unwrap: (b) => new TextDecoder().decode(decryptCbc('aes-256-cbc', key, iv, b)),
  };
}
const secret = new TextEncoder().encode('PKCS#8 bytes stand-in \u0000\u00ff');
const integrity = (e: unknown) => e instanceof PkiError && e.code === 'INTEGRITY_FAILED' && /a test keyring/.test(e.message);

test('round trip; the wrapper only ever sees a fresh 256-bit data key, never the payload', async () => {
  const ring = keyring();
  const sealer = new EnvelopeSealer(ring);
  const a = await sealer.seal(secret);
  const b = await sealer.seal(secret);
  assert.deepEqual(Buffer.from(await sealer.open(a)), Buffer.from(secret));
  assert.deepEqual(Buffer.from(await sealer.open(b)), Buffer.from(secret));
  assert.equal(ring.wrapped.length, 2);
  for (const s of ring.wrapped) assert.match(s, /^[0-9A-F]{64}$/i);
  assert.notEqual(ring.wrapped[0], ring.wrapped[1]);
  assert.equal(Buffer.from(a).indexOf(Buffer.from('stand-in')), -1);
});

test('another keyring (another user or machine), a flipped bit, a swapped wrapped key or truncation: INTEGRITY_FAILED', async () => {
  const sealer = new EnvelopeSealer(keyring());
  const sealed = await sealer.seal(secret);
  await assert.rejects(new EnvelopeSealer(keyring()).open(sealed), integrity);
  for (const at of [0, 8, 12, 40, sealed.length - 20, sealed.length - 1]) {
    const bad = Uint8Array.from(sealed);
    bad[at] ^= 2;
    await assert.rejects(sealer.open(bad), integrity, `flipped at ${at}`);
  }
  const other = await sealer.seal(new TextEncoder().encode('other'));
  const wrappedLength = Buffer.from(sealed).readUInt16BE(7);
  const swapped = Uint8Array.from(sealed);
  swapped.set(other.subarray(9, 9 + wrappedLength), 9);
  await assert.rejects(sealer.open(swapped), integrity, 'wrapped key of another seal');
  for (const bad of [new Uint8Array(0), sealed.subarray(0, 20), new TextEncoder().encode('CBENV1\n\xff\xff')]) await assert.rejects(sealer.open(bad), integrity);
});

test('a wrapper that returns something other than a data key is refused, not trusted', async () => {
  const ring = keyring();
  const sealer = new EnvelopeSealer(ring);
  const sealed = await sealer.seal(secret);
  const liar = new EnvelopeSealer({ ...ring, unwrap: () => 'not hex at all' });
  await assert.rejects(liar.open(sealed), integrity);
  assert.equal(new EnvelopeSealer(keyring(false)).available(), false);
});
