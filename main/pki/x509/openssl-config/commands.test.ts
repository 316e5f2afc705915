/**
 * The equivalent commands, run for real: each command line goes through /bin/sh in a temp dir (with only a
 * passphrase / store password added, so nothing prompts), and what openssl or keytool made is verified by
 * `openssl req -verify` and compared field by field with the form.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import type { CsrSpecDto, EquivalentCommandDto, KeySpecName, SelfSignDto } from '../../../api/dto';
import { parseCertificate } from '../certificate';
import { parseCsr } from '../csr';
import { formSubject, RSA_KEY, sanString } from '../../../../test/helpers/openssl-req-config';
import { equivalentCommands, exportReqConfig, subjectLine } from './index';
import { subjectAltNames as sansWithCn } from '../requested-extensions';

const run = promisify(execFile);

let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'equivalent-commands-'));
});
after(() => rm(dir, { recursive: true, force: true }));

const PASS = 'Commands-Test-1';

/** Runs one command line as a user would paste it, plus what keeps it from prompting. */
async function paste(cmd: EquivalentCommandDto, cwd: string): Promise<void> {
  const extra = cmd.tool === 'openssl' ? ` -passout pass:${PASS}` : ` -storepass ${PASS}`;
  const line = cmd.command + (cmd.tool === 'openssl' && / -key /.test(cmd.command) ? '' : extra);
  try {
    await run('sh', ['-c', line], { cwd, timeout: 60_000 });
  } catch (e) {
    assert.fail(`${line}\n${String((e as { stderr?: string }).stderr ?? e)}`);
  }
}

/** openssl checks the signature; our reader gives the fields. */
async function verifiedCsr(file: string) {
  const { stderr } = await run('openssl', ['req', '-verify', '-noout', '-in', file]);
  assert.match(stderr, /verify OK/i);
  return parseCsr(new Uint8Array(Buffer.from((await readFile(file, 'utf8')).replace(/-----[^-]+-----|\s/g, ''), 'base64')));
}

async function certificate(file: string) {
  await run('openssl', ['x509', '-noout', '-in', file]);
  return parseCertificate(new Uint8Array(Buffer.from((await readFile(file, 'utf8')).replace(/-----[^-]+-----|\s/g, ''), 'base64')));
}

function sameFields(got: { subjectParts: { oid: string; value: string }[]; san: string[]; keyUsage: string[]; extendedKeyUsage: string[] }, spec: CsrSpecDto, keyUsage = spec.keyUsage) {
  assert.deepEqual(got.subjectParts.map((p) => [p.oid, p.value]), formSubject(spec), 'subject');
  assert.deepEqual(got.san, sansWithCn(spec).map(sanString), 'SANs');
  assert.deepEqual([...got.keyUsage].sort(), [...keyUsage].sort(), 'key usage');
  assert.deepEqual(got.extendedKeyUsage, spec.extendedKeyUsage, 'extended key usage');
}

const server: CsrSpecDto = {
  subject: [
    { type: 'C', value: 'US' },
    { type: 'ST', value: 'MN' },
    { type: 'O', value: 'Example, Inc.' },
    { type: 'OU', value: 'Web' },
    { type: 'OU', value: 'Edge' },
    { type: 'CN', value: 'shop.example.com' },
  ],
  san: [
    { type: 'DNS', value: 'www.shop.example.com' },
    { type: 'IP', value: '192.0.2.10' },
  ],
  cnAsSan: true,
  keyUsage: ['digitalSignature', 'keyEncipherment'],
  keyUsageCritical: true,
  extendedKeyUsage: ['serverAuth', 'clientAuth'],
  signatureHash: 'sha256',
};

/** Quotes, dollars, hashes, slashes, backslashes, plus signs, spaces at the ends and non-ASCII: all must survive the shell and both tools. */
const awkward: CsrSpecDto = {
  subject: [
    { type: 'C', value: 'CH' },
    { type: 'L', value: 'Zürich' },
    { type: 'O', value: `Jane's "Café" $HOME #1 a+b` },
    { type: 'OU', value: ' a/b\\c ' },
    { type: 'CN', value: 'jane@example.ch' },
    { type: 'emailAddress', value: 'jane@example.ch' },
  ],
  san: [
    { type: 'email', value: 'jane@example.ch' },
    { type: 'URI', value: 'https://example.ch/u/jane?x=1#top' },
  ],
  cnAsSan: false,
  keyUsage: ['digitalSignature'],
  extendedKeyUsage: ['clientAuth', 'msSmartcardLogin', '1.3.6.1.4.1.55555.1.2'],
  signatureHash: 'sha384',
};

const device: CsrSpecDto = { ...server, subject: [{ type: 'CN', value: 'device-7.example.com' }], san: [] };

type Case = [name: string, spec: CsrSpecDto, key: KeySpecName];

async function runAll(name: string, spec: CsrSpecDto, key: KeySpecName | null, selfSign?: SelfSignDto) {
  const cwd = await mkdtemp(join(dir, name + '-'));
  const commands = equivalentCommands(spec, key, { baseName: name, selfSign });
  for (const c of commands) assert.ok(c.label.length > 10 && !/undefined/.test(c.command), c.command);
  return { cwd, commands };
}

describe('equivalentCommands: the openssl lines, run', () => {
  const cases: Case[] = [
    ['server', server, 'rsa:2048'],
    ['client', awkward, 'ec:P-384'],
    ['device', device, 'ed25519'],
  ];
  for (const [name, spec, key] of cases) {
    it(`makes the key (encrypted) and the same CSR in one step, and with the config file: ${name} (${key})`, async () => {
      const { cwd, commands } = await runAll(name, spec, key);
      const openssl = commands.filter((c) => c.tool === 'openssl');
      assert.equal(openssl.length, 2);
      await paste(openssl[0], cwd);
      assert.match(await readFile(join(cwd, `${name}.key`), 'utf8'), /BEGIN ENCRYPTED PRIVATE KEY/);
      sameFields(await verifiedCsr(join(cwd, `${name}.csr`)), spec);
      await writeFile(join(cwd, `${name}.cnf`), exportReqConfig(spec, key));
      await rm(join(cwd, `${name}.csr`));
      await paste(openssl[1], cwd);
      const csr = await verifiedCsr(join(cwd, `${name}.csr`));
      sameFields(csr, spec);
      if (key !== 'ed25519') assert.match(csr.signatureAlgorithm, new RegExp(spec.signatureHash, 'i'));
    });
  }

  it('makes a self-signed CA certificate with -x509 -days', async () => {
    const selfSign = { days: 400, ca: true, pathLength: 0 };
    const { cwd, commands } = await runAll('lab-ca', server, 'rsa:3072', selfSign);
    await paste(commands[0], cwd);
    const cert = await certificate(join(cwd, 'lab-ca.crt'));
    sameFields(cert, server, [...server.keyUsage, 'keyCertSign', 'cRLSign']);
    assert.equal(cert.isCA, true);
    assert.equal(cert.pathLen, 0);
    assert.equal(Math.round((Date.parse(cert.notAfter!) - Date.parse(cert.notBefore!)) / 86_400_000), 400);
    await writeFile(join(cwd, 'lab-ca.cnf'), exportReqConfig(server, 'rsa:3072', selfSign));
    await paste(commands[1], cwd);
    assert.equal((await certificate(join(cwd, 'lab-ca.crt'))).isCA, true);
  });

  it('uses the key the user has (-key NAME.key) when no new key is asked', async () => {
    const { cwd, commands } = await runAll('reuse', server, null);
    assert.doesNotMatch(commands[0].command, /-newkey/);
    assert.equal(commands.filter((c) => c.tool === 'keytool').length, 0, 'keytool cannot take a PEM key');
    await copyFile(RSA_KEY, join(cwd, 'reuse.key'));
    await paste(commands[0], cwd);
    sameFields(await verifiedCsr(join(cwd, 'reuse.csr')), server);
  });
});

describe('equivalentCommands: the keytool lines, run (Java 17)', () => {
  const cases: Case[] = [
    ['server', server, 'rsa:2048'],
    ['client', awkward, 'ec:P-256'],
    ['device', { ...device, san: [{ type: 'DNS', value: 'device-7.local.example.com' }] }, 'ed25519'],
  ];
  for (const [name, spec, key] of cases) {
    it(`makes the key in a PKCS#12 keystore and a CSR openssl verifies, with the same fields: ${name} (${key})`, async () => {
      const { cwd, commands } = await runAll(name, spec, key);
      const keytool = commands.filter((c) => c.tool === 'keytool');
      assert.deepEqual(keytool.map((c) => c.command.split(' ')[1]), ['-genkeypair', '-certreq']);
      for (const c of keytool) await paste(c, cwd);
      sameFields(await verifiedCsr(join(cwd, `${name}.csr`)), spec);
    });
  }

  it('makes a self-signed end-entity certificate and exports it', async () => {
    const { cwd, commands } = await runAll('selfsigned', server, 'ec:P-256', { days: 30, ca: false });
    const keytool = commands.filter((c) => c.tool === 'keytool');
    assert.deepEqual(keytool.map((c) => c.command.split(' ')[1]), ['-genkeypair', '-exportcert']);
    for (const c of keytool) await paste(c, cwd);
    const cert = await certificate(join(cwd, 'selfsigned.crt'));
    sameFields(cert, server);
    assert.equal(cert.isCA, false);
  });
});

describe('equivalentCommands: every key usage and the common EKUs, through both tools', () => {
  const every: CsrSpecDto = {
    ...device,
    keyUsage: ['digitalSignature', 'nonRepudiation', 'keyEncipherment', 'dataEncipherment', 'keyAgreement', 'keyCertSign', 'cRLSign', 'encipherOnly', 'decipherOnly'],
    extendedKeyUsage: ['serverAuth', 'clientAuth', 'codeSigning', 'emailProtection', 'timeStamping', 'OCSPSigning'],
    signatureHash: 'sha512',
  };
  it('openssl one-step and keytool -certreq ask for the same usages', async () => {
    const { cwd, commands } = await runAll('usages', every, 'rsa:2048');
    await paste(commands[0], cwd);
    sameFields(await verifiedCsr(join(cwd, 'usages.csr')), every);
    await rm(join(cwd, 'usages.csr'));
    for (const c of commands.filter((x) => x.tool === 'keytool')) await paste(c, cwd);
    const csr = await verifiedCsr(join(cwd, 'usages.csr'));
    sameFields(csr, every);
    assert.match(csr.signatureAlgorithm, /sha512/i);
  });
});

describe('equivalentCommands: what an inline list cannot carry', () => {
  it('says so when a SAN holds a comma, and the config-file command still makes the right CSR', async () => {
    const spec: CsrSpecDto = { ...device, san: [{ type: 'URI', value: 'https://example.com/a,b' }] };
    const { cwd, commands } = await runAll('comma', spec, 'ec:P-256');
    assert.match(commands[0].label, /URI:https:\/\/example.com\/a,b holds a comma, which only the config file can carry/);
    assert.match(commands[2].label, /keytool cannot/);
    await writeFile(join(cwd, 'comma.cnf'), exportReqConfig(spec, 'ec:P-256'));
    await paste(commands[1], cwd);
    sameFields(await verifiedCsr(join(cwd, 'comma.csr')), spec);
  });
});

describe('subjectLine', () => {
  it('writes the form order with / + and \\ escaped, as openssl -subj reads it', async () => {
    assert.equal(subjectLine(server), '/C=US/ST=MN/O=Example, Inc./OU=Web/OU=Edge/CN=shop.example.com');
    assert.equal(subjectLine({ ...server, subject: [{ type: 'O', value: 'a/b\\c+d' }, { type: 'UID', value: 'x' }, { type: '2.5.4.13', value: 'd' }] }), '/O=a\\/b\\\\c\\+d/UID=x/description=d');
  });
});
