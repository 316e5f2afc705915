import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fixture as fixturePath } from '../../../test/helpers/fixtures';
import { digest, privateKeyFacts } from '../crypto';
import { PkiError, type ErrorCode } from '../errors';
import type { RawObject, ReadResult } from '../model';
import { looksLikePkcs12, readPkcs12 } from './pkcs12';

const DIR = fixturePath('pkcs12');
const CORPUS = fixturePath('corpus', 'pyca', 'pkcs12');

interface Expected {
  password: string | null;
  expect: 'ok' | ErrorCode;
  integrity: 'verified' | 'absent';
  legacy: boolean;
  certificates: string[];
  keys: string[];
  aliases: string[];
  trusted: number;
  unsupported: number;
}
const manifest = JSON.parse(readFileSync(join(DIR, 'manifest.json'), 'utf8')) as { files: Record<string, Expected> };
const corpus = JSON.parse(readFileSync(join(CORPUS, 'expected.json'), 'utf8')) as Record<string, { password: string | null; certificates: string[]; keys: string[] }>;

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
const fixture = (name: string) => new Uint8Array(readFileSync(join(DIR, name)));
const pw = (p: string | null) => (p === null ? undefined : p);

function certFingerprints(objects: RawObject[]): string[] {
  return objects.flatMap((o) => (o.kind === 'certificate' ? [hex(digest('sha256', o.der))] : [])).sort();
}
function keySpkis(objects: RawObject[]): string[] {
  return objects.flatMap((o) => (o.kind === 'privateKey' ? [hex(digest('sha256', privateKeyFacts(o.pkcs8).spki))] : [])).sort();
}

async function rejectsWith(promise: Promise<unknown>, code: ErrorCode): Promise<PkiError> {
  try {
    await promise;
  } catch (e) {
    assert.ok(e instanceof PkiError, `expected PkiError, got ${String(e)}`);
    assert.equal(e.code, code, `${e.code}: ${e.message}`);
    assert.ok(e.message.length > 0 && e.hint.length > 0);
    return e;
  }
  assert.fail(`expected ${code}, but it resolved`);
}

describe('readPkcs12: every generated fixture yields what openssl saw', () => {
  for (const [name, exp] of Object.entries(manifest.files).filter(([, e]) => e.expect === 'ok')) {
    it(name, async () => {
      const r: ReadResult = await readPkcs12(fixture(name), { password: pw(exp.password) });
      assert.equal(r.format, 'pkcs12');
      assert.equal(r.integrity, exp.integrity);
      assert.deepEqual(certFingerprints(r.objects), [...exp.certificates].sort());
      assert.deepEqual(keySpkis(r.objects), [...exp.keys].sort());
      const aliases = r.objects.flatMap((o) => (o.alias ? [o.alias] : []));
      for (const alias of exp.aliases) assert.ok(aliases.includes(alias), `alias ${alias} in ${aliases.join(', ')}`);
      assert.equal(r.objects.filter((o) => o.trusted).length, exp.trusted);
      assert.equal(r.objects.filter((o) => o.kind === 'unsupported').length, exp.unsupported);
      for (const o of r.objects) {
        if (o.kind === 'privateKey') {
          assert.equal(o.encoding, 'pkcs12');
          if (o.encrypted) assert.match(o.protection ?? '', /PBES2|pbeWith/);
        }
      }
      if (exp.integrity === 'verified') assert.ok(r.notes.some((n) => /^MAC: SHA-(1|256), \d+ iterations?$/.test(n)), r.notes.join(' | '));
      else assert.ok(r.notes.includes('No MAC: integrity cannot be checked'));
      if (exp.legacy) assert.ok(r.notes.some((n) => /^Legacy PFX/.test(n)), r.notes.join(' | '));
    });
  }
});

describe('readPkcs12: protection details', () => {
  it('modern OpenSSL 3 default: PBES2 AES-256-CBC with PBKDF2-HMAC-SHA256 and a SHA-256 MAC', async () => {
    const r = await readPkcs12(fixture('modern-rsa.pfx'), { password: manifest.files['modern-rsa.pfx'].password! });
    const key = r.objects.find((o) => o.kind === 'privateKey');
    assert.ok(key && key.kind === 'privateKey');
    assert.equal(key.encrypted, true);
    assert.equal(key.protection, 'PBES2 (PBKDF2-HMAC-SHA256, AES-256-CBC, 2048 iterations)');
    assert.equal(key.alias, 'leaf-rsa');
    assert.ok(key.localKeyId && /^[0-9a-f]+$/.test(key.localKeyId));
    const leaf = r.objects.find((o) => o.kind === 'certificate' && o.alias === 'leaf-rsa');
    assert.equal(leaf?.localKeyId, key.localKeyId);
    assert.ok(r.notes.includes('MAC: SHA-256, 2048 iterations'));
    assert.equal(r.encrypted, true);
  });

  it('legacy -legacy export: RC2-40 certificates, 3DES key, SHA-1 MAC', async () => {
    const r = await readPkcs12(fixture('legacy-rsa.pfx'), { password: manifest.files['legacy-rsa.pfx'].password! });
    assert.ok(r.notes.includes('Legacy PFX: certificates encrypted with RC2-40 (OpenSSL 3 needs -legacy to read it)'), r.notes.join(' | '));
    assert.ok(r.notes.includes('MAC: SHA-1, 2048 iterations'));
    const key = r.objects.find((o) => o.kind === 'privateKey');
    assert.equal(key?.kind === 'privateKey' && key.protection, 'pbeWithSHAAnd3-KeyTripleDES-CBC (legacy, 2048 iterations)');
  });

  it('a key under an algorithm Certbench refuses is listed as unsupported, naming it; the rest still opens', async () => {
    const r = await readPkcs12(fixture('legacy-md5des-key.pfx'), { password: manifest.files['legacy-md5des-key.pfx'].password! });
    const odd = r.objects.find((o) => o.kind === 'unsupported');
    assert.ok(odd && odd.kind === 'unsupported');
    assert.equal(odd.code, 'UNSUPPORTED_ALGORITHM');
    assert.equal(odd.what, 'private key');
    assert.match(odd.message, /pbeWithMD5AndDES-CBC \(1\.2\.840\.113549\.1\.5\.3\)/);
    assert.ok(r.notes.includes('Legacy PFX: certificates encrypted with RC2-128 (OpenSSL 3 needs -legacy to read it)'), r.notes.join(' | '));
  });

  it('Java trustedKeyUsage bags are marked trusted and keep their alias', async () => {
    const r = await readPkcs12(fixture('java-trusted.p12'), { password: manifest.files['java-trusted.p12'].password! });
    assert.deepEqual(
      r.objects.map((o) => [o.kind, o.alias, o.trusted]),
      [
        ['certificate', 'certbench-root', true],
        ['certificate', 'certbench-int', true],
      ],
    );
  });

  it('a Java secret key is listed by algorithm and size, without its bytes', async () => {
    const r = await readPkcs12(fixture('java-secret.p12'), { password: manifest.files['java-secret.p12'].password! });
    assert.deepEqual(r.objects, [{ kind: 'secretKey', algorithm: 'AES', sizeBits: 128, alias: 'aes-key', localKeyId: r.objects[0].localKeyId, location: 'safe 1, bag 1' }]);
    assert.equal(r.encrypted, true);
  });

  it('a file with neither encryption nor MAC opens without a password and says it is unprotected', async () => {
    const r = await readPkcs12(fixture('no-password.pfx'), {});
    assert.equal(r.encrypted, false);
    assert.equal(r.integrity, 'absent');
    const key = r.objects.find((o) => o.kind === 'privateKey');
    assert.equal(key?.kind === 'privateKey' && key.encrypted, false);
  });

  it('the empty password works when given as "" and when none is given', async () => {
    const given = await readPkcs12(fixture('empty-password.pfx'), { password: '' });
    assert.equal(given.integrity, 'verified');
    const none = await readPkcs12(fixture('empty-password.pfx'), {});
    assert.deepEqual(certFingerprints(none.objects), certFingerprints(given.objects));
    assert.ok(none.notes.some((n) => /Opened without a password/.test(n)));
    await rejectsWith(readPkcs12(fixture('empty-password.pfx'), { password: 'not-empty' }), 'WRONG_PASSWORD');
  });

  it('reports progress between 0 and 1, ending at 1', async () => {
    const seen: number[] = [];
    await readPkcs12(fixture('bench-2048.pfx'), { password: 'bench', onProgress: (f) => seen.push(f) });
    assert.ok(seen.length >= 2);
    assert.ok(seen.every((f) => f >= 0 && f <= 1));
    assert.equal(seen.at(-1), 1);
  });

  it('a cancelled read stops with CANCELLED', async () => {
    const controller = new AbortController();
    controller.abort();
    await rejectsWith(readPkcs12(fixture('bench-2048.pfx'), { password: 'bench', signal: controller.signal }), 'CANCELLED');
  });
});

describe('readPkcs12: errors', () => {
  it('no password for a protected file: PASSWORD_REQUIRED', async () => {
    const e = await rejectsWith(readPkcs12(fixture('modern-rsa.pfx'), {}), 'PASSWORD_REQUIRED');
    assert.match(e.message, /password-protected/);
    assert.match(e.hint, /password that was used when it was exported/);
    await rejectsWith(readPkcs12(fixture('legacy-rsa.pfx'), {}), 'PASSWORD_REQUIRED');
    await rejectsWith(readPkcs12(fixture('mac-only.pfx'), {}), 'PASSWORD_REQUIRED');
    await rejectsWith(readPkcs12(fixture('no-mac.pfx'), {}), 'PASSWORD_REQUIRED');
  });

  for (const name of ['modern-rsa.pfx', 'legacy-rsa.pfx', 'legacy-3des-certs.pfx', 'mac-only.pfx', 'no-mac.pfx', 'key-only.pfx', 'keytool-keypair.p12']) {
    it(`wrong password: WRONG_PASSWORD (${name})`, async () => {
      await rejectsWith(readPkcs12(fixture(name), { password: 'Certbench-Test-2' }), 'WRONG_PASSWORD');
    });
  }

  it('a non-ASCII password must match exactly', async () => {
    await rejectsWith(readPkcs12(fixture('nonascii-password.pfx'), { password: 'passwörd✓' }), 'WRONG_PASSWORD');
    await rejectsWith(readPkcs12(fixture('nonascii-password.pfx'), { password: 'pässwörd' }), 'WRONG_PASSWORD');
  });

  it('right password on a modified file: INTEGRITY_FAILED', async () => {
    const e = await rejectsWith(readPkcs12(fixture('altered.pfx'), { password: manifest.files['altered.pfx'].password! }), 'INTEGRITY_FAILED');
    assert.match(e.message, /password is correct but the file's integrity check \(MAC\) fails/);
    await rejectsWith(readPkcs12(fixture('altered.pfx'), { password: 'wrong' }), 'WRONG_PASSWORD');
  });

  it('a flipped byte inside encrypted certificates of a good file: INTEGRITY_FAILED (the key still decrypts)', async () => {
    const bytes = fixture('modern-rsa.pfx');
    bytes[400] ^= 0x55;
    await rejectsWith(readPkcs12(bytes, { password: manifest.files['modern-rsa.pfx'].password! }), 'INTEGRITY_FAILED');
  });

  it('truncated and random bytes: CORRUPT saying where', async () => {
    const e = await rejectsWith(readPkcs12(fixture('truncated.pfx'), { password: 'x' }), 'CORRUPT');
    assert.match(e.message, /PKCS#12/);
    await rejectsWith(readPkcs12(fixture('random.bin'), { password: 'x' }), 'CORRUPT');
    await rejectsWith(readPkcs12(new Uint8Array(0), {}), 'EMPTY');
    const whole = fixture('modern-rsa.pfx');
    for (const cut of [1, 4, 10, 30, 100, 1000, whole.length - 1]) {
      await rejectsWith(readPkcs12(whole.subarray(0, cut), { password: 'x' }), 'CORRUPT');
    }
  });

  it('damage anywhere gives a PkiError, never anything else', async () => {
    const whole = fixture('legacy-rsa.pfx');
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    const codes = new Set<string>();
    for (let i = 0; i < 120; i++) {
      const bytes = whole.slice();
      bytes[next() % bytes.length] ^= 1 + (next() % 255);
      try {
        await readPkcs12(bytes, { password: manifest.files['legacy-rsa.pfx'].password! });
        codes.add('ok');
      } catch (e) {
        assert.ok(e instanceof PkiError, String(e));
        assert.notEqual(e.code, 'INTERNAL', e.message);
        codes.add(e.code);
      }
    }
    assert.ok(codes.has('INTEGRITY_FAILED') || codes.has('CORRUPT'), [...codes].join(','));
  });
});

describe('looksLikePkcs12', () => {
  it('accepts every PFX and rejects other bytes', () => {
    for (const name of Object.keys(manifest.files).filter((n) => !['truncated.pfx', 'random.bin'].includes(n))) {
      assert.equal(looksLikePkcs12(fixture(name)), true, name);
    }
    for (const name of Object.keys(corpus)) assert.equal(looksLikePkcs12(new Uint8Array(readFileSync(join(CORPUS, name)))), true, name);
    assert.equal(looksLikePkcs12(fixture('random.bin')), false);
    assert.equal(looksLikePkcs12(fixture('pkcs8/plain.der')), false);
    assert.equal(looksLikePkcs12(new TextEncoder().encode('-----BEGIN CERTIFICATE-----\n')), false);
    assert.equal(looksLikePkcs12(new Uint8Array([0x30])), false);
  });
});

describe('readPkcs12: pyca/cryptography corpus', () => {
  it('every one of the 30 corpus files has what OpenSSL read from it in expected.json', () => {
    const files = readdirSync(CORPUS).filter((f) => f.endsWith('.p12')).sort();
    assert.equal(files.length, 30);
    assert.deepEqual(Object.keys(corpus).sort(), files);
  });

  for (const [name, exp] of Object.entries(corpus)) {
    it(`${name} (${exp.password === null ? 'no password' : `password "${exp.password}"`})`, async () => {
      const r = await readPkcs12(new Uint8Array(readFileSync(join(CORPUS, name))), { password: pw(exp.password) });
      assert.equal(r.integrity, 'verified');
      assert.deepEqual(certFingerprints(r.objects), [...exp.certificates].sort());
      assert.deepEqual(keySpkis(r.objects), [...exp.keys].sort());
    });
  }

  it('unicode friendly names are read from BMPString', async () => {
    const r = await readPkcs12(new Uint8Array(readFileSync(join(CORPUS, 'name-unicode-pwd.p12'))), { password: 'password' });
    const aliases = r.objects.flatMap((o) => (o.alias ? [o.alias] : [])).sort();
    assert.deepEqual(aliases, ['ä', 'ç', '☺', '☺'].sort());
  });

  it('the corpus RC2 file needs its password', async () => {
    await rejectsWith(readPkcs12(new Uint8Array(readFileSync(join(CORPUS, 'cert-rc2-key-3des.p12'))), { password: 'nope' }), 'WRONG_PASSWORD');
  });
});

describe('readPkcs12: performance and responsiveness', () => {
  it('opens the 600,000-iteration PFX while the event loop keeps ticking', async () => {
    let maxGap = 0;
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      maxGap = Math.max(maxGap, now - last);
      last = now;
    }, 5);
    const started = performance.now();
    try {
      const r = await readPkcs12(fixture('bench-600k.pfx'), { password: 'bench' });
      assert.ok(r.notes.includes('MAC: SHA-256, 600000 iterations'));
      assert.equal(r.objects.length, 2);
    } finally {
      clearInterval(timer);
    }
    const elapsed = performance.now() - started;
    // Hashing 600,000 rounds on the main thread would stall the loop for most of the read; allow for a busy
    // machine (parallel test files) but not for that.
    assert.ok(maxGap < Math.max(150, elapsed / 2), `event loop blocked for ${maxGap.toFixed(0)} of ${elapsed.toFixed(0)} ms`);
    assert.ok(elapsed < 10_000, `took ${elapsed.toFixed(0)} ms`);
  });
});
