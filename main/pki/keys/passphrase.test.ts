/** Add, change and remove a key passphrase; OpenSSL opens every result with the new passphrase only. */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fixtureBytes, fixtureJson } from '../../../test/helpers/fixtures';
import { rejectsWith } from '../../../test/helpers/pki-errors';
import { digest } from '../crypto';
import { changeKeyPassphrase } from './passphrase';

const dir = mkdtempSync(join(tmpdir(), 'passphrase-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const manifest = fixtureJson<{ password: string; keys: Record<string, { spkiSha256: string }> }>('keys', 'manifest.json');
const OLD = manifest.password;
const NEW = 'n3w-pässwörd-🔑';

/** SHA-256 of the SPKI OpenSSL derives, opening the key with `password` (or none). Throws when OpenSSL refuses. */
function opensslSpki(bytes: Uint8Array, der: boolean, password: string | undefined): string {
  const file = join(dir, `k-${Math.random().toString(36).slice(2)}`);
  writeFileSync(file, bytes);
  const args = ['pkey', '-in', file, '-pubout', '-outform', 'DER', '-passin', `pass:${password ?? 'none-given'}`, ...(der ? ['-inform', 'DER'] : [])];
  return Buffer.from(digest('sha256', execFileSync('openssl', args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, OPENSSL_CONF: '/dev/null' } }))).toString('hex');
}

const CASES = [
  { file: 'rsa2048.pkcs1.aes256.pem', old: OLD, next: NEW, format: 'pkcs1', header: /^-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-256-CBC,/ },
  { file: 'ec-p-256.sec1.pem', old: undefined, next: NEW, format: 'pkcs1', header: /^-----BEGIN EC PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-256-CBC,/ },
  { file: 'ed25519.pkcs8.aes256.pem', old: OLD, next: NEW, format: 'pkcs8', header: /^-----BEGIN ENCRYPTED PRIVATE KEY-----\n/ },
  { file: 'rsa2048.pkcs8.aes256.der', old: OLD, next: null, format: 'pkcs8-der', header: null },
  { file: 'rsa2048.pkcs8.der', old: undefined, next: NEW, format: 'pkcs8-der', header: null },
  { file: 'ec-p-384.sec1.aes256.pem', old: OLD, next: null, format: 'pkcs1', header: /^-----BEGIN EC PRIVATE KEY-----\n[A-Za-z0-9+/]/ },
] as const;

for (const c of CASES) {
  const what = c.old === undefined ? 'add' : c.next === null ? 'remove' : 'change';
  test(`${what} the passphrase of ${c.file}: same form (${c.format}), same key, only the new passphrase opens it`, async () => {
    const r = await changeKeyPassphrase(fixtureBytes('keys', c.file), { oldPassword: c.old, newPassword: c.next });
    assert.equal(r.format, c.format);
    const der = c.format.endsWith('-der');
    if (c.header) assert.match(Buffer.from(r.bytes).toString('utf8'), c.header);
    assert.equal(opensslSpki(r.bytes, der, c.next ?? undefined), manifest.keys[c.file].spkiSha256);
    if (c.next !== null) {
      assert.throws(() => opensslSpki(r.bytes, der, c.old ?? 'wrong'), 'the old passphrase no longer opens it');
      assert.deepEqual(r.warnings, []);
    } else {
      assert.match(r.warnings[0], /without a passphrase/);
    }
  });
}

test('a key from a PFX becomes an encrypted PKCS#8 PEM; a combined PEM says what it does not carry', async () => {
  const pfx = fixtureJson<{ files: Record<string, { password: string; keys: string[] }> }>('pkcs12', 'manifest.json').files['modern-ec.pfx'];
  const fromPfx = await changeKeyPassphrase(fixtureBytes('pkcs12', 'modern-ec.pfx'), { oldPassword: pfx.password, newPassword: NEW });
  assert.equal(fromPfx.format, 'pkcs8');
  assert.equal(opensslSpki(fromPfx.bytes, false, NEW), pfx.keys[0]);
  assert.match(fromPfx.warnings.join('\n'), /3 other objects/);
  const combined = await changeKeyPassphrase(fixtureBytes('x509', 'leaf-with-key.pem'), { newPassword: NEW, format: 'pkcs8-der' });
  assert.equal(combined.format, 'pkcs8-der');
  assert.match(combined.warnings[0], /1 other object \(certificates/);
});

test('refusals: wrong or missing old passphrase, no key, traditional DER with a passphrase', async () => {
  await rejectsWith(changeKeyPassphrase(fixtureBytes('keys', 'rsa2048.pkcs1.aes256.pem'), { oldPassword: 'wrong', newPassword: NEW }), 'WRONG_PASSWORD');
  await rejectsWith(changeKeyPassphrase(fixtureBytes('keys', 'rsa2048.pkcs1.aes256.pem'), { newPassword: NEW }), 'PASSWORD_REQUIRED');
  const none = await rejectsWith(changeKeyPassphrase(fixtureBytes('x509', 'root.pem'), { newPassword: NEW }), 'INVALID_ARGUMENT');
  assert.match(none.message, /holds no private key/);
  const der = await rejectsWith(changeKeyPassphrase(fixtureBytes('keys', 'ec-p-256.sec1.der'), { newPassword: NEW }), 'INVALID_ARGUMENT');
  assert.match(der.hint, /pkcs8-der/);
  const asked = await changeKeyPassphrase(fixtureBytes('keys', 'ec-p-256.sec1.der'), { newPassword: NEW, format: 'pkcs8-der' });
  assert.equal(opensslSpki(asked.bytes, true, NEW), manifest.keys['ec-p-256.sec1.der'].spkiSha256);
});
