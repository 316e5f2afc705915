/**
 * Every key writer output is opened by OpenSSL (`openssl pkey`, `rsa`, `ec`, `asn1parse`) and by our own
 * reader: the public half OpenSSL derives equals the one OpenSSL recorded for the fixture (the key still
 * matches its certificate), and the reader gets back the same PKCS#8.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { createPrivateKey } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fixture, fixtureBytes, fixtureJson } from '../../../test/helpers/fixtures';
import { rejectsWith } from '../../../test/helpers/pki-errors';
import { digest, privateKeyFacts } from '../crypto';
import { readBytes } from '../read';
import { DEFAULT_PBKDF2_ITERATIONS, writePrivateKey, type KeyOutputFormat } from './write';

const dir = mkdtempSync(join(tmpdir(), 'key-write-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const manifest = fixtureJson<{ keys: Record<string, { spkiSha256: string }> }>('keys', 'manifest.json');
const KEYS = ['rsa2048.pkcs8.pem', 'ec-p-256.pkcs8.pem', 'ec-p-384.pkcs8.pem', 'ed25519.pkcs8.pem'];
const FORMATS: KeyOutputFormat[] = ['pkcs8', 'pkcs8-der', 'pkcs1', 'pkcs1-der'];
const PASSWORDS: (string | undefined)[] = [undefined, 'correct horse battery', 'pässwörd-密码-🔑'];
const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
/** PKCS#8 as OpenSSL re-encodes it (test-only use of node:crypto, as a peer). */
const canonical = (pkcs8: Uint8Array) => createPrivateKey({ key: Buffer.from(pkcs8), format: 'der', type: 'pkcs8' }).export({ format: 'der', type: 'pkcs8' });

let n = 0;
function save(bytes: Uint8Array): string {
  const file = join(dir, `out-${n++}`);
  writeFileSync(file, bytes);
  return file;
}

function openssl(args: string[]): Buffer {
  return execFileSync('openssl', args, { env: { ...process.env, OPENSSL_CONF: '/dev/null' }, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** SHA-256 of the SPKI `openssl pkey` derives from a written key. */
function opensslSpkiSha256(file: string, der: boolean, password: string | undefined): string {
  const args = ['pkey', '-in', file, '-pubout', '-outform', 'DER', ...(der ? ['-inform', 'DER'] : []), ...(password !== undefined ? ['-passin', `pass:${password}`] : ['-passin', 'pass:not-asked'])];
  return hex(digest('sha256', openssl(args)));
}

async function pkcs8Of(name: string): Promise<Uint8Array> {
  const r = await readBytes(fixtureBytes('keys', name));
  const key = r.objects[0];
  assert.equal(key.kind, 'privateKey');
  return key.pkcs8;
}

for (const name of KEYS) {
  const algorithm = name.split('.')[0];
  for (const format of FORMATS) {
    for (const password of PASSWORDS) {
      const label = `${algorithm} → ${format}, ${password === undefined ? 'no password' : `password "${password}"`}`;
      if (algorithm === 'ed25519' && format.startsWith('pkcs1')) continue; // refused: see below
      if (format === 'pkcs1-der' && password !== undefined) continue; // refused: see below
      test(label, async () => {
        const pkcs8 = await pkcs8Of(name);
        const out = await writePrivateKey(pkcs8, format, { password });
        const file = save(out);
        const isDer = format.endsWith('-der');
        assert.equal(opensslSpkiSha256(file, isDer, password), manifest.keys[name].spkiSha256, 'openssl derives the same public key');
        const back = await readBytes(out, { password });
        assert.equal(back.objects.length, 1);
        const key = back.objects[0];
        assert.equal(key.kind, 'privateKey');
        assert.equal(key.encrypted, password !== undefined);
        // The reader keeps a SEC 1 key's inner curve parameters when it wraps it in PKCS#8; compare canonical forms.
        assert.equal(hex(canonical(key.pkcs8)), hex(canonical(pkcs8)), 'our reader gets the same key back');
        if (format.startsWith('pkcs8')) assert.equal(hex(key.pkcs8), hex(pkcs8), 'PKCS#8 round-trips byte for byte');
        if (!isDer) {
          const text = Buffer.from(out).toString('utf8');
          const labelExpected = format === 'pkcs8' ? (password ? 'ENCRYPTED PRIVATE KEY' : 'PRIVATE KEY') : algorithm === 'rsa2048' ? 'RSA PRIVATE KEY' : 'EC PRIVATE KEY';
          assert.ok(text.startsWith(`-----BEGIN ${labelExpected}-----\n`), text.slice(0, 40));
          assert.ok(text.endsWith(`-----END ${labelExpected}-----\n`));
          assert.ok(!text.includes('\r'));
        }
        if (password !== undefined) {
          // A wrong password is refused by OpenSSL and by our reader.
          assert.throws(() => opensslSpkiSha256(file, isDer, password + 'x'));
          await rejectsWith(readBytes(out, { password: password + 'x' }), 'WRONG_PASSWORD');
        }
      });
    }
  }
}

test('encrypted PKCS#8 is PBES2 / PBKDF2 / hmacWithSHA256 / AES-256-CBC with 2048 iterations, 16-byte salt and IV (openssl asn1parse)', async () => {
  const pkcs8 = await pkcs8Of('ec-p-256.pkcs8.pem');
  for (const [format, iterations] of [['pkcs8', undefined], ['pkcs8-der', 10_000]] as const) {
    const out = await writePrivateKey(pkcs8, format, { password: 'secret', iterations });
    const parsed = openssl(['asn1parse', '-in', save(out), ...(format === 'pkcs8-der' ? ['-inform', 'DER'] : [])]).toString('utf8');
    const objects = [...parsed.matchAll(/OBJECT\s+:(\S+)/g)].map((m) => m[1]);
    assert.deepEqual(objects, ['PBES2', 'PBKDF2', 'hmacWithSHA256', 'aes-256-cbc']);
    const count = (iterations ?? DEFAULT_PBKDF2_ITERATIONS).toString(16).toUpperCase().padStart(4, '0');
    assert.match(parsed, new RegExp(`INTEGER\\s+:${count}\\n`));
    const octets = [...parsed.matchAll(/d=(\d+)\s+hl=\d+ l=\s*(\d+) prim: OCTET STRING/g)].map((m) => Number(m[2]));
    assert.deepEqual(octets.slice(0, 2), [16, 16], 'salt and IV');
    // OpenSSL's own description of the scheme agrees.
    const info = openssl(['pkcs8', '-in', save(out), ...(format === 'pkcs8-der' ? ['-inform', 'DER'] : []), '-passin', 'pass:secret', '-traditional', '-out', '/dev/null']);
    assert.equal(info.length, 0);
  }
  // Salt and IV are fresh each time: two writes of one key differ.
  const a = await writePrivateKey(pkcs8, 'pkcs8-der', { password: 'secret' });
  const b = await writePrivateKey(pkcs8, 'pkcs8-der', { password: 'secret' });
  assert.notEqual(hex(a), hex(b));
});

test('encrypted PKCS#1 / SEC 1 carry DEK-Info AES-256-CBC and open with `openssl rsa|ec -passin`', async () => {
  for (const [name, tool] of [['rsa2048.pkcs8.pem', 'rsa'], ['ec-p-384.pkcs8.pem', 'ec']] as const) {
    const pkcs8 = await pkcs8Of(name);
    const password = 'pässwörd-密码';
    const out = Buffer.from(await writePrivateKey(pkcs8, 'pkcs1', { password })).toString('utf8');
    assert.match(out, /^-----BEGIN (RSA|EC) PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-256-CBC,[0-9A-F]{32}\n\n[A-Za-z0-9+/]/);
    const file = save(new TextEncoder().encode(out));
    const checked = spawnSync('openssl', [tool, '-in', file, '-passin', `pass:${password}`, '-check', '-noout'], { encoding: 'utf8', env: { ...process.env, OPENSSL_CONF: '/dev/null' } });
    assert.equal(checked.status, 0, checked.stderr);
    assert.match(checked.stdout + checked.stderr, tool === 'rsa' ? /RSA key ok/ : /EC Key valid/);
    assert.throws(() => openssl([tool, '-in', file, '-passin', 'pass:wrong', '-noout']));
  }
});

test('Ed25519 has no traditional form: UNSUPPORTED_ALGORITHM with a hint to use PKCS#8', async () => {
  const pkcs8 = await pkcs8Of('ed25519.pkcs8.pem');
  for (const format of ['pkcs1', 'pkcs1-der'] as const) {
    const e = await rejectsWith(writePrivateKey(pkcs8, format, {}), 'UNSUPPORTED_ALGORITHM');
    assert.match(e.hint, /PKCS#8/);
  }
});

test('refusals are typed: DER with traditional encryption, an empty passphrase, a bad iteration count, not a key, cancelled', async () => {
  const pkcs8 = await pkcs8Of('rsa2048.pkcs8.pem');
  const der = await rejectsWith(writePrivateKey(pkcs8, 'pkcs1-der', { password: 'x' }), 'INVALID_ARGUMENT');
  assert.match(der.message, /DER keys cannot carry traditional encryption/);
  assert.match(der.hint, /pkcs8-der/);
  for (const format of FORMATS) await rejectsWith(writePrivateKey(pkcs8, format, { password: '' }), 'INVALID_ARGUMENT');
  for (const iterations of [0, -5, 1.5, 1e9]) await rejectsWith(writePrivateKey(pkcs8, 'pkcs8', { password: 'x', iterations }), 'INVALID_ARGUMENT');
  await rejectsWith(writePrivateKey(fixtureBytes('keys', 'rsa2048.pub.der'), 'pkcs8', {}), 'INVALID_ARGUMENT');
  await rejectsWith(writePrivateKey(new Uint8Array([1, 2, 3]), 'pkcs8', {}), 'INVALID_ARGUMENT');
  await rejectsWith(writePrivateKey(pkcs8, 'pkcs8', { password: 'x', signal: AbortSignal.abort() }), 'CANCELLED');
  await rejectsWith(writePrivateKey(pkcs8, 'pkcs1', { password: 'x', signal: AbortSignal.abort() }), 'CANCELLED');
  await rejectsWith(writePrivateKey(pkcs8, 'jks' as KeyOutputFormat, {}), 'INVALID_ARGUMENT');
});

test('plain pkcs8-der is the PrivateKeyInfo itself, byte-equal to `openssl pkcs8 -topk8 -nocrypt -outform DER`', async () => {
  for (const name of KEYS) {
    const pkcs8 = await pkcs8Of(name);
    const out = await writePrivateKey(pkcs8, 'pkcs8-der');
    const peer = openssl(['pkcs8', '-topk8', '-nocrypt', '-in', fixture('keys', name), '-outform', 'DER']);
    assert.equal(hex(out), hex(peer), name);
    // And the SPKI matches what crypto derives (the same check the convert flow uses to pair key and certificate).
    assert.equal(hex(digest('sha256', privateKeyFacts(out).spki)), manifest.keys[name].spkiSha256);
  }
});
