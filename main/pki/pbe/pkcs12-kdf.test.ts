import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { digest, iterateDigest, pbkdf2 as nativePbkdf2 } from '../crypto';
import { PkiError } from '../errors';
import { liveEvalWorkers } from '../eval-worker';
import { iterateHash } from './hash-iterate';
import { compressBlock } from './hmac-state';
import { bmpEncode } from './password';
import { pbkdf2InWorker } from './pbkdf2';
import { KDF_ID, pkcs12Kdf } from './pkcs12-kdf';

const h = (s: string) => new Uint8Array(Buffer.from(s, 'hex'));
const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

describe('PKCS#12 KDF (vectors used by OpenSSL and Bouncy Castle)', () => {
  it('"smeg", 1 iteration: 3DES key and IV', async () => {
    const salt = h('0a58cf64530d823f');
    assert.equal(hex(await pkcs12Kdf('sha1', bmpEncode('smeg'), salt, KDF_ID.key, 1, 24)), '8aaae6297b6cb04642ab5b077851284eb7128f1a2a7fbca3');
    assert.equal(hex(await pkcs12Kdf('sha1', bmpEncode('smeg'), salt, KDF_ID.iv, 1, 8)), '79993dfe048d3b76');
  });

  it('"queeg", 1000 iterations: 3DES key and IV', async () => {
    const salt = h('1682c0fc5b3f7ec5');
    assert.equal(hex(await pkcs12Kdf('sha1', bmpEncode('queeg'), salt, KDF_ID.key, 1000, 24)), '483dd6e919d7de2e8e648ba8f862f3fbfbdc2bcb2c02957f');
    assert.equal(hex(await pkcs12Kdf('sha1', bmpEncode('queeg'), salt, KDF_ID.iv, 1000, 8)), '9d461d1b00355c50');
  });

  it('the off-thread paths give the same bytes as the in-thread one', async () => {
    const salt = h('0102030405060708');
    const rounds = 60_001;
    for (const hash of ['sha256', 'sha1', 'sha512'] as const) {
      const inThread = await pkcs12Kdf(hash, bmpEncode('pw'), salt, KDF_ID.mac, 50_000, 20);
      assert.equal(inThread.length, 20);
      // 24 bytes of SHA-1 output is two blocks: the second depends on the first.
      const offThread = await pkcs12Kdf(hash, bmpEncode('pw'), salt, KDF_ID.key, rounds, 24);
      const D = new Uint8Array(hash === 'sha512' ? 128 : 64).fill(KDF_ID.key);
      const S = new Uint8Array(D.length).map((_, i) => salt[i % 8]);
      const pw = bmpEncode('pw');
      const P = new Uint8Array(D.length).map((_, i) => pw[i % pw.length]);
      const expected = iterateDigest(hash, Uint8Array.from([...D, ...S, ...P]), rounds);
      assert.equal(hex(offThread.subarray(0, expected.length)).slice(0, 40), hex(expected).slice(0, 40), hash);
      assert.equal(offThread.length, 24);
    }
  });
});

describe('WebAssembly hash loops', () => {
  for (const hash of ['sha1', 'sha256'] as const) {
    it(`${hash}: iterate matches native hashing for 1, 2, 999, 1000, 1001 and 5000 rounds`, async () => {
      const start = digest(hash, new TextEncoder().encode('certbench'));
      for (const rounds of [1, 2, 999, 1000, 1001, 5000]) {
        assert.equal(hex(await iterateHash(hash, start, rounds)), hex(iterateDigest(hash, start, rounds)), `${rounds} rounds`);
      }
    });

    it(`${hash}: PBKDF2 in the worker matches native PBKDF2 (short, long and over-long passwords, 1 to 3 blocks)`, async () => {
      const salt = h('a1b2c3d4e5f60718');
      for (const [password, iterations, length] of [['', 1, 16], ['pw', 2, 20], ['p'.repeat(64), 1000, 32], ['q'.repeat(65), 2048, 45], ['pässwörd', 1001, 64]] as const) {
        const p = new TextEncoder().encode(password);
        const ours = await pbkdf2InWorker(p, salt, iterations, length, hash);
        assert.equal(hex(ours), hex(await nativePbkdf2(p, salt, iterations, length, hash)), `${password.length}-byte password, ${iterations}`);
      }
    });

    it(`${hash}: the JS compression behind HMAC key states equals the native digest of a one-block message`, () => {
      for (const text of ['', 'abc', 'x'.repeat(55)]) {
        const message = new TextEncoder().encode(text);
        const block = new Uint8Array(64);
        block.set(message);
        block[message.length] = 0x80;
        new DataView(block.buffer).setUint32(60, message.length * 8);
        const words = compressBlock(hash, block);
        const bytes = new Uint8Array(words.length * 4);
        words.forEach((w, i) => new DataView(bytes.buffer).setInt32(i * 4, w));
        assert.equal(hex(bytes), hex(digest(hash, message)), `${message.length} bytes`);
      }
    });
  }

  it('reports progress from the worker, rising and below 1', async () => {
    const seen: number[] = [];
    await iterateHash('sha256', new Uint8Array(32), 100_000, { onProgress: (f) => seen.push(f) });
    assert.ok(seen.length > 5 && seen.every((f, i) => f > 0 && f < 1 && (i === 0 || f > seen[i - 1])), seen.join());
  });

  it('an aborted signal terminates the worker and rejects with CANCELLED', async () => {
    const controller = new AbortController();
    const work = iterateHash('sha1', new Uint8Array(20), 50_000_000, { signal: controller.signal, onProgress: () => controller.abort() });
    await assert.rejects(work, (e: unknown) => e instanceof PkiError && e.code === 'CANCELLED');
    for (let i = 0; i < 50 && liveEvalWorkers() > 0; i++) await new Promise((r) => setTimeout(r, 20));
    assert.equal(liveEvalWorkers(), 0);
  });
});
