import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { fixture } from '../../../test/helpers/fixtures';
import { digest, privateKeyFacts } from '../crypto';
import { PkiError } from '../errors';
import { encoded, octets, parse, sequence } from '../der/asn1';
import { decryptEncryptedPrivateKeyInfo, decryptPbe } from './index';
import * as der from '../der/write';
import { OID } from './oids';
import { secretFor } from './password';
import { pbes2Encrypt } from './pbes2';
import { pkcs12PbeEncrypt } from './pkcs12-pbe';
import { type PbeEncrypted, checkIterations } from './scheme';
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

describe('the encryptors, read back by openssl pkey and by the decryptors', () => {
  const execFileAsync = promisify(execFile);
  const dir = mkdtempSync(join(tmpdir(), 'certbench-pbe-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const epki = ({ algorithm, data }: PbeEncrypted) => der.sequence(algorithm, der.octetString(data));
  const encryptors: [name: string, protection: string, legacyProvider: boolean, encrypt: () => Promise<PbeEncrypted>][] = [
    ['PBES2 AES-256-CBC, HMAC-SHA256', 'PBES2 (PBKDF2-HMAC-SHA256, AES-256-CBC, 2048 iterations)', false, () => pbes2Encrypt(secretFor(PASSWORD), plain, { cipher: 'aes-256-cbc', hash: 'sha256', iterations: 2048 })],
    ['PKCS#12 3DES', 'pbeWithSHAAnd3-KeyTripleDES-CBC (legacy, 2048 iterations)', false, () => pkcs12PbeEncrypt(OID.pbeWithSHAAnd3KeyTripleDESCBC, secretFor(PASSWORD), plain, 2048)],
    ['PKCS#12 RC2-40', 'pbeWithSHAAnd40BitRC2-CBC (legacy, 2048 iterations)', true, () => pkcs12PbeEncrypt(OID.pbeWithSHAAnd40BitRC2CBC, secretFor(PASSWORD), plain, 2048)],
  ];
  for (const [name, protection, legacyProvider, encrypt] of encryptors) {
    it(name, async () => {
      const file = join(dir, `${name.replace(/\W+/g, '-')}.der`);
      const bytes = epki(await encrypt());
      writeFileSync(file, bytes);
      const providers = legacyProvider ? ['-provider', 'legacy', '-provider', 'default'] : [];
      const { stdout } = await execFileAsync('openssl', ['pkey', '-inform', 'DER', '-in', file, '-passin', `pass:${PASSWORD}`, '-pubout', '-outform', 'DER', ...providers], {
        encoding: 'buffer',
        env: { ...process.env, LC_ALL: 'C.UTF-8' },
      });
      const fingerprint = (b: Uint8Array) => hex(digest('sha256', b));
      assert.equal(fingerprint(stdout), manifest.pkcs8Spki, 'openssl decrypts it: the public half of what it finds is the key');
      const ours = await decryptEncryptedPrivateKeyInfo(bytes, PASSWORD);
      assert.equal(ours.protection, protection);
      assert.equal(fingerprint(ours.pkcs8), fingerprint(plain));
      await rejectsWith(decryptEncryptedPrivateKeyInfo(bytes, 'wrong password'), 'WRONG_PASSWORD');
    });
  }

  it('fresh salt and IV every time', async () => {
    const [a, b] = await Promise.all([encryptors[0][3](), encryptors[0][3]()]);
    assert.notEqual(hex(a.algorithm), hex(b.algorithm));
    assert.notEqual(hex(a.data), hex(b.data));
  });
});
