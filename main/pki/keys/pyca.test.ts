/**
 * pyca/cryptography's asymmetric key vectors (test/fixtures/corpus/pyca/asymmetric, copied by
 * copy-corpus-keys.sh with OpenSSL's SPKI SHA-256 per key): supported keys match OpenSSL, others are
 * reported as unsupported, and the must-fail files fail with the right code.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { PkiError } from '../errors';
import type { ReadResult } from '../model';
import { readBytes } from '../read';
import { FIXTURES, readKeyFile, spkiSha256 } from './test-helpers';

const DIR = join(FIXTURES, 'corpus', 'pyca', 'asymmetric');
const rows = readFileSync(join(DIR, 'manifest.tsv'), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => {
    const [path, password, spki] = line.split('\t');
    return { path, password: password === '-' ? undefined : password, spki: spki === '-' ? undefined : spki };
  });

const MUST_FAIL: Record<string, { code: string; message: RegExp }> = {
  'PEM_Serialization/rsa-bad-1025-q-is-2.pem': { code: 'CORRUPT', message: /inconsistent/ },
  'PKCS8/bad-encryption-oid.pem': { code: 'UNSUPPORTED_ALGORITHM', message: /0\.24\.97\.792/ },
};
/** Fails as an honest per-key result rather than an error: the key algorithm OID is unknown. */
const UNKNOWN_ALGORITHM = 'PKCS8/bad-oid-dsa-key.pem';
/** pyca declares this password in its tests although OpenSSL cannot open the file at all. */
const PASSWORDS: Record<string, string> = { 'PKCS8/bad-encryption-oid.pem': 'password' };

/** What Certbench does not support, by path: DSA, Ed448, X25519, X448, RSA-PSS, explicit or unknown curves. */
const isUnsupported = (path: string) =>
  /(^|\/)(dsa|unenc-dsa|ed448|x25519|x448|rsa_pss)/.test(path) ||
  ['PKCS8/ec_oid_not_in_reg_private_2.pkcs8.pem', 'PKCS8/nodompar_private.pkcs8.pem', 'PKCS8/private.pem', 'PKCS8/withdompar_private.pkcs8.pem'].includes(path);

/**
 * Not key files, or not keys Certbench reads, and what the app's read entry point says of each: the README, DSA
 * domain parameters alone (no key: nothing to list), a DSA PUBLIC KEY block (no standard for it).
 */
const NOT_KEYS: Record<string, (r: ReadResult | null, e: unknown) => void> = {
  'PEM_Serialization/README.txt': (_r, e) => assert.ok(e instanceof PkiError && e.code === 'UNRECOGNIZED_FORMAT' && /text with no PEM block/.test(e.message), String(e)),
  'PEM_Serialization/dsaparam.pem': (r) => assert.deepEqual([r?.format, r?.objects], ['pem', []]),
  'public/PKCS1/dsa.pub.pem': (_r, e) => assert.ok(e instanceof PkiError && e.code === 'UNSUPPORTED_ALGORITHM' && /DSA PUBLIC KEY/.test(e.message), String(e)),
};

describe('pyca asymmetric key vectors', () => {
  for (const [path, check] of Object.entries(NOT_KEYS)) {
    it(`${path} is not a key Certbench reads, and says so`, async () => {
      let result: ReadResult | null = null;
      let error: unknown = null;
      try {
        result = await readBytes(new Uint8Array(readFileSync(join(DIR, path))));
      } catch (e) {
        error = e;
      }
      check(result, error);
    });
  }

  it('every file of the corpus is in the manifest or has its outcome above', () => {
    const onDisk = (dir: string): string[] =>
      readdirSync(join(DIR, dir), { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? onDisk(join(dir, d.name)) : [join(dir, d.name)]));
    const known = new Set([...rows.map((r) => r.path), ...Object.keys(NOT_KEYS), 'manifest.tsv', 'LICENSE-pyca-cryptography']);
    assert.deepEqual(onDisk('').filter((f) => !known.has(f)), []);
  });

  for (const row of rows) {
    if (row.path in NOT_KEYS) continue;
    const password = PASSWORDS[row.path] ?? row.password;
    const mustFail = MUST_FAIL[row.path];
    if (mustFail) {
      it(`${row.path} must fail with ${mustFail.code}`, async () => {
        await assert.rejects(readKeyFile(join(DIR, row.path), { password }), (e: unknown) => {
          assert.ok(e instanceof PkiError);
          assert.equal(e.code, mustFail.code, e.message);
          assert.match(e.message, mustFail.message);
          return true;
        });
      });
      continue;
    }
    if (row.path === UNKNOWN_ALGORITHM) {
      it(`${row.path} is reported as an unknown key algorithm`, async () => {
        const [{ object }] = await readKeyFile(join(DIR, row.path), { password });
        assert.equal(object.kind, 'unsupported');
        if (object.kind === 'unsupported') {
          assert.equal(object.code, 'UNSUPPORTED_ALGORITHM');
          assert.match(object.what, /unknown algorithm \(OID 0\.37\.11229\.117\.11229\.113\)/);
        }
      });
      continue;
    }
    it(`${row.path}${password ? ` (password "${password}")` : ''}`, async () => {
      const results = await readKeyFile(join(DIR, row.path), { password });
      assert.equal(results.length, 1);
      const { object } = results[0];
      if (isUnsupported(row.path)) {
        assert.equal(object.kind, 'unsupported', `${row.path} should be unsupported`);
        if (object.kind === 'unsupported') assert.equal(object.code, 'UNSUPPORTED_ALGORITHM');
        return;
      }
      assert.ok(row.spki, 'OpenSSL read this key, so the manifest has its SPKI hash');
      assert.equal(spkiSha256(object), row.spki);
      if (object.kind === 'privateKey') assert.equal(object.encrypted, password !== undefined);
    });
  }

  it('asks for the password of an encrypted key before decrypting', async () => {
    await assert.rejects(readKeyFile(join(DIR, 'PKCS8/enc-rsa-pkcs8.pem'), {}), (e: unknown) => e instanceof PkiError && e.code === 'PASSWORD_REQUIRED');
    await assert.rejects(readKeyFile(join(DIR, 'Traditional_OpenSSL_Serialization/key2.pem'), { password: '123456' }), (e: unknown) => e instanceof PkiError && e.code === 'WRONG_PASSWORD');
  });
});
