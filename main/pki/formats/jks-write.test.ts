/**
 * The JKS and JCEKS writers, judged by Java: keytool -list -v (aliases, entry types, chains, SHA-256
 * fingerprints, dates), java.security.KeyStore through test/java/KeystoreProbe.java (getKey with each key
 * password, the key proven to match its leaf by a signature), and our own reader. Key pairs come out of
 * committed fixtures through openssl: RSA with a 3-certificate chain (test/fixtures/x509), EC P-256 with a
 * 3-certificate chain (test/fixtures/pkcs12/modern-ec.pfx).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { fixture } from '../../../test/helpers/fixtures';
import { digestParts } from '../crypto';
import { PkiError } from '../errors';
import { readJavaKeystore } from './jks';
import { JCEKS_DEFAULT_ITERATIONS, jceksDecrypt, jceksProtectKey } from './jceks-keyprotector';
import { decodeModifiedUtf8, utf16be } from './java-data-input';
import { JavaDataOutput, encodeModifiedUtf8 } from './java-data-output';
import { jksProtectKey, jksUnprotectKey } from './jks-keyprotector';
import { readJavaKeystoreModel } from './jks-model';
import { parseKeystore } from './jks-structure';
import { fingerprint, keytoolList, probe, opensslPemParts, opensslPfxParts, rejectsWith, scratch } from './jks-test-helpers';
import { writeJavaKeystore } from './jks-write';
import type { KeyPairEntry, KeystoreModel, TrustedCertEntry } from './keystore-model';
import * as a from '../der/asn1';

type Pair = { pkcs8: Uint8Array; certificates: Uint8Array[] };
let rsa: Pair;
let ec: Pair;
const tmp = scratch('jks-write');
const CREATED = new Date('2025-03-14T15:09:26.535Z');
/** Low JCEKS rounds for most cases; one case below writes JDK 17's default. */
const FAST = 1000;

before(async () => {
  rsa = await opensslPemParts(fixture('x509', 'leaf.key'), ['leaf.pem', 'inter.pem', 'root.pem'].map((f) => fixture('x509', f)));
  ec = await opensslPfxParts(fixture('pkcs12', 'modern-ec.pfx'), 'Certbench-Test-1');
  assert.equal(rsa.certificates.length, 3);
  assert.equal(ec.certificates.length, 3);
});
after(() => tmp.done());

const keyPair = (alias: string, pair: Pair, extra: Partial<KeyPairEntry> = {}): KeyPairEntry => ({
  type: 'privateKey',
  alias,
  pkcs8: pair.pkcs8,
  chain: pair.certificates,
  created: CREATED,
  ...extra,
});
const trusted = (alias: string, der: Uint8Array): TrustedCertEntry => ({ type: 'trustedCert', alias, der, created: CREATED });

/** Every kind of entry: key pairs (RSA, EC with its own key password), a trusted certificate, upper-case and non-ASCII aliases. */
function sampleModel(kind: 'jks' | 'jceks'): KeystoreModel {
  return {
    entries: [
      // JCEKS keys need ASCII passwords: there the RSA key has its own too, so the store password can stay non-ASCII.
      keyPair('Server-RSA', rsa, kind === 'jceks' ? { keyPassword: 'rsa-key-pass' } : {}),
      keyPair('client-ec', ec, { keyPassword: 'ec-key-pass' }),
      trusted('Root CA ключ', rsa.certificates[2]),
    ],
  };
}
const NON_ASCII = 'pässwörd-ключ-✓';

for (const kind of ['jks', 'jceks'] as const) {
  describe(`${kind.toUpperCase()} written with RSA and EC key pairs, a trusted certificate, a non-ASCII store password`, () => {
    let file: string;
    let bytes: Uint8Array;
    const model = () => sampleModel(kind);
    const keyPasswords = () => Object.fromEntries(model().entries.flatMap((e) => (e.type === 'privateKey' && e.keyPassword ? [[e.alias.toLowerCase(), e.keyPassword]] : [])));

    before(async () => {
      bytes = await writeJavaKeystore(model(), { kind, storePassword: NON_ASCII, iterations: FAST });
      file = tmp.write(`sample.${kind}`, bytes);
    });

    it('keytool lists the entries, lower-cased aliases, chains and fingerprints, creation dates', async () => {
      const listed = await keytoolList(kind, file, NON_ASCII);
      assert.deepEqual(listed, [
        { alias: 'client-ec', type: 'PrivateKeyEntry', created: 'Mar 14, 2025', certSha256: ec.certificates.map(fingerprint) },
        { alias: 'root ca ключ', type: 'trustedCertEntry', created: 'Mar 14, 2025', certSha256: [fingerprint(rsa.certificates[2])] },
        { alias: 'server-rsa', type: 'PrivateKeyEntry', created: 'Mar 14, 2025', certSha256: rsa.certificates.map(fingerprint) },
      ]);
    });

    it("Java's KeyStore opens each key with its key password and the key signs for its leaf", async () => {
      const probed = await probe(kind, file, NON_ASCII, keyPasswords());
      assert.deepEqual(
        probed.map((e) => [e.alias, e.type, e.keyAlgorithm, e.chain?.length, e.keyMatchesLeaf]),
        [
          ['client-ec', 'key', 'EC', 3, true],
          ['root ca ключ', 'trusted', undefined, undefined, undefined],
          ['server-rsa', 'key', 'RSA', 3, true],
        ],
      );
    });

    it('our reader reads it back: same keys (PKCS#8 bytes), chains, dates and key passwords', async () => {
      const back = await readJavaKeystoreModel(bytes, { storePassword: NON_ASCII, keyPasswords: keyPasswords() });
      assert.equal(back.kind, kind);
      assert.deepEqual(back.locked, []);
      const written = model().entries.map((e) => ({ ...e, alias: e.alias.toLowerCase() }));
      assert.deepEqual(back.model.entries, written);
      const listed = await readJavaKeystore(bytes, { password: NON_ASCII });
      assert.equal(listed.integrity, 'verified');
      assert.equal(listed.objects.filter((o) => o.kind === 'certificate').length, 7);
    });

    it(`the ${kind === 'jks' ? 'JKS' : 'JCEKS'} key protection is the one Java writes`, () => {
      const store = parseKeystore(bytes);
      for (const entry of store.entries) {
        if (entry.type !== 'privateKey') continue;
        assert.equal(entry.key.scheme, kind);
        if (entry.key.scheme === 'jceks') assert.equal(entry.key.iterations, FAST);
      }
    });
  });
}

describe('JCEKS at the JDK 17 default of 200,000 rounds', () => {
  it('writes the default count, Java opens the key, and progress reaches 1 in the key phase', async () => {
    const progress: [number, string][] = [];
    const bytes = await writeJavaKeystore(
      { entries: [keyPair('slow', ec)] },
      { kind: 'jceks', storePassword: 'store-pass', onProgress: (f, phase) => progress.push([f, phase]) },
    );
    const [entry] = parseKeystore(bytes).entries;
    assert.ok(entry.type === 'privateKey' && entry.key.scheme === 'jceks');
    assert.equal(entry.key.iterations, JCEKS_DEFAULT_ITERATIONS);
    assert.deepEqual(progress, [
      [0, 'Encrypting the private keys'],
      [1, 'Encrypting the private keys'],
    ]);
    const probed = await probe('jceks', tmp.write('slow.jceks', bytes), 'store-pass');
    assert.deepEqual(probed.map((e) => [e.alias, e.keyAlgorithm, e.keyMatchesLeaf]), [['slow', 'EC', true]]);
  });
});

describe('key protectors', () => {
  it('JKS: protect then unprotect gives the key back; another password does not', () => {
    const protectedKey = jksProtectKey(rsa.pkcs8, 'pässwörd');
    const [algorithm, data] = a.children(a.parse(protectedKey, 'test'))!;
    assert.equal(a.oid(a.children(algorithm)![0], 'oid'), '1.3.6.1.4.1.42.2.17.1.1');
    const blob = a.octets(data, 'data');
    assert.equal(blob.length, 20 + rsa.pkcs8.length + 20);
    assert.deepEqual(jksUnprotectKey(blob, 'pässwörd'), rsa.pkcs8);
    assert.equal(jksUnprotectKey(blob, 'passwörd'), undefined);
  });

  it('JKS: a key read from a keystore and saved under the same password keeps its stored data; another password re-encrypts it; Java reads both', async () => {
    const source = new Uint8Array(readFileSync(fixture('keystores', 'server.jks')));
    const stored = parseKeystore(source).entries.find((e) => e.type === 'privateKey')!;
    assert.ok(stored.type === 'privateKey' && stored.key.scheme === 'jks');
    const read = await readJavaKeystore(source, { password: 'changeit-store' });
    const key = read.objects.find((o) => o.kind === 'privateKey')!;
    assert.ok(key.kind === 'privateKey');
    const entries = [{ type: 'privateKey' as const, alias: 'server', pkcs8: key.pkcs8, chain: read.objects.flatMap((o) => (o.kind === 'certificate' && o.alias === 'server' ? [o.der] : [])) }];
    const blobOf = (bytes: Uint8Array) => {
      const entry = parseKeystore(bytes).entries[0];
      assert.ok(entry.type === 'privateKey' && entry.key.scheme === 'jks');
      return entry.key.data;
    };
    const same = await writeJavaKeystore({ entries }, { kind: 'jks', storePassword: 'changeit-store' });
    assert.deepEqual(blobOf(same), stored.key.data, 'the stored salt, ciphertext and check, byte for byte');
    const other = await writeJavaKeystore({ entries }, { kind: 'jks', storePassword: 'another-pass' });
    assert.notDeepEqual(blobOf(other).subarray(0, 20), stored.key.data.subarray(0, 20), 'a fresh salt');
    assert.equal(blobOf(other).length, stored.key.data.length);
    // A copy of the key array is not the key that was read: it is encrypted afresh even under the same password.
    const copied = await writeJavaKeystore({ entries: [{ ...entries[0], pkcs8: key.pkcs8.slice() }] }, { kind: 'jks', storePassword: 'changeit-store' });
    assert.notDeepEqual(blobOf(copied).subarray(0, 20), stored.key.data.subarray(0, 20));
    for (const [name, bytes, password] of [['same.jks', same, 'changeit-store'], ['other.jks', other, 'another-pass'], ['copied.jks', copied, 'changeit-store']] as const) {
      const probed = await probe('jks', tmp.write(name, bytes), password);
      assert.deepEqual(probed.map((e) => [e.alias, e.keyMatchesLeaf]), [['server', true]], name);
    }
  });

  it('JCEKS: a salt with equal halves (Sun derives it differently) still decrypts in Java', async () => {
    const salt = Uint8Array.of(9, 8, 7, 6, 9, 8, 7, 6);
    const quirky = await jceksProtectKey(ec.pkcs8, 'store-pass', { iterations: FAST, salt });
    const [algorithm, data] = a.children(a.parse(quirky, 'test'))!;
    const params = a.children(a.children(algorithm)![1])!;
    assert.deepEqual(a.octets(params[0], 'salt'), salt);
    assert.deepEqual(new Uint8Array((await jceksDecrypt(a.octets(data, 'data'), 'store-pass', salt, FAST))!), ec.pkcs8);
    // Put the key protected with that salt into a keystore in place of the writer's own, re-sealing the digest.
    const written = await writeJavaKeystore({ entries: [keyPair('quirk', ec)] }, { kind: 'jceks', storePassword: 'store-pass', iterations: FAST });
    const [entry] = parseKeystore(written).entries;
    assert.ok(entry.type === 'privateKey' && entry.key.scheme === 'jceks');
    const model = await readJavaKeystoreModel(written, { storePassword: 'store-pass' });
    const body = spliceKey(written, quirky);
    const replaced = sealWithDigest(body, 'store-pass');
    const probed = await probe('jceks', tmp.write('quirk.jceks', replaced), 'store-pass');
    assert.deepEqual(probed.map((e) => [e.alias, e.keyAlgorithm, e.keyMatchesLeaf]), [['quirk', 'EC', true]]);
    assert.deepEqual((await readJavaKeystoreModel(replaced, { storePassword: 'store-pass' })).model.entries, model.model.entries);
  });

  it('JCEKS refuses a key password Java cannot use', async () => {
    await rejectsWith(jceksProtectKey(ec.pkcs8, 'ключ'), 'INVALID_ARGUMENT', /printable ASCII/);
  });
});

/** The written file with its only key blob replaced by `protectedKey` (same length): the body without the digest. */
function spliceKey(file: Uint8Array, protectedKey: Uint8Array): Uint8Array {
  const store = parseKeystore(file);
  const body = store.body.slice();
  const lengthAt = findKeyLength(body, protectedKey.length);
  body.set(protectedKey, lengthAt + 4);
  return body;
}

function findKeyLength(body: Uint8Array, length: number): number {
  // Entry 1 starts at 12: tag(4) alias(2 + n) date(8) then the key length.
  const aliasLength = (body[16] << 8) | body[17];
  const at = 12 + 4 + 2 + aliasLength + 8;
  assert.equal(new DataView(body.buffer, body.byteOffset).getInt32(at), length, 'same key blob length');
  return at;
}

function sealWithDigest(body: Uint8Array, password: string): Uint8Array {
  const digest = digestParts('sha1', [utf16be(password), new TextEncoder().encode('Mighty Aphrodite'), body]);
  return new JavaDataOutput().bytes(body).bytes(digest).toBytes();
}

describe('modified UTF-8 (writeUTF)', () => {
  it('round-trips NUL, accents, CJK and surrogate pairs as Java encodes them', () => {
    const text = 'a\u0000é中😀';
    const encoded = encodeModifiedUtf8(text);
    assert.deepEqual([...encoded.subarray(0, 3)], [0x61, 0xc0, 0x80]);
    assert.equal(encoded.length, 1 + 2 + 2 + 3 + 6);
    assert.equal(decodeModifiedUtf8(encoded, () => assert.fail('valid')), text);
  });

  it('an alias over 65,535 bytes is INVALID_ARGUMENT', async () => {
    const model = { entries: [trusted('x'.repeat(70_000), rsa.certificates[2])] };
    await rejectsWith(writeJavaKeystore(model, { kind: 'jks', storePassword: 'p' }), 'INVALID_ARGUMENT', /too long/);
  });
});

describe('what Java keystores cannot hold: typed errors, nothing written', () => {
  const write = (model: KeystoreModel, kind: 'jks' | 'jceks' = 'jks', storePassword = 'store-pass') =>
    writeJavaKeystore(model, { kind, storePassword, iterations: FAST });

  it('two aliases that differ only in case collide, and the error names both', async () => {
    const e = await rejectsWith(write({ entries: [trusted('Root', rsa.certificates[2]), trusted('root', rsa.certificates[1])] }), 'INVALID_ARGUMENT');
    assert.match(e.message, /'Root' and 'root'/);
  });

  it('a secret key cannot go into a JKS', async () => {
    const sealed = sealedSecretFromFixture();
    const e = await rejectsWith(write({ entries: [{ type: 'secretKey', alias: 'aes', sealed }] }), 'INVALID_ARGUMENT', /JKS cannot hold secret keys/);
    assert.match(e.hint, /JCEKS/);
  });

  it('a key pair without a certificate', async () => {
    await rejectsWith(write({ entries: [keyPair('bare', rsa, { chain: [] })] }), 'INVALID_ARGUMENT', /need a certificate/);
  });

  it('a key whose first certificate is not its own (another algorithm, another RSA key)', async () => {
    await rejectsWith(write({ entries: [keyPair('mixed', rsa, { chain: ec.certificates })] }), 'NO_MATCHING_KEY', /'mixed'/);
    const otherRsa = pemCertificate(readFileSync(fixture('keystores', 'ca.pem'), 'utf8'));
    await rejectsWith(write({ entries: [keyPair('other', rsa, { chain: [otherRsa] })] }), 'NO_MATCHING_KEY', /'other'/);
  });

  it('a chain certificate that is not a certificate, a key that is not PKCS#8', async () => {
    await rejectsWith(write({ entries: [keyPair('junk', rsa, { chain: [rsa.certificates[0], Uint8Array.of(1, 2, 3)] })] }), 'INVALID_ARGUMENT', /Certificate 2/);
    await rejectsWith(write({ entries: [keyPair('junk', rsa, { pkcs8: rsa.certificates[0] })] }), 'INVALID_ARGUMENT', /PKCS#8/);
  });

  it('a JCEKS key under a non-ASCII password', async () => {
    await rejectsWith(write({ entries: [keyPair('k', ec)] }, 'jceks', NON_ASCII), 'INVALID_ARGUMENT', /printable ASCII/);
  });

  it('a secret key that is not one serialized SealedObject', async () => {
    const sealed = sealedSecretFromFixture();
    const damaged = Uint8Array.from([...sealed, 0]);
    await rejectsWith(write({ entries: [{ type: 'secretKey', alias: 'aes', sealed: damaged }] }, 'jceks'), 'INVALID_ARGUMENT', /cannot be written back/);
  });

  it('cancelled before it finishes', async () => {
    const controller = new AbortController();
    const model = { entries: [keyPair('one', ec), keyPair('two', rsa)] };
    const writing = writeJavaKeystore(model, {
      kind: 'jceks',
      storePassword: 'store-pass',
      iterations: FAST,
      signal: controller.signal,
      onProgress: (fraction) => fraction > 0 && controller.abort(),
    });
    await rejectsWith(writing, 'CANCELLED', /nothing was written/);
  });

  it('only PkiError escapes', async () => {
    for (const bad of [{ entries: [keyPair('k', rsa, { created: new Date(NaN) })] }]) {
      await assert.rejects(write(bad), PkiError);
    }
  });
});

function sealedSecretFromFixture(): Uint8Array {
  const bytes = new Uint8Array(readFileSync(fixture('keystores', 'keys.jceks')));
  const secret = parseKeystore(bytes).entries.find((e) => e.type === 'secretKey');
  assert.ok(secret && secret.type === 'secretKey');
  return secret.serialized;
}

const pemCertificate = (pem: string) => new Uint8Array(Buffer.from(pem.replace(/-----[^-]+-----|\s+/g, ''), 'base64'));
