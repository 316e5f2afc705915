import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import forge from 'node-forge';
import { BadDecrypt } from '../crypto';
import { rc2CbcDecrypt, rc2CbcEncrypt, rc2DecryptBlock, rc2EncryptBlock } from './rc2';

const h = (s: string) => new Uint8Array(Buffer.from(s, 'hex'));
const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

describe('RC2 (RFC 2268 section 5 test vectors, decrypting)', () => {
  const vectors: [key: string, bits: number, plain: string, cipher: string][] = [
    ['0000000000000000', 63, '0000000000000000', 'ebb773f993278eff'],
    ['ffffffffffffffff', 64, 'ffffffffffffffff', '278b27e42e2f0d49'],
    ['3000000000000000', 64, '1000000000000001', '30649edf9be7d2c2'],
    ['88', 64, '0000000000000000', '61a8a244adacccf0'],
    ['88bca90e90875a', 64, '0000000000000000', '6ccf4308974c267f'],
    ['88bca90e90875a7f0f79c384627bafb2', 64, '0000000000000000', '1a807d272bbe5db1'],
    ['88bca90e90875a7f0f79c384627bafb2', 128, '0000000000000000', '2269552ab0f85ca6'],
  ];
  for (const [key, bits, plain, cipher] of vectors) {
    it(`key ${key}, ${bits} effective bits`, () => {
      assert.equal(hex(rc2DecryptBlock(h(key), bits, h(cipher))), plain);
    });
    it(`encrypting: key ${key}, ${bits} effective bits`, () => {
      assert.equal(hex(rc2EncryptBlock(h(key), bits, h(plain))), cipher);
    });
  }
});

describe('RC2-CBC encryption is read by node-forge', () => {
  for (const [keyLength, bits] of [
    [5, 40],
    [16, 128],
  ] as const) {
    for (const size of [0, 7, 8, 77]) {
      it(`RC2-${bits}, ${size} bytes`, () => {
        const key = new Uint8Array(Buffer.from(forge.random.getBytesSync(keyLength), 'latin1'));
        const iv = new Uint8Array(Buffer.from(forge.random.getBytesSync(8), 'latin1'));
        const plain = new Uint8Array(Buffer.from(forge.random.getBytesSync(size), 'latin1'));
        const encrypted = rc2CbcEncrypt(key, bits, iv, plain);
        assert.equal(encrypted.length, (Math.floor(size / 8) + 1) * 8, 'PKCS#7 padding always adds 1..8 bytes');
        const decipher = forge.rc2.createDecryptionCipher(forge.util.createBuffer(Buffer.from(key).toString('latin1')), bits);
        decipher.start(Buffer.from(iv).toString('latin1'));
        decipher.update(forge.util.createBuffer(Buffer.from(encrypted).toString('latin1')));
        assert.ok(decipher.finish(), 'forge accepts the padding');
        assert.equal(hex(Buffer.from(decipher.output.getBytes(), 'latin1')), hex(plain));
        assert.equal(hex(rc2CbcDecrypt(key, bits, iv, encrypted)), hex(plain));
      });
    }
  }
});

describe('RC2-CBC agrees with node-forge', () => {
  for (const [keyLength, bits] of [
    [5, 40],
    [16, 128],
  ] as const) {
    it(`RC2-${bits}`, () => {
      const key = forge.util.createBuffer(forge.random.getBytesSync(keyLength));
      const iv = forge.random.getBytesSync(8);
      const plain = forge.random.getBytesSync(77);
      const cipher = forge.rc2.createEncryptionCipher(key.copy(), bits);
      cipher.start(iv);
      cipher.update(forge.util.createBuffer(plain));
      cipher.finish();
      const encrypted = Uint8Array.from(cipher.output.getBytes(), (c) => c.charCodeAt(0));
      const keyBytes = Uint8Array.from(key.getBytes(), (c) => c.charCodeAt(0));
      const ivBytes = Uint8Array.from(iv, (c) => c.charCodeAt(0));
      const decrypted = rc2CbcDecrypt(keyBytes, bits, ivBytes, encrypted);
      assert.equal(Buffer.from(decrypted).toString('latin1'), plain);
      const wrongKey = keyBytes.slice();
      wrongKey[0] ^= 1;
      assert.throws(() => {
        // A wrong key almost always breaks the padding; loop over a few keys to make that certain.
        for (let i = 0; i < 8; i++) {
          wrongKey[1] = i;
          rc2CbcDecrypt(wrongKey, bits, ivBytes, encrypted);
        }
      }, BadDecrypt);
    });
  }
});
