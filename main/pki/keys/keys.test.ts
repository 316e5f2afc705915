/** Keys made by OpenSSL (test/fixtures/make-keys.sh): every one reads, and its public half matches OpenSSL's. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { PkiError } from '../errors';
import { parsePemBlocks } from '../formats/pem-blocks';
import { isKeyLabel, isKeyParametersLabel, readKeyDer, readKeyPemBlock } from './index';
import { FIXTURES, readKeyFile, spkiSha256 } from './test-helpers';

const DIR = join(FIXTURES, 'keys');
const manifest = JSON.parse(readFileSync(join(DIR, 'manifest.json'), 'utf8')) as {
  password: string;
  keys: Record<string, { encrypted: boolean; spkiSha256: string }>;
};

/** Fixtures Certbench recognises but does not support, with what the listing must say. */
const UNSUPPORTED: Record<string, RegExp> = {
  'secp256k1.sec1.pem': /^EC private key on curve secp256k1$/,
  'secp256k1.pkcs8.pem': /^EC private key on curve secp256k1$/,
  'brainpool.pkcs8.pem': /^EC private key on curve brainpoolP256r1$/,
  'ed448.pkcs8.pem': /^Ed448 private key$/,
  'dsa.pkcs8.pem': /^DSA private key$/,
  'dsa.traditional.pem': /^DSA private key$/,
  'rsa-pss.pkcs8.pem': /^RSA-PSS private key$/,
  'ec-p-256.sec1.explicit.pem': /^EC private key with explicit curve parameters$/,
};

const expectedFormat = (file: string) => (/\.(sec1|with-params)\./.test(file) ? 'sec1' : /\.(pkcs1|rsapub|traditional)\./.test(file) ? 'pkcs1' : 'pkcs8');

async function rejects(promise: Promise<unknown>, code: string, message?: RegExp) {
  await assert.rejects(promise, (e: unknown) => {
    assert.ok(e instanceof PkiError, `expected a PkiError, got ${String(e)}`);
    assert.equal(e.code, code, e.message);
    if (message) assert.match(e.message, message);
    return true;
  });
}

describe('key fixtures made by OpenSSL', () => {
  for (const [file, expected] of Object.entries(manifest.keys)) {
    it(`${file} reads${expected.encrypted ? ' with its password' : ''} and matches OpenSSL's public key`, async () => {
      const results = await readKeyFile(join(DIR, file), { password: expected.encrypted ? manifest.password : undefined });
      assert.equal(results.length, 1);
      const [{ format, object }] = results;
      assert.equal(format, expectedFormat(file));
      const unsupported = UNSUPPORTED[file];
      if (unsupported) {
        assert.equal(object.kind, 'unsupported');
        if (object.kind !== 'unsupported') return;
        assert.equal(object.code, 'UNSUPPORTED_ALGORITHM');
        assert.match(object.what, unsupported);
        assert.match(object.message, /^Certbench does not support .+ keys yet\.$/);
        assert.ok(object.hint.length > 0);
        return;
      }
      assert.equal(spkiSha256(object), expected.spkiSha256);
      if (object.kind === 'privateKey') {
        assert.equal(object.encrypted, expected.encrypted);
        assert.equal(object.encoding, format);
      } else {
        assert.equal(object.kind, 'publicKey');
      }
    });
  }

  it('names the protection in plain words', async () => {
    const protection = async (file: string) => {
      const [{ object }] = await readKeyFile(join(DIR, file), { password: manifest.password });
      assert.equal(object.kind, 'privateKey');
      return object.kind === 'privateKey' ? object.protection : undefined;
    };
    assert.equal(await protection('rsa2048.pkcs1.des3.pem'), 'DEK-Info DES-EDE3-CBC (OpenSSL traditional)');
    assert.equal(await protection('rsa2048.pkcs1.aes128.pem'), 'DEK-Info AES-128-CBC (OpenSSL traditional)');
    assert.equal(await protection('rsa2048.pkcs1.aes192.pem'), 'DEK-Info AES-192-CBC (OpenSSL traditional)');
    assert.equal(await protection('ec-p-384.sec1.aes256.pem'), 'DEK-Info AES-256-CBC (OpenSSL traditional)');
    assert.match((await protection('rsa2048.pkcs8.aes256.pem')) ?? '', /PBES2.*AES-256-CBC/);
    assert.match((await protection('rsa2048.pkcs8.3des.pem')) ?? '', /TripleDES/);
    assert.equal(await protection('rsa2048.pkcs1.pem'), undefined);
  });

  it('wraps traditional keys into PKCS#8 that OpenSSL wrote identically', async () => {
    const [{ object: fromPkcs1 }] = await readKeyFile(join(DIR, 'rsa2048.pkcs1.pem'), {});
    const pkcs8Der = new Uint8Array(readFileSync(join(DIR, 'rsa2048.pkcs8.der')));
    assert.equal(fromPkcs1.kind, 'privateKey');
    if (fromPkcs1.kind === 'privateKey') assert.deepEqual(Buffer.from(fromPkcs1.pkcs8), Buffer.from(pkcs8Der));
    const [{ object: fromRsaPub }] = await readKeyFile(join(DIR, 'rsa2048.rsapub.der'), {});
    const spkiDer = new Uint8Array(readFileSync(join(DIR, 'rsa2048.pub.der')));
    assert.equal(fromRsaPub.kind, 'publicKey');
    if (fromRsaPub.kind === 'publicKey') assert.deepEqual(Buffer.from(fromRsaPub.spki), Buffer.from(spkiDer));
  });

  for (const file of Object.keys(manifest.keys).filter((f) => manifest.keys[f].encrypted)) {
    it(`${file}: no password is PASSWORD_REQUIRED, a wrong one WRONG_PASSWORD`, async () => {
      await rejects(readKeyFile(join(DIR, file), {}), 'PASSWORD_REQUIRED');
      await rejects(readKeyFile(join(DIR, file), { password: 'not-the-password' }), 'WRONG_PASSWORD');
      await rejects(readKeyFile(join(DIR, file), { password: '' }), 'WRONG_PASSWORD');
    });
  }

  it('refuses DEK-Info DES-CBC, naming the cipher', async () => {
    await rejects(readKeyFile(join(DIR, 'rsa2048.pkcs1.des.pem'), { password: manifest.password }), 'UNSUPPORTED_ALGORITHM', /DES-CBC/);
  });

  it('skips EC PARAMETERS blocks and reads the key after them', async () => {
    const text = readFileSync(join(DIR, 'ec-p-256.with-params.pem'), 'latin1');
    const labels = parsePemBlocks(text).map((b) => b.label);
    assert.deepEqual(labels, ['EC PARAMETERS', 'EC PRIVATE KEY']);
    assert.equal(isKeyLabel('EC PARAMETERS'), false);
    assert.equal(isKeyParametersLabel('EC PARAMETERS'), true);
    const results = await readKeyFile(join(DIR, 'ec-p-256.with-params.pem'), {});
    assert.equal(results.length, 1);
    assert.equal(spkiSha256(results[0].object), manifest.keys['ec-p-256.with-params.pem'].spkiSha256);
  });

  it('knows its labels', () => {
    for (const label of ['PRIVATE KEY', 'ENCRYPTED PRIVATE KEY', 'RSA PRIVATE KEY', 'EC PRIVATE KEY', 'PUBLIC KEY', 'RSA PUBLIC KEY']) {
      assert.equal(isKeyLabel(label), true, label);
    }
    for (const label of ['CERTIFICATE', 'CERTIFICATE REQUEST', 'X509 CRL', 'PKCS7', 'EC PARAMETERS']) assert.equal(isKeyLabel(label), false, label);
  });
});

describe('structure sniffing (readKeyDer)', () => {
  const certificateDer = () => {
    const [block] = parsePemBlocks(readFileSync(join(FIXTURES, 'keystores', 'ca.pem'), 'latin1'));
    return block.der;
  };

  it('never takes a certificate for a key', async () => {
    assert.equal(await readKeyDer(certificateDer(), {}), null);
  });

  it('returns null for non-DER and for DER that is no key', async () => {
    assert.equal(await readKeyDer(new Uint8Array([1, 2, 3, 4]), {}), null);
    assert.equal(await readKeyDer(new TextEncoder().encode('hello world'), {}), null);
    assert.equal(await readKeyDer(new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x00]), {}), null);
    assert.equal(await readKeyDer(new Uint8Array(0), {}), null);
  });

  it('does not take a DigestInfo for an encrypted key', async () => {
    // DigestInfo { sha256, OCTET STRING(32) } has the EncryptedPrivateKeyInfo shape but no PBE algorithm.
    const digestInfo = Buffer.concat([Buffer.from('3031300d060960864801650304020105000420', 'hex'), Buffer.alloc(32, 1)]);
    assert.equal(await readKeyDer(new Uint8Array(digestInfo), {}), null);
  });

  it('reads an Ed25519 OneAsymmetricKey (version 1) that carries its public key', async () => {
    const v0 = new Uint8Array(readFileSync(join(DIR, 'ed25519.pkcs8.der')));
    const [{ object: pub }] = await readKeyFile(join(DIR, 'ed25519.pub.pem'), {});
    assert.equal(pub.kind, 'publicKey');
    if (pub.kind !== 'publicKey') return;
    const publicKey = pub.spki.subarray(pub.spki.length - 32);
    // SEQUENCE { INTEGER 1, AlgorithmIdentifier, OCTET STRING, [1] IMPLICIT BIT STRING (0 unused bits, 32 bytes) }
    const body = Buffer.concat([Buffer.from([0x02, 0x01, 0x01]), v0.subarray(5), Buffer.from([0x81, 0x21, 0x00]), publicKey]);
    const v1 = new Uint8Array(Buffer.concat([Buffer.from([0x30, body.length]), body]));
    const result = await readKeyDer(v1, {});
    assert.ok(result);
    assert.equal(result.format, 'pkcs8');
    assert.equal(spkiSha256(result.object), manifest.keys['ed25519.pkcs8.der'].spkiSha256);
    assert.equal(result.object.kind === 'privateKey' && Buffer.from(result.object.pkcs8).equals(Buffer.from(v0)), true, 'carried as v0');
    const wrong = new Uint8Array(v1);
    wrong[wrong.length - 1] ^= 1;
    await rejects(readKeyDer(wrong, {}), 'CORRUPT', /does not belong/);
  });

  it('returns null for a truncated key (not valid DER)', async () => {
    const der = new Uint8Array(readFileSync(join(DIR, 'rsa2048.pkcs8.der')));
    assert.equal(await readKeyDer(der.subarray(0, der.length - 10), {}), null);
  });

  it('reports a SEC1 key without curve parameters honestly', async () => {
    // ECPrivateKey { 1, privateKey } with neither [0] parameters nor [1] public key.
    const der = new Uint8Array([0x30, 0x25, 0x02, 0x01, 0x01, 0x04, 0x20, ...new Uint8Array(32).fill(7)]);
    await rejects(readKeyDer(der, {}), 'UNSUPPORTED_ALGORITHM', /curve/);
  });

  it('reports an inconsistent RSA key as CORRUPT', async () => {
    const text = readFileSync(join(DIR, 'rsa2048.pkcs1.pem'), 'latin1');
    const [block] = parsePemBlocks(text);
    const der = new Uint8Array(block.der);
    der[der.length - 5] ^= 0x40; // inside the CRT coefficient: still DER, no longer consistent
    await rejects(readKeyPemBlock({ ...block, der }, {}), 'CORRUPT', /inconsistent/);
  });

  it('reports a PEM block whose contents do not match its label as CORRUPT', async () => {
    const [block] = parsePemBlocks(readFileSync(join(DIR, 'rsa2048.pub.pem'), 'latin1'));
    await rejects(readKeyPemBlock({ ...block, label: 'RSA PRIVATE KEY' }, {}), 'CORRUPT', /PEM block 1/);
  });

  it('lets only PkiError escape, whatever the damage', async () => {
    const files = Object.keys(manifest.keys);
    let tried = 0;
    for (const file of files) {
      const original = new Uint8Array(readFileSync(join(DIR, file)));
      const text = Buffer.from(original).toString('latin1');
      const block = text.startsWith('-----BEGIN') ? parsePemBlocks(text).at(-1) : undefined;
      const der = block ? block.der : original;
      for (let i = 0; i < 24; i++) {
        const damaged = new Uint8Array(der);
        const pos = (i * 7919 + 13) % damaged.length;
        damaged[pos] ^= 1 << (i % 8);
        const cut = i % 3 === 0 ? damaged.subarray(0, pos) : damaged;
        tried++;
        try {
          if (block) await readKeyPemBlock({ ...block, der: cut }, { password: manifest.password });
          else await readKeyDer(cut, { password: manifest.password });
        } catch (e) {
          assert.ok(e instanceof PkiError, `${file} damaged at ${pos}: ${String(e)}`);
        }
      }
    }
    assert.ok(tried > 500);
  });
});
