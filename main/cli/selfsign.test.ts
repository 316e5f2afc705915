/** `certbench selfsign`: the csr flags plus --days and --ca; the certificate verified by openssl, the key its own. */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { cli } from '../../test/helpers/cli-run';
import { openssl } from '../../test/helpers/openssl-ca';

const tempDir = () => mkdtempSync(join(tmpdir(), 'cli-selfsign-'));
const days = (cert: string) => {
  const text = openssl(['x509', '-in', cert, '-noout', '-dates']);
  return Math.round((Date.parse(/notAfter=(.+)/.exec(text)![1]) - Date.parse(/notBefore=(.+)/.exec(text)![1])) / 86_400_000);
};

test('selfsign: an end-entity certificate openssl verifies (signature checked), 365 days by default, key encrypted and 0600', async () => {
  const dir = tempDir();
  const out = join(dir, 'lab.crt');
  const r = await cli('selfsign', '--cn', 'lab.example.com', '--san', 'DNS:lab.example.com', '--key', 'ec:P-256', '--out', out, '--key-password', 'lab pass', '--json');
  assert.equal(r.code, 0, r.out + r.err);
  assert.deepEqual(JSON.parse(r.out).written.map((w: { path: string; format: string }) => [w.path, w.format]), [
    [join(dir, 'lab.key'), 'pkcs8'],
    [out, 'pem'],
  ]);
  assert.match(openssl(['verify', '-check_ss_sig', '-CAfile', out, out]), /OK/);
  assert.equal(days(out), 365);
  const text = openssl(['x509', '-in', out, '-noout', '-text']);
  assert.match(text, /Subject: CN\s?=\s?lab\.example\.com/);
  assert.match(text, /Issuer: CN\s?=\s?lab\.example\.com/);
  assert.match(text, /DNS:lab\.example\.com/);
  assert.doesNotMatch(text, /CA:TRUE/);
  assert.equal(statSync(join(dir, 'lab.key')).mode & 0o777, 0o600);
  assert.equal(openssl(['pkey', '-in', join(dir, 'lab.key'), '-passin', 'pass:lab pass', '-pubout']), openssl(['x509', '-in', out, '-noout', '-pubkey']));
});

test('selfsign --ca --days 3650: a CA certificate that verifies a certificate openssl issues with it', async () => {
  const dir = tempDir();
  const ca = join(dir, 'ca.crt');
  const r = await cli('selfsign', '--subject', '/O=Lab/CN=Lab Root', '--no-cn-san', '--ca', '--days', '3650', '--key', 'rsa:2048', '--out', ca, '--no-key-encryption');
  assert.equal(r.code, 0, r.err);
  assert.equal(days(ca), 3650);
  assert.match(openssl(['x509', '-in', ca, '-noout', '-text']), /CA:TRUE/);
  const leafKey = join(dir, 'leaf.key');
  const leafCsr = join(dir, 'leaf.csr');
  const leaf = join(dir, 'leaf.crt');
  openssl(['req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', leafKey, '-out', leafCsr, '-subj', '/CN=svc.lab.example']);
  openssl(['x509', '-req', '-in', leafCsr, '-CA', ca, '-CAkey', join(dir, 'ca.key'), '-CAcreateserial', '-out', leaf, '-days', '30']);
  assert.match(openssl(['verify', '-CAfile', ca, leaf]), /OK/);
});

test('selfsign bad input: --days 0, --days soon, --path-length without --ca: exit 2, nothing written', async () => {
  const dir = tempDir();
  for (const flags of [['--days', '0'], ['--days', 'soon'], ['--path-length', '1'], ['--c', 'USA']]) {
    const r = await cli('selfsign', '--cn', 'lab.example.com', ...flags, '--out', join(dir, 'x.crt'), '--no-key-encryption');
    assert.equal(r.code, 2, flags.join(' '));
    assert.match(r.err, /hint: /);
  }
  assert.deepEqual(readdirSync(dir), []);
});
