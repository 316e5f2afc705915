/**
 * `certbench csr` per CLI.md: the CSR and key read back by openssl, --config compared with `openssl req -config`
 * on the same file, passwords, EXISTS, --key-file, and bad input (exit 2, a clear error, no file written).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { cli } from '../../test/helpers/cli-run';
import { ROOT } from '../../test/helpers/fixtures';
import { openssl } from '../../test/helpers/openssl-ca';
import { opensslExtensions } from '../../test/helpers/openssl-extensions';
import { BUILT_IN_TEMPLATES } from '../pki/x509/openssl-config';
import { CsrTemplateStore } from '../workbench/csr-templates-store';

const tempDir = () => mkdtempSync(join(tmpdir(), 'cli-csr-'));
// --template also finds the user's own templates in the data folder: a fresh one, never the machine's.
const DATA_DIR = tempDir();
process.env.CERTBENCH_DATA_DIR = DATA_DIR;
const pubkey = (args: string[]) => openssl([...args, '-pubout']);
const requestText = (csr: string) => openssl(['req', '-in', csr, '-verify', '-noout', '-text']);
const subjectOf = (csr: string) => openssl(['req', '-in', csr, '-noout', '-subject', '-nameopt', 'RFC2253']).trim();

test('csr --json: a CSR openssl verifies, with the subject in conventional order and the SANs, and an encrypted 0600 key for it', async () => {
  const dir = tempDir();
  const out = join(dir, 'host.csr');
  const { code, out: stdout, err } = await cli('csr', '--cn', 'host.example.com', '--o', 'Example', '--c', 'US', '--st', 'MN', '--san', 'DNS:www.example.com', '--san', 'IP:192.0.2.7', '--key', 'ec:P-256', '--out', out, '--key-password', 'secret pass', '--json');
  assert.equal(code, 0, stdout + err);
  const json = JSON.parse(stdout);
  assert.deepEqual(json.written.map((w: { path: string; format: string; objects: number }) => [w.path, w.format, w.objects]), [
    [out, 'pem', 1],
    [join(dir, 'host.key'), 'pkcs8', 1],
  ]);
  assert.ok(Array.isArray(json.problems) && Array.isArray(json.commands));
  assert.equal(statSync(join(dir, 'host.key')).mode & 0o777, 0o600);
  assert.equal(subjectOf(out), 'subject=CN=host.example.com,O=Example,ST=MN,C=US');
  const text = requestText(out);
  assert.match(text, /DNS:www\.example\.com/);
  assert.match(text, /IP Address:192\.0\.2\.7/);
  assert.match(text, /DNS:host\.example\.com/, 'the CN is added as a SAN by default');
  assert.match(readFileSync(join(dir, 'host.key'), 'utf8'), /^-----BEGIN ENCRYPTED PRIVATE KEY-----/);
  assert.equal(pubkey(['pkey', '-in', join(dir, 'host.key'), '-passin', 'pass:secret pass']), openssl(['req', '-in', out, '-noout', '-pubkey']));
});

test('csr --config FILE gives the same subject and extensions as openssl req -config on the same file; flags override it', async () => {
  const dir = tempDir();
  const config = join(dir, 'csr_settings.txt');
  writeFileSync(
    config,
    [
      '[ req ]',
      'prompt = no',
      'distinguished_name = dn',
      'req_extensions = ext',
      '',
      '[ dn ]',
      'C = US',
      'ST = Minnesota',
      'L = Eden Prairie',
      'O = Example',
      'OU = Support',
      'CN = portal.example.com',
      '',
      '[ ext ]',
      'keyUsage = critical, digitalSignature, keyEncipherment',
      'extendedKeyUsage = serverAuth',
      'subjectAltName = @alt_names',
      '',
      '[ alt_names ]',
      'DNS.1 = portal.example.com',
      'DNS.2 = www.portal.example.com',
      'IP.1 = 192.0.2.44',
      '',
    ].join('\n'),
  );
  const ours = join(dir, 'ours.csr');
  const { code, err } = await cli('csr', '--config', config, '--key', 'rsa:2048', '--out', ours, '--no-key-encryption');
  assert.equal(code, 0, err);
  const key = join(dir, 'ours.key');
  const theirs = join(dir, 'theirs.csr');
  openssl(['req', '-new', '-config', config, '-key', key, '-out', theirs]);
  assert.equal(subjectOf(ours), subjectOf(theirs));
  // Same extensions, same criticality, same values; the order is the writer's (openssl keeps the config's).
  const extensions = (csr: string) => opensslExtensions(requestText(csr), 'Requested Extensions').sort((a, b) => a.name.localeCompare(b.name));
  assert.deepEqual(extensions(ours), extensions(theirs));
  assert.equal(extensions(ours).length, 3);

  const override = join(dir, 'override.csr');
  const r = await cli('csr', '--config', config, '--cn', 'other.example.com', '--san', 'DNS:other.example.com', '--out', override, '--no-key-encryption', '--key', 'ec:P-256');
  assert.equal(r.code, 0, r.err);
  assert.match(subjectOf(override), /^subject=CN=other\.example\.com,OU=Support,/);
  assert.doesNotMatch(requestText(override), /portal/);
});

test('--subject as openssl -subj takes it, --cn overriding its CN; --traditional-key writes DEK-Info; --show-commands prints the commands', async () => {
  const dir = tempDir();
  const out = join(dir, 's.csr');
  const r = await cli('csr', '--subject', '/C=US/O=Slash\\/Org/CN=old.example.com', '--cn', 'new.example.com', '--key', 'rsa:2048', '--out', out, '--key-password', 'pw', '--traditional-key', '--show-commands');
  assert.equal(r.code, 0, r.err);
  assert.equal(subjectOf(out), 'subject=CN=new.example.com,O=Slash/Org,C=US');
  const key = readFileSync(join(dir, 's.key'), 'utf8');
  assert.match(key, /^-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-256-CBC,/);
  assert.equal(pubkey(['pkey', '-in', join(dir, 's.key'), '-passin', 'pass:pw']), openssl(['req', '-in', out, '-noout', '-pubkey']));
  assert.match(r.out, /wrote .*s\.csr/);
  assert.match(r.out, /openssl req /);
});

test('a key is encrypted unless asked: without --key-password or --no-key-encryption, exit 2 and nothing written', async () => {
  const dir = tempDir();
  const r = await cli('csr', '--cn', 'host.example.com', '--out', join(dir, 'x.csr'));
  assert.equal(r.code, 2);
  assert.match(r.err, /a key is written encrypted: give --key-password or --no-key-encryption/i);
  assert.deepEqual(readdirSync(dir), []);

  process.env.CSR_TEST_KEY_PASSWORD = 'from env';
  const env = await cli('csr', '--cn', 'host.example.com', '--key', 'ec:P-256', '--out', join(dir, 'env.csr'), '--key-password-env', 'CSR_TEST_KEY_PASSWORD');
  assert.equal(env.code, 0, env.err);
  openssl(['pkey', '-in', join(dir, 'env.key'), '-passin', 'pass:from env', '-noout']);

  const plain = await cli('csr', '--cn', 'host.example.com', '--key', 'ec:P-256', '--out', join(dir, 'plain.csr'), '--no-key-encryption', '--key-out', join(dir, 'plain-key.pem'));
  assert.equal(plain.code, 0, plain.err);
  assert.match(readFileSync(join(dir, 'plain-key.pem'), 'utf8'), /^-----BEGIN PRIVATE KEY-----/);
});

test('bad input: exit 2, a clear error with a hint, no file written', async () => {
  const dir = tempDir();
  const badConfig = join(dir, 'bad.cnf');
  writeFileSync(badConfig, 'this is not [ an openssl config\n= = =\n');
  const cases: [string[], RegExp][] = [
    [['--cn', 'host.example.com', '--c', 'USA'], /countr/i],
    [['--cn', ''], /empty|common name|CN/i],
    [['--cn', 'host.example.com', '--san', 'IP:1.2.3'], /1\.2\.3/],
    [['--config', badConfig], /bad\.cnf/],
    [['--config', join(dir, 'missing.cnf')], /missing\.cnf/],
    [['--cn', 'host.example.com', '--san', 'nohost'], /has no type/],
    [['--cn', 'host.example.com', '--key', 'rsa:1024'], /not a key Certbench makes/],
    [['--cn', 'host.example.com', '--key-usage', 'signEverything'], /not a key usage/],
  ];
  for (const [flags, message] of cases) {
    const r = await cli('csr', ...flags, '--out', join(dir, 'x.csr'), '--key-password', 'pw');
    assert.equal(r.code, 2, flags.join(' '));
    assert.match(r.err, message, flags.join(' '));
    assert.match(r.err, /hint: /);
    assert.doesNotMatch(r.err, /at .+\.ts:\d+/);
    const json = await cli('csr', ...flags, '--out', join(dir, 'x.csr'), '--key-password', 'pw', '--json');
    assert.equal(json.code, 2);
    assert.ok(JSON.parse(json.out).error.code, flags.join(' '));
  }
  assert.deepEqual(readdirSync(dir).sort(), ['bad.cnf']);
});

test('EXISTS without --force (before any key is made), replaced with --force', async () => {
  const dir = tempDir();
  const out = join(dir, 'h.csr');
  const args = ['csr', '--cn', 'host.example.com', '--key', 'ec:P-256', '--out', out, '--no-key-encryption'];
  assert.equal((await cli(...args)).code, 0);
  const before = readFileSync(out);
  const again = await cli(...args);
  assert.equal(again.code, 2);
  assert.match(again.err, /already exist/);
  assert.match(again.err, /EXISTS/);
  assert.deepEqual(readFileSync(out), before);
  assert.equal((await cli(...args, '--force')).code, 0);
  assert.notDeepEqual(readFileSync(out), before);
});

test('--key-file: an existing encrypted key (opened with --password) signs the CSR, and no key file is written', async () => {
  const dir = tempDir();
  const key = join(dir, 'existing.key');
  openssl(['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-aes-256-cbc', '-pass', 'pass:old key', '-out', key]);
  const out = join(dir, 'renew.csr');
  const locked = await cli('csr', '--cn', 'renew.example.com', '--key-file', key, '--out', out);
  assert.equal(locked.code, 2);
  assert.match(locked.err, /--password/);
  const r = await cli('csr', '--cn', 'renew.example.com', '--key-file', key, '--password', 'old key', '--out', out, '--json');
  assert.equal(r.code, 0, r.out);
  assert.deepEqual(JSON.parse(r.out).written.map((w: { path: string }) => w.path), [out]);
  assert.equal(openssl(['req', '-in', out, '-verify', '-noout', '-pubkey']), pubkey(['pkey', '-in', key, '-passin', 'pass:old key']));
  assert.deepEqual(readdirSync(dir).sort(), ['existing.key', 'renew.csr']);
});

test('--template by the id of a template the user saved, or by built-in name (the client template makes a clientAuth CSR)', async () => {
  const dir = tempDir();
  await new CsrTemplateStore(DATA_DIR).save({ name: 'Intranet', spec: { subject: [{ type: 'O', value: 'Intranet Org' }, { type: 'CN', value: 'intra.example.com' }], san: [], cnAsSan: true, keyUsage: [], extendedKeyUsage: ['serverAuth'], signatureHash: 'sha384' }, key: 'ec:P-384' });
  const mine = join(dir, 'mine.csr');
  const saved = await cli('csr', '--template', 'user:intranet', '--out', mine, '--no-key-encryption');
  assert.equal(saved.code, 0, saved.err);
  const text = requestText(mine);
  assert.match(text, /Subject: O\s?=\s?Intranet Org, CN\s?=\s?intra\.example\.com/);
  assert.match(text, /ecdsa-with-SHA384/);
  assert.match(text, /NIST CURVE: P-384/);
  const unknown = await cli('csr', '--template', 'no such template', '--cn', 'x.example.com', '--out', join(dir, 'u.csr'), '--no-key-encryption');
  assert.equal(unknown.code, 2);
  assert.match(unknown.err, /There is no template "no such template"/);

  const client = BUILT_IN_TEMPLATES.find((t) => t.purpose === 'client');
  assert.ok(client, 'a built-in template for mutual TLS clients');
  const out = join(dir, 'client.csr');
  const r = await cli('csr', '--template', client.name, '--cn', 'api-user-42', '--o', 'Example', '--key', 'ec:P-256', '--out', out, '--no-key-encryption');
  assert.equal(r.code, 0, r.err);
  assert.match(requestText(out), /TLS Web Client Authentication/);
});

test('warnings do not stop the CSR: an Ed25519 key is made, warned about, exit 0', async () => {
  const dir = tempDir();
  const out = join(dir, 'ed.csr');
  const r = await cli('csr', '--cn', 'ed.example.com', '--key', 'ed25519', '--out', out, '--no-key-encryption', '--json');
  assert.equal(r.code, 0, r.out);
  const problems = JSON.parse(r.out).problems as { severity: string; message: string }[];
  assert.ok(problems.some((p) => p.severity === 'warning' && /Ed25519/i.test(p.message)), JSON.stringify(problems));
  openssl(['req', '-in', out, '-verify', '-noout']);
  const human = await cli('csr', '--cn', 'ed.example.com', '--key', 'ed25519', '--out', join(dir, 'ed2.csr'), '--no-key-encryption');
  assert.match(human.err, /^warning: .*Ed25519/im);
});

test('the built CLI process: csr --json, exit 0, openssl verifies; bad input exits 2 without a stack trace', () => {
  const bin = join(ROOT, 'dist', 'main', 'cli.js');
  assert.ok(existsSync(bin), 'dist/main/cli.js is built before the unit tests');
  const dir = tempDir();
  const out = join(dir, 'p.csr');
  const ok = spawnSync(process.execPath, [bin, 'csr', '--cn', 'proc.example.com', '--key', 'ec:P-384', '--out', out, '--key-password', 'pw', '--json'], { encoding: 'utf8' });
  assert.equal(ok.status, 0, ok.stderr);
  assert.equal(JSON.parse(ok.stdout).written.length, 2);
  openssl(['req', '-in', out, '-verify', '-noout']);
  const bad = spawnSync(process.execPath, [bin, 'csr', '--cn', 'proc.example.com', '--c', 'USA', '--out', join(dir, 'bad.csr'), '--key-password', 'pw', '--json'], { encoding: 'utf8' });
  assert.equal(bad.status, 2);
  assert.equal(JSON.parse(bad.stdout).error.code, 'INVALID_ARGUMENT');
  assert.doesNotMatch(bad.stdout + bad.stderr, /at .+\.js:\d+/);
  assert.ok(!existsSync(join(dir, 'bad.csr')));
});
