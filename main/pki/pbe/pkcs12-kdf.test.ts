import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { digest, iterateDigest } from '../crypto';
import { bmpEncode } from './password';
import { KDF_ID, pkcs12Kdf } from './pkcs12-kdf';
import { iterateSha256, iterateSha256OffThread } from './sha256-iterate';

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
      const offThread = await pkcs12Kdf(hash, bmpEncode('pw'), salt, KDF_ID.mac, rounds, 20);
      const D = new Uint8Array(hash === 'sha512' ? 128 : 64).fill(3);
      const S = new Uint8Array(D.length).map((_, i) => salt[i % 8]);
      const pw = bmpEncode('pw');
      const P = new Uint8Array(D.length).map((_, i) => pw[i % pw.length]);
      const expected = iterateDigest(hash, Uint8Array.from([...D, ...S, ...P]), rounds).subarray(0, 20);
      assert.equal(hex(offThread), hex(expected), hash);
    }
  });
});

describe('iterated SHA-256', () => {
  it('matches crypto.iterateDigest for 1, 2 and 1000 rounds, in thread and in a worker', async () => {
    const start = digest('sha256', new TextEncoder().encode('certbench'));
    for (const rounds of [1, 2, 1000]) {
      const expected = iterateDigest('sha256', start, rounds);
      assert.equal(hex(iterateSha256(start, rounds)), hex(expected));
      assert.equal(hex(await iterateSha256OffThread(start, rounds)), hex(expected));
    }
  });

  it('reports progress from the worker', async () => {
    const seen: number[] = [];
    await iterateSha256OffThread(new Uint8Array(32), 100_000, (f) => seen.push(f));
    assert.ok(seen.length > 5 && seen.every((f, i) => f > 0 && f < 1 && (i === 0 || f > seen[i - 1])));
  });
});
