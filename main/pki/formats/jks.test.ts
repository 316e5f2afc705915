/**
 * Java keystores: ours made by keytool (test/fixtures/make-keystores.sh, fingerprints from keytool -list -v)
 * and pyjks's corpus (test/fixtures/corpus/pyjks, expected keys and certificates in expected/): of its 33 stores,
 * 19 open, 5 are CORRUPT (duplicate aliases, malformed sealed objects) and the 9 Bouncy Castle ones (BKS, UBER)
 * are refused as UNRECOGNIZED_FORMAT.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { digest } from '../crypto';
import { PkiError } from '../errors';
import { FIXTURES, hex, spkiSha256 } from '../keys/test-helpers';
import type { RawObject, ReadOptions, ReadResult } from '../model';
import { readBytes } from '../read';
import { readJavaKeystore } from './jks';
import { JavaDataOutput } from './java-data-output';
import { children, readRoot, type Tlv } from '../der/der';
import { MAX_DER_DEPTH } from '../der/limits';
import { sequence } from '../der/write';

const OURS = join(FIXTURES, 'keystores');
const PYJKS = join(FIXTURES, 'corpus', 'pyjks');
const manifest = JSON.parse(readFileSync(join(OURS, 'manifest.json'), 'utf8')) as {
  stores: Record<string, { format: string; password: string; keyPassword?: string; entries: { alias: string; type: string; certSha256: string[] }[] }>;
  keySpkiSha256: Record<string, string>;
};

const read = (path: string, options: ReadOptions) => readJavaKeystore(new Uint8Array(readFileSync(path)), options);
const fingerprint = (der: Uint8Array) => hex(digest('sha256', der)).toUpperCase().match(/../g)!.join(':');
const certs = (r: ReadResult, alias: string) => r.objects.filter((o): o is Extract<RawObject, { kind: 'certificate' }> => o.kind === 'certificate' && o.alias === alias);
const byAlias = (r: ReadResult, alias: string, kind: RawObject['kind']) => r.objects.find((o) => o.alias === alias && o.kind === kind);

async function rejectsWith(promise: Promise<unknown>, code: string) {
  await assert.rejects(promise, (e: unknown) => {
    assert.ok(e instanceof PkiError, `expected a PkiError, got ${String(e)}`);
    assert.equal(e.code, code, e.message);
    return true;
  });
}

describe('keystores made by keytool', () => {
  for (const [file, store] of Object.entries(manifest.stores)) {
    it(`${file} opens with its password and matches keytool's listing`, async () => {
      const r = await read(join(OURS, file), { password: store.password });
      assert.equal(r.format, store.format);
      assert.equal(r.integrity, 'verified');
      for (const entry of store.entries) {
        if (entry.type === 'SecretKeyEntry') {
          const key = byAlias(r, entry.alias, 'secretKey');
          assert.ok(key && key.kind === 'secretKey', `secret key ${entry.alias}`);
          assert.equal(key.algorithm, 'AES');
          assert.equal(key.sizeBits, 256);
          continue;
        }
        const found = certs(r, entry.alias);
        assert.deepEqual(found.map((c) => fingerprint(c.der)), entry.certSha256, `certificates of ${entry.alias}`);
        if (entry.type === 'trustedCertEntry') {
          assert.equal(found[0].trusted, true);
          assert.equal(found[0].location, `entry '${entry.alias}'`);
          continue;
        }
        found.forEach((c, i) => assert.equal(c.location, `entry '${entry.alias}', chain cert ${i + 1}`));
        if (store.keyPassword) {
          const locked = byAlias(r, entry.alias, 'unsupported');
          assert.ok(locked && locked.kind === 'unsupported');
          assert.equal(locked.code, 'WRONG_PASSWORD');
          assert.equal(locked.what, 'Private key (its own password differs from the keystore password)');
          continue;
        }
        const key = byAlias(r, entry.alias, 'privateKey');
        assert.ok(key && key.kind === 'privateKey', `private key ${entry.alias}`);
        assert.equal(key.encrypted, true);
        assert.equal(key.encoding, store.format);
        assert.equal(spkiSha256(key), manifest.keySpkiSha256[`${file}/${entry.alias}`]);
      }
    });

    it(`${file} lists its certificates without a password`, async () => {
      const r = await read(join(OURS, file), {});
      assert.equal(r.integrity, 'not-checked');
      assert.ok(r.notes.some((n) => /integrity was not checked/.test(n)));
      assert.ok(!r.objects.some((o) => o.kind === 'privateKey' || o.kind === 'secretKey'));
      for (const entry of store.entries) {
        assert.deepEqual(certs(r, entry.alias).map((c) => fingerprint(c.der)), entry.certSha256);
        if (entry.type !== 'trustedCertEntry') {
          const locked = r.objects.find((o) => o.alias === entry.alias && o.kind === 'unsupported');
          assert.ok(locked && locked.kind === 'unsupported');
          assert.equal(locked.code, 'PASSWORD_REQUIRED');
          assert.match(locked.what, /^(Private|Secret) key \(locked\)$/);
        }
      }
    });

    it(`${file} refuses a wrong password`, async () => {
      await rejectsWith(read(join(OURS, file), { password: 'wrong-password' }), 'WRONG_PASSWORD');
    });
  }

  it('a JCEKS secret key is listed with its algorithm, never its bytes', async () => {
    const r = await read(join(OURS, 'keys.jceks'), { password: manifest.stores['keys.jceks'].password });
    const key = byAlias(r, 'aes', 'secretKey');
    assert.deepEqual(Object.keys(key ?? {}).sort(), ['algorithm', 'alias', 'kind', 'location', 'sizeBits']);
  });

  it('non-ASCII store password (UTF-16BE in the digest and key protection)', async () => {
    const r = await read(join(OURS, 'unicode.jks'), { password: 'pässwörd-ключ' });
    assert.equal(r.integrity, 'verified');
    assert.ok(byAlias(r, 'uni', 'privateKey'));
    await rejectsWith(read(join(OURS, 'unicode.jks'), { password: 'passwoerd-ключ' }), 'WRONG_PASSWORD');
  });

  it('a truncated keystore is CORRUPT', async () => {
    await rejectsWith(read(join(OURS, 'truncated.jks'), { password: manifest.stores['server.jks'].password }), 'CORRUPT');
    await rejectsWith(read(join(OURS, 'truncated.jks'), {}), 'CORRUPT');
  });

  it('an altered keystore opened with the right password is INTEGRITY_FAILED', async () => {
    await rejectsWith(read(join(OURS, 'tampered.jks'), { password: manifest.stores['server.jks'].password }), 'INTEGRITY_FAILED');
  });

  it('every truncation and many bit flips give a PkiError, never a crash', async () => {
    // keys.jceks is decrypted only without a password: keytool's 200,000 rounds of Sun's PBE per key would make
    // hundreds of decryptions slow. pyjks's RSA1024.jceks (20 rounds) covers JCEKS decryption of damaged files.
    const cases = [
      { path: join(OURS, 'server.jks'), password: manifest.stores['server.jks'].password, decrypt: true },
      { path: join(OURS, 'keys.jceks'), password: manifest.stores['keys.jceks'].password, decrypt: false },
      { path: join(PYJKS, 'jceks', 'RSA1024.jceks'), password: '12345678', decrypt: true },
    ];
    for (const { path, password, decrypt } of cases) {
      const bytes = new Uint8Array(readFileSync(path));
      for (let cut = 0; cut < bytes.length; cut += 7) {
        await rejectsWith(readJavaKeystore(bytes.subarray(0, cut), { password }), cut < 4 ? 'UNRECOGNIZED_FORMAT' : 'CORRUPT');
      }
      for (let pos = 4; pos < bytes.length; pos += 5) {
        const damaged = new Uint8Array(bytes);
        damaged[pos] ^= 0x80;
        for (const options of decrypt ? [{}, { password }] : [{}]) {
          try {
            await readJavaKeystore(damaged, options);
          } catch (e) {
            assert.ok(e instanceof PkiError, `${path} flipped at ${pos}: ${String(e)}`);
          }
        }
      }
    }
  });

  it('a bogus huge entry count or length is rejected without allocating it', async () => {
    const bytes = new Uint8Array(readFileSync(join(OURS, 'server.jks')));
    const hugeCount = new Uint8Array(bytes);
    hugeCount.set([0x7f, 0xff, 0xff, 0xff], 8);
    await rejectsWith(readJavaKeystore(hugeCount, {}), 'CORRUPT');
    const hugeLength = new Uint8Array(bytes);
    // First entry (trusted cert "rootca"): tag(4) alias(2+6) date(8) type(2+5) then the 4-byte length.
    hugeLength.set([0x7f, 0xff, 0xff, 0xff], 12 + 4 + 8 + 8 + 7);
    await rejectsWith(readJavaKeystore(hugeLength, {}), 'CORRUPT');
  });

  it('a trusted certificate whose DER does not hold up is CORRUPT, exactly when the generic DER reader refuses it', async () => {
    const cert = new Uint8Array(readFileSync(join(FIXTURES, 'x509', 'leaf.der')));
    /** A JKS (listed without its password) holding one trusted entry with these bytes as its certificate. */
    const store = (der: Uint8Array) => {
      const out = new JavaDataOutput().i32(0xfeedfeed).i32(2).i32(1).i32(2).utf('ca', 'alias').i64(0).utf('X.509', 'type').lengthPrefixed(der, 'cert');
      return out.bytes(new Uint8Array(20)).toBytes();
    };
    /** The reference: every element read with der.ts's readTlv, to the bottom. */
    const holdsUp = (der: Uint8Array) => {
      const walk = (t: Tlv, depth: number): boolean => depth <= MAX_DER_DEPTH && (!(t.tag & 0x20) || children(t).every((c) => walk(c, depth + 1)));
      try {
        const root = readRoot(der);
        return root.tag === 0x30 && walk(root, 0);
      } catch {
        return false;
      }
    };
    const nested = (depth: number) => {
      let inner: Uint8Array = Uint8Array.of(0x05, 0x00);
      for (let i = 0; i < depth; i++) inner = sequence(inner);
      return inner;
    };
    const variants: [string, Uint8Array][] = [
      ['the certificate', cert],
      ['a trailing byte', Uint8Array.from([...cert, 0])],
      ['an inner length one too long', (() => { const c = cert.slice(); c[5] += 1; return c; })()],
      ['an indefinite length', Uint8Array.of(0x30, 0x80, 0x05, 0x00, 0x00, 0x00)],
      ['five length octets', Uint8Array.of(0x30, 0x85, 0, 0, 0, 0, 2, 0x05, 0x00)],
      ['a SET, not a SEQUENCE', Uint8Array.of(0x31, 0x02, 0x05, 0x00)],
      ['a high tag number inside', Uint8Array.of(0x30, 0x04, 0x9f, 0x81, 0x01, 0x00)],
      ['a high tag number cut short', Uint8Array.of(0x30, 0x02, 0x9f, 0x81)],
      ['nesting at the depth limit', nested(MAX_DER_DEPTH)],
      ['nesting past the depth limit', nested(MAX_DER_DEPTH + 1)],
      ['one byte', Uint8Array.of(0x30)],
    ];
    let refused = 0;
    for (const [what, der] of variants) {
      const read = readJavaKeystore(store(der), {});
      if (holdsUp(der)) {
        const r = await read;
        assert.deepEqual(r.objects.map((o) => o.kind === 'certificate' && o.der), [der], what);
      } else {
        refused++;
        await assert.rejects(read, (e: PkiError) => e.code === 'CORRUPT' && /is not a DER certificate/.test(e.message), what);
      }
    }
    assert.equal(refused, 8, 'the broken variants are the ones refused');
  });

  it('a file that is not a Java keystore is UNRECOGNIZED_FORMAT', async () => {
    await rejectsWith(readJavaKeystore(new TextEncoder().encode('-----BEGIN CERTIFICATE-----'), {}), 'UNRECOGNIZED_FORMAT');
  });
});

/** What each of pyjks's 33 stores gives (each is exercised by a test below; the last test checks the list is whole). */
const PYJKS_OUTCOMES = {
  open: [
    ...['RSA1024', 'RSA2048_3certs', 'DSA2048', '3certs', 'custom_entry_passwords', 'empty'].flatMap((n) => [`jks/${n}.jks`, `jceks/${n}.jceks`]),
    'jks/non_ascii_password.jks',
    'jks/truststore.jks',
    ...['AES128', 'AES256', 'DES', 'DESede', 'PBKDF2WithHmacSHA1'].map((n) => `jceks/${n}.jceks`),
  ],
  corrupt: ['jks/duplicate_aliases.jks', 'jceks/duplicate_aliases.jceks', ...['unknown_type_of_sealed_object', 'unknown_sealed_object_sealAlg', 'unknown_type_inside_sealed_object'].map((n) => `jceks/${n}.jceks`)],
  refused: [
    ...['christmas', 'custom_entry_passwords', 'empty'].flatMap((n) => [`bks/${n}.bksv1`, `bks/${n}.bksv2`]),
    ...['christmas', 'custom_entry_passwords', 'empty'].map((n) => `uber/${n}.uber`),
  ],
};

describe('pyjks keystores', () => {
  const expected = (name: string) =>
    JSON.parse(readFileSync(join(PYJKS, 'expected', `${name}.json`), 'utf8')) as {
      private_key_der_hex: string;
      public_key_der_hex: string;
      certs_der_hex: string[];
    };

  for (const kind of ['jks', 'jceks']) {
    for (const name of ['RSA1024', 'RSA2048_3certs']) {
      it(`${kind}/${name}: the key and chain equal pyjks's expected ones`, async () => {
        const r = await read(join(PYJKS, kind, `${name}.${kind}`), { password: '12345678' });
        assert.equal(r.format, kind);
        assert.equal(r.integrity, 'verified');
        const want = expected(name);
        const key = byAlias(r, 'mykey', 'privateKey');
        assert.ok(key && key.kind === 'privateKey');
        assert.equal(hex(key.pkcs8), want.private_key_der_hex);
        assert.equal(spkiSha256(key), hex(digest('sha256', Buffer.from(want.public_key_der_hex, 'hex'))));
        assert.deepEqual(certs(r, 'mykey').map((c) => hex(c.der)), want.certs_der_hex);
      });
    }

    it(`${kind}/DSA2048: the DSA key is listed as unsupported, its certificate read`, async () => {
      const r = await read(join(PYJKS, kind, `DSA2048.${kind}`), { password: '12345678' });
      const key = byAlias(r, 'mykey', 'unsupported');
      assert.ok(key && key.kind === 'unsupported');
      assert.equal(key.code, 'UNSUPPORTED_ALGORITHM');
      assert.equal(key.what, 'DSA private key');
      assert.deepEqual(certs(r, 'mykey').map((c) => hex(c.der)), expected('DSA2048').certs_der_hex);
    });

    it(`${kind}/3certs: three trusted certificates`, async () => {
      const r = await read(join(PYJKS, kind, `3certs.${kind}`), { password: '12345678' });
      assert.deepEqual(r.objects.map((o) => [o.kind, o.alias, o.kind === 'certificate' && o.trusted]).sort(), [
        ['certificate', 'cert1', true],
        ['certificate', 'cert2', true],
        ['certificate', 'cert3', true],
      ]);
    });

    it(`${kind}/custom_entry_passwords: the store opens, entries with their own passwords are listed as such`, async () => {
      const r = await read(join(PYJKS, kind, `custom_entry_passwords.${kind}`), { password: 'store_password' });
      assert.equal(r.integrity, 'verified');
      const locked = r.objects.filter((o) => o.kind === 'unsupported');
      assert.ok(locked.length >= 1);
      for (const o of locked) assert.equal(o.kind === 'unsupported' && o.code, 'WRONG_PASSWORD');
      const trusted = certs(r, 'cert');
      assert.equal(trusted.length, 1);
      assert.equal(trusted[0].trusted, true);
      assert.deepEqual(certs(r, 'private').map((c) => hex(c.der)), expected('custom_entry_passwords').certs_der_hex);
    });

    it(`${kind}/empty opens with the empty password`, async () => {
      const r = await read(join(PYJKS, kind, `empty.${kind}`), { password: '' });
      assert.equal(r.integrity, 'verified');
      assert.deepEqual(r.objects, []);
    });

    it(`${kind}/duplicate_aliases is CORRUPT`, async () => {
      await rejectsWith(read(join(PYJKS, kind, `duplicate_aliases.${kind}`), { password: '12345678' }), 'CORRUPT');
    });
  }

  it('jks/non_ascii_password opens with ლ(ಠ益ಠლ)', async () => {
    const r = await read(join(PYJKS, 'jks', 'non_ascii_password.jks'), { password: 'ლ(ಠ益ಠლ)' });
    assert.equal(r.integrity, 'verified');
    const want = expected('jks_non_ascii_password');
    const key = byAlias(r, 'mykey', 'privateKey');
    assert.ok(key && key.kind === 'privateKey');
    assert.equal(hex(key.pkcs8), want.private_key_der_hex);
    assert.deepEqual(certs(r, 'mykey').map((c) => hex(c.der)), want.certs_der_hex);
  });

  it('jks/truststore (password unknown) lists its certificates without a password', async () => {
    const r = await read(join(PYJKS, 'jks', 'truststore.jks'), {});
    assert.equal(r.integrity, 'not-checked');
    assert.deepEqual(r.objects.map((o) => o.kind === 'certificate' && o.trusted && o.alias).sort(), ['cordaintermediateca', 'cordarootca']);
  });

  for (const [name, algorithm, sizeBits] of [
    ['AES128', 'AES', 128],
    ['AES256', 'AES', 256],
    ['DES', 'DES', 64],
    ['DESede', 'DESede', 192],
    ['PBKDF2WithHmacSHA1', 'PBKDF2WithHmacSHA1', 256],
  ] as const) {
    it(`jceks/${name}: secret key ${algorithm}, ${sizeBits} bits`, async () => {
      const r = await read(join(PYJKS, 'jceks', `${name}.jceks`), { password: '12345678' });
      assert.deepEqual(r.objects, [{ kind: 'secretKey', algorithm, sizeBits, alias: 'mykey', location: "entry 'mykey'" }]);
      const locked = await read(join(PYJKS, 'jceks', `${name}.jceks`), {});
      assert.equal(locked.objects[0].kind === 'unsupported' && locked.objects[0].what, 'Secret key (locked)');
    });
  }

  for (const name of ['unknown_type_of_sealed_object', 'unknown_sealed_object_sealAlg', 'unknown_type_inside_sealed_object']) {
    it(`jceks/${name} is CORRUPT`, async () => {
      await rejectsWith(read(join(PYJKS, 'jceks', `${name}.jceks`), { password: '12345678' }), 'CORRUPT');
    });
  }

  for (const file of PYJKS_OUTCOMES.refused) {
    it(`${file} (Bouncy Castle) is refused, not opened: UNRECOGNIZED_FORMAT naming BKS`, async () => {
      await rejectsWith(read(join(PYJKS, file), { password: '12345678' }), 'UNRECOGNIZED_FORMAT');
      // Through the one read entry point too, with the hint a person needs.
      await assert.rejects(readBytes(new Uint8Array(readFileSync(join(PYJKS, file))), { password: '12345678' }), (e: unknown) => {
        assert.ok(e instanceof PkiError);
        assert.equal(e.code, 'UNRECOGNIZED_FORMAT');
        assert.match(e.message, /Bouncy Castle keystore \(BKS/);
        return true;
      });
    });
  }

  it('every pyjks store has an outcome above: 19 open, 5 are CORRUPT, 9 BKS/UBER are refused', () => {
    const onDisk = ['jks', 'jceks', 'bks', 'uber'].flatMap((dir) => readdirSync(join(PYJKS, dir)).map((f) => `${dir}/${f}`)).sort();
    const all = [...PYJKS_OUTCOMES.open, ...PYJKS_OUTCOMES.corrupt, ...PYJKS_OUTCOMES.refused];
    assert.deepEqual(onDisk, [...all].sort());
    assert.deepEqual([PYJKS_OUTCOMES.open.length, PYJKS_OUTCOMES.corrupt.length, PYJKS_OUTCOMES.refused.length], [19, 5, 9]);
  });
});
