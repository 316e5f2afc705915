import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fixture } from '../../../test/helpers/fixtures';
import { digest, privateKeyFacts } from '../crypto';
import { PkiError } from '../errors';
import { encoded, octets, parse, sequence } from '../der/asn1';
import { decryptEncryptedPrivateKeyInfo, decryptPbe } from './index';
import { checkIterations } from './scheme';
import { rejectsWith } from '../../../test/helpers/pki-errors';

const DIR = fixture('pkcs12');
const manifest = JSON.parse(readFileSync(join(DIR, 'manifest.json'), 'utf8')) as { pkcs8Password: string; pkcs8Spki: string };
const PASSWORD = manifest.pkcs8Password;
const read = (name: string) => new Uint8Array(readFileSync(join(DIR, 'pkcs8', name)));
const plain = read('plain.der');
const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

/** Splits EncryptedPrivateKeyInfo DER into its AlgorithmIdentifier DER and encrypted data. */
function split(der: Uint8Array): { alg: Uint8Array; data: Uint8Array } {
  const [alg, data] = sequence(parse(der, 'test'), 'test', 2);
  return { alg: encoded(alg), data: octets(data, 'test') };
}

const SCHEMES: Record<string, string> = {
  'pbes2-aes256-sha256.der': 'PBES2 (PBKDF2-HMAC-SHA256, AES-256-CBC, 2048 iterations)',
  'pbes2-aes128-sha512.der': 'PBES2 (PBKDF2-HMAC-SHA512, AES-128-CBC, 2048 iterations)',
  'pbes2-aes192-sha1.der': 'PBES2 (PBKDF2-HMAC-SHA1, AES-192-CBC, 2048 iterations)',
  'pbes2-des3-sha384.der': 'PBES2 (PBKDF2-HMAC-SHA384, DES-EDE3-CBC, 2048 iterations)',
  'pbes2-aes256-sha224.der': 'PBES2 (PBKDF2-HMAC-SHA224, AES-256-CBC, 2048 iterations)',
  'pkcs12-3des.der': 'pbeWithSHAAnd3-KeyTripleDES-CBC (legacy, 2048 iterations)',
  'pkcs12-2des.der': 'pbeWithSHAAnd2-KeyTripleDES-CBC (legacy, 2048 iterations)',
  'pkcs12-rc2-40.der': 'pbeWithSHAAnd40BitRC2-CBC (legacy, 2048 iterations)',
  'pkcs12-rc2-128.der': 'pbeWithSHAAnd128BitRC2-CBC (legacy, 2048 iterations)',
};

describe('decryptEncryptedPrivateKeyInfo (files made by openssl pkcs8 -topk8)', () => {
  for (const [file, protection] of Object.entries(SCHEMES)) {
    it(file, async () => {
      const { pkcs8, protection: got } = await decryptEncryptedPrivateKeyInfo(read(file), PASSWORD);
      assert.equal(got, protection);
      assert.equal(hex(pkcs8), hex(plain));
      assert.equal(hex(digest('sha256', privateKeyFacts(pkcs8).spki)), manifest.pkcs8Spki);
      await rejectsWith(decryptEncryptedPrivateKeyInfo(read(file), 'wrong password'), 'WRONG_PASSWORD');
    });
  }

  it('names an algorithm it cannot decrypt, with its OID', async () => {
    const e = await rejectsWith(decryptEncryptedPrivateKeyInfo(read('pbes1-md5-des.der'), PASSWORD), 'UNSUPPORTED_ALGORITHM');
    assert.match(e.message, /pbeWithMD5AndDES-CBC \(1\.2\.840\.113549\.1\.5\.3\)/);
  });

  it('malformed input is CORRUPT and says where', async () => {
    const whole = read('pbes2-aes256-sha256.der');
    const e = await rejectsWith(decryptEncryptedPrivateKeyInfo(whole.subarray(0, 40), PASSWORD), 'CORRUPT');
    assert.match(e.message, /encrypted private key/);
    await rejectsWith(decryptEncryptedPrivateKeyInfo(plain, PASSWORD), 'CORRUPT');
    await rejectsWith(decryptEncryptedPrivateKeyInfo(new Uint8Array([1, 2, 3]), PASSWORD), 'CORRUPT');
  });

  it('an out-of-range iteration count is CORRUPT', async () => {
    const der = read('pkcs12-3des.der').slice();
    // pkcs-12PbeParams iterations INTEGER 2048 is encoded 02 02 08 00; zero iterations is out of range.
    const at = Buffer.from(der).indexOf(Buffer.from([0x02, 0x02, 0x08, 0x00]));
    assert.ok(at > 0);
    der.set([0x02, 0x02, 0x00, 0x00], at);
    await rejectsWith(decryptEncryptedPrivateKeyInfo(der, PASSWORD), 'CORRUPT');
  });
});

describe('checkIterations', () => {
  it('refuses counts that would hang the app', () => {
    assert.equal(checkIterations(600_000, 'x'), 600_000);
    assert.throws(() => checkIterations(50_000_000, 'the test'), (e: unknown) => e instanceof PkiError && e.code === 'CORRUPT' && /50000000/.test(e.message));
  });
});

describe('decryptPbe', () => {
  it('decrypts with the AlgorithmIdentifier DER and reports the protection', async () => {
    for (const file of ['pbes2-aes256-sha256.der', 'pkcs12-rc2-40.der']) {
      const { alg, data } = split(read(file));
      const { plaintext, protection } = await decryptPbe(alg, data, PASSWORD);
      assert.equal(hex(plaintext), hex(plain));
      assert.equal(protection, SCHEMES[file]);
    }
  });

  it('reports progress and a wrong password', async () => {
    const { alg, data } = split(read('pbes2-aes256-sha256.der'));
    const seen: number[] = [];
    await rejectsWith(decryptPbe(alg, data, 'nope', (f) => seen.push(f)), 'WRONG_PASSWORD');
    assert.deepEqual(seen, [0, 1]);
  });

  it('an unknown OID is UNSUPPORTED_ALGORITHM naming the OID', async () => {
    // SEQUENCE { OID 1.2.3.4 }
    const e = await rejectsWith(decryptPbe(new Uint8Array([0x30, 0x05, 0x06, 0x03, 0x2a, 0x03, 0x04]), new Uint8Array(16), 'x'), 'UNSUPPORTED_ALGORITHM');
    assert.match(e.message, /OID 1\.2\.3\.4/);
  });
});
