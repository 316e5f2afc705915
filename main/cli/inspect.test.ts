/** `certbench inspect` per CLI.md: JSON fields, matches across files, exit codes, errors without stack traces. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { cli } from '../../test/helpers/cli-run';
import { fixture, fixtureJson, ROOT } from '../../test/helpers/fixtures';

const manifest = fixtureJson('x509', 'manifest.json');


test('inspect --json: CLI.md fields for a certificate, and the key matched across files', async () => {
  const { code, out } = await cli('inspect', fixture('x509', 'leaf.key'), fixture('x509', 'leaf.pem'), '--json');
  assert.equal(code, 0);
  const json = JSON.parse(out);
  assert.equal(json.files.length, 2);
  const [keyFile, certFile] = json.files;
  assert.equal(keyFile.format, 'pkcs8');
  assert.equal(certFile.format, 'pem');
  const cert = certFile.objects[0];
  for (const field of ['kind', 'alias', 'subject', 'issuer', 'serial', 'notBefore', 'notAfter', 'sha256', 'sha1', 'spkiSha256', 'keyAlgorithm', 'keySize', 'curve', 'signatureAlgorithm', 'san', 'isCA', 'pathLen', 'keyUsage', 'extendedKeyUsage', 'selfSigned']) {
    assert.ok(field in cert, `certificate lacks ${field}`);
  }
  assert.equal(cert.sha256, manifest['leaf.pem'].sha256);
  const key = keyFile.objects[0];
  assert.deepEqual(Object.keys(key).slice(0, 8), ['kind', 'alias', 'keyAlgorithm', 'keySize', 'curve', 'encrypted', 'spkiSha256', 'matches']);
  assert.deepEqual(key.matches, [manifest['leaf.pem'].sha256]);
  assert.equal(key.encrypted, false);
});

test('inspect: a file that fails is reported with {code, message, hint}, and the exit code is 2', async () => {
  const { code, out } = await cli('inspect', fixture('x509', 'leaf.pem'), join(ROOT, 'package.json'), '--json');
  assert.equal(code, 2);
  const json = JSON.parse(out);
  assert.equal(json.files[0].objects.length, 1);
  assert.equal(json.files[1].error.code, 'UNRECOGNIZED_FORMAT');
  assert.ok(json.files[1].error.hint);
});

test('inspect: human output names the certificate and its expiry', async () => {
  const { code, out } = await cli('inspect', fixture('x509', 'chain.pem'));
  assert.equal(code, 0);
  assert.match(out, /Certificate: CN=www\.example\.test/);
  assert.match(out, /valid +\S+ → \S+ \((expires in \d+ days|EXPIRED \d+ days ago)\)/);
  assert.match(out, /SAN +DNS:www\.example\.test/);
});

test('usage errors: unknown command, unknown option, no file → exit 2 with a hint', async () => {
  for (const argv of [['frobnicate'], ['inspect', '--bogus', 'x'], ['inspect'], ['inspect', '--password']]) {
    const { code, err } = await cli(...argv);
    assert.equal(code, 2, argv.join(' '));
    assert.match(err, /hint: /);
  }
});

test('the built CLI process: exit codes, JSON only on stdout, no stack trace', () => {
  const bin = join(ROOT, 'dist', 'main', 'cli.js');
  assert.ok(existsSync(bin), 'dist/main/cli.js is built before the unit tests');
  const ok = spawnSync(process.execPath, [bin, 'inspect', fixture('x509', 'chain.p7b'), '--json'], { encoding: 'utf8' });
  assert.equal(ok.status, 0);
  assert.equal(JSON.parse(ok.stdout).files[0].objects.length, 3);
  const bad = spawnSync(process.execPath, [bin, 'inspect', '/nonexistent/file.pfx', '--json'], { encoding: 'utf8' });
  assert.equal(bad.status, 2);
  assert.equal(JSON.parse(bad.stdout).files[0].error.code, 'NOT_FOUND');
  assert.doesNotMatch(bad.stdout + bad.stderr, /at .+\.js:\d+/);
});

test('a reader that stops early (| head): the built CLI stops quietly, exit 0, no stack trace', () => {
  const bin = join(ROOT, 'dist', 'main', 'cli.js');
  assert.ok(existsSync(bin), 'dist/main/cli.js is built before the unit tests');
  // 400 certificates print far more than one pipe buffer; `head -c 100` closes the pipe after the first line.
  const bundle = fixture('x509', 'chain.pem');
  const args = Array.from({ length: 400 }, () => bundle).map((f) => `'${f}'`).join(' ');
  const piped = spawnSync('bash', ['-c', `set -o pipefail; '${process.execPath}' '${bin}' inspect ${args} | head -c 100 >/dev/null`], { encoding: 'utf8' });
  assert.equal(piped.status, 0, piped.stderr);
  assert.equal(piped.stderr, '');
});
