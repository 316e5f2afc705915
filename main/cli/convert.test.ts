/** `certbench convert` per CLI.md: formats, profiles, EXISTS without --force, 0600 keys, --json, typed errors. */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { cli } from '../../test/helpers/cli-run';
import { fixture, fixtureJson, ROOT } from '../../test/helpers/fixtures';
import { keytoolView, opensslView } from '../../test/helpers/peer-view';

const x509 = fixtureJson('x509', 'manifest.json');
const PFX = join(ROOT, 'e2e', 'fixtures', 'server.pfx');
const PFX_PASSWORD = 'correct horse';


const tempDir = () => mkdtempSync(join(tmpdir(), 'cli-convert-'));

test('convert --to pfx --json: CLI.md output; modern and legacy profiles read by openssl (legacy only with -legacy)', async () => {
  const dir = tempDir();
  const inputs = [fixture('x509', 'leaf.key'), fixture('x509', 'leaf.pem'), fixture('x509', 'inter.pem')];
  for (const profile of ['modern', 'legacy'] as const) {
    const out = join(dir, `${profile}.pfx`);
    const { code, out: stdout } = await cli('convert', ...inputs, '--to', 'pfx', '--profile', profile, '--out', out, '--out-password', 'pw-123456', '--alias', 'www', '--json');
    assert.equal(code, 0, stdout);
    const json = JSON.parse(stdout);
    assert.deepEqual(json.written.map((w: { path: string; format: string; objects: number }) => [w.path, w.format, w.objects]), [[out, 'pfx', 3]]);
    assert.equal(statSync(out).mode & 0o777, 0o600);
    const info = spawnSync('openssl', ['pkcs12', '-info', '-noout', '-in', out, '-passin', 'pass:pw-123456', ...(profile === 'legacy' ? ['-legacy'] : [])], { encoding: 'utf8' });
    assert.equal(info.status, 0, info.stderr);
    assert.match(info.stderr, profile === 'modern' ? /MAC: sha256/ : /MAC: sha1/);
    assert.match(info.stderr, profile === 'modern' ? /PBES2, PBKDF2, AES-256-CBC/ : /pbeWithSHA1And40BitRC2-CBC/);
    const view = await opensslView(out, { password: 'pw-123456', legacy: profile === 'legacy' });
    assert.deepEqual(view.keySpkis, [x509['leaf.key'].spkiSha256]);
    assert.deepEqual([...view.certs].sort(), [x509['leaf.pem'].sha256, x509['inter.pem'].sha256].sort());
  }
  // OpenSSL 3 without -legacy refuses RC2-40: the reason the legacy profile exists.
  assert.throws(() => execFileSync('openssl', ['pkcs12', '-info', '-noout', '-in', join(dir, 'legacy.pfx'), '-passin', 'pass:pw-123456'], { stdio: 'pipe' }));
});

test('convert refuses to overwrite without --force (EXISTS, exit 2, file untouched), replaces with --force', async () => {
  const dir = tempDir();
  const out = join(dir, 'leaf.cer');
  writeFileSync(out, 'keep me');
  const refused = await cli('convert', fixture('x509', 'leaf.pem'), '--to', 'der', '--out', out, '--json');
  assert.equal(refused.code, 2);
  assert.equal(JSON.parse(refused.out).error.code, 'EXISTS');
  assert.equal(readFileSync(out, 'utf8'), 'keep me');
  assert.deepEqual(readdirSync(dir), ['leaf.cer'], 'no temporary file left behind');
  const forced = await cli('convert', fixture('x509', 'leaf.pem'), '--to', 'der', '--out', out, '--force');
  assert.equal(forced.code, 0, forced.err);
  assert.deepEqual((await opensslView(out)).certs, [x509['leaf.pem'].sha256]);
});

test('an unencrypted key only with --no-key-encryption; then mode 0600 and openssl reads it without a passphrase', async () => {
  const dir = tempDir();
  const out = join(dir, 'key.pem');
  const refused = await cli('convert', PFX, '--password', PFX_PASSWORD, '--to', 'pkcs8', '--out', out, '--json');
  assert.equal(refused.code, 2);
  assert.equal(JSON.parse(refused.out).error.code, 'INVALID_ARGUMENT');
  assert.match(JSON.parse(refused.out).error.hint, /--no-key-encryption/);
  const plain = await cli('convert', PFX, '--password', PFX_PASSWORD, '--to', 'pkcs8', '--out', out, '--no-key-encryption');
  assert.equal(plain.code, 0, plain.err);
  assert.match(readFileSync(out, 'utf8'), /^-----BEGIN PRIVATE KEY-----/);
  assert.equal(statSync(out).mode & 0o777, 0o600);
  execFileSync('openssl', ['pkey', '-in', out, '-noout'], { stdio: 'pipe' });
});

test('a PFX split into cert, CA and key: --to pem --key-out, and the certbot set into a folder', async () => {
  const dir = tempDir();
  const split = await cli('convert', PFX, '--password', PFX_PASSWORD, '--to', 'pem', '--out', join(dir, 'certs.pem'), '--key-out', join(dir, 'key.pem'), '--include-root', '--out-password', 'key-pass-1');
  assert.equal(split.code, 0, split.err);
  const certs = await opensslView(join(dir, 'certs.pem'));
  const key = await opensslView(join(dir, 'key.pem'), { password: 'key-pass-1' });
  assert.equal(certs.certs.length, 2, 'leaf and root');
  assert.deepEqual(certs.keySpkis, [], 'no key in the certificate file');
  assert.equal(key.keySpkis.length, 1);
  assert.match(readFileSync(join(dir, 'key.pem'), 'utf8'), /^-----BEGIN ENCRYPTED PRIVATE KEY-----/);

  const set = join(dir, 'live');
  execFileSync('mkdir', [set]);
  const certbot = await cli('convert', PFX, '--password', PFX_PASSWORD, '--to', 'certbot', '--out', set, '--no-key-encryption');
  assert.equal(certbot.code, 0, certbot.err);
  assert.deepEqual(readdirSync(set).sort(), ['cert.pem', 'fullchain.pem', 'privkey.pem']);
  assert.equal(statSync(join(set, 'privkey.pem')).mode & 0o777, 0o600);
});

test('convert --to jks: keytool lists the key entry with its chain; a short password is refused before writing', async () => {
  const dir = tempDir();
  const out = join(dir, 'server.jks');
  const short = await cli('convert', PFX, '--password', PFX_PASSWORD, '--to', 'jks', '--out', out, '--out-password', '12345', '--json');
  assert.equal(short.code, 2);
  assert.match(JSON.parse(short.out).error.message, /at least 6 characters/);
  assert.deepEqual(readdirSync(dir), []);
  const ok = await cli('convert', PFX, '--password', PFX_PASSWORD, '--to', 'jks', '--out', out, '--out-password', 'changeit', '--alias', 'tomcat');
  assert.equal(ok.code, 0, ok.err);
  const entries = await keytoolView(out, 'JKS', 'changeit');
  assert.equal(entries.length, 1);
  assert.equal(entries[0].type, 'PrivateKeyEntry');
  assert.equal(entries[0].certs.length, 2);
});

test('bad input: wrong password, nothing to write, unknown format: typed errors, exit 2, nothing written', async () => {
  const dir = tempDir();
  const wrong = await cli('convert', PFX, '--password', 'nope', '--to', 'pem', '--out', join(dir, 'x.pem'), '--json');
  assert.equal(wrong.code, 2);
  assert.equal(JSON.parse(wrong.out).error.code, 'WRONG_PASSWORD');
  const noKey = await cli('convert', fixture('x509', 'leaf.pem'), '--to', 'pkcs8', '--out', join(dir, 'k.pem'), '--json');
  assert.equal(noKey.code, 2);
  assert.match(JSON.parse(noKey.out).error.message, /no private key/);
  const unknown = await cli('convert', fixture('x509', 'leaf.pem'), '--to', 'bmp', '--out', join(dir, 'x'), '--json');
  assert.equal(unknown.code, 2);
  assert.equal(JSON.parse(unknown.out).error.code, 'INVALID_ARGUMENT');
  assert.deepEqual(readdirSync(dir), []);
});
