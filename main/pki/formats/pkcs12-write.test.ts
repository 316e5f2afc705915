/**
 * The PKCS#12 writer against its peers: every file is read by `openssl pkcs12 -info` (the profile's
 * algorithms, MAC verified, names, the key matching its leaf), by keytool and by Java's KeyStore
 * (test/java/KeystoreProbe.java), and by our own reader. Then bad input, cancellation and progress.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, describe, it } from 'node:test';
import { ROOT, fixture, fixtureJson } from '../../../test/helpers/fixtures';
import { probeKeystore } from '../../../test/helpers/java-probe';
import { rejectsWith } from '../../../test/helpers/pki-errors';
import { digest } from '../crypto';
import { readBytes } from '../read';
import type { KeystoreModel, KeyPairEntry, PfxProfile, TrustedCertEntry } from './keystore-model';
import { writePkcs12 } from './pkcs12-write';

const run = promisify(execFile);
// Short-lived JVMs (keytool, and the probe, which inherits this process's environment) spend most of their CPU in
// the JIT; C1 only and one compiler thread halve that on a loaded 2-core machine.
process.env.JAVA_TOOL_OPTIONS = '-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:CICompilerCount=1';
const UTF8_ENV = { ...process.env, LC_ALL: 'C.UTF-8' };
const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

// Passwords come from the fixture manifests (test/fixtures/pkcs12/PASSWORDS.md).
const manifest = fixtureJson<{ pkcs8Password: string; files: Record<string, { password: string }> }>('pkcs12', 'manifest.json');
const PASSWORD = manifest.files['modern-rsa.pfx'].password;
const NON_ASCII_PASSWORD = manifest.pkcs8Password;
assert.ok(/[^\x00-\x7f]/.test(NON_ASCII_PASSWORD), 'the manifest gives a non-ASCII password');

function pemBlocks(path: string): Uint8Array[] {
  const text = readFileSync(path, 'utf8');
  return [...text.matchAll(/-----BEGIN [A-Z ]+-----([\s\S]*?)-----END/g)].map((m) => new Uint8Array(Buffer.from(m[1], 'base64')));
}
const one = (path: string) => pemBlocks(path)[0];
const x509 = (name: string) => fixture('x509', name);
const e2e = (name: string) => join(ROOT, 'e2e', 'fixtures', name);

// RSA leaf <- EC intermediate <- RSA root; Ed25519 client under the same intermediate; EC client under the e2e root.
const ROOT_CERT = one(x509('root.pem'));
const INTER = one(x509('inter.pem'));
const RSA_LEAF = one(x509('leaf.pem'));
const ED_LEAF = one(x509('client-ed25519.pem'));
const E2E_ROOT = one(e2e('root.pem'));
const EC_LEAF = one(e2e('client.pem'));
const RSA_KEY = one(x509('leaf.key'));
const ED_KEY = one(x509('client-ed25519.key'));
const EC_KEY = one(e2e('client.key'));

const keyPair = (alias: string, pkcs8: Uint8Array, chain: Uint8Array[]): KeyPairEntry => ({ type: 'privateKey', alias, pkcs8, chain });
const trusted = (alias: string, der: Uint8Array): TrustedCertEntry => ({ type: 'trustedCert', alias, der });

interface Case {
  name: string;
  password: string;
  model: KeystoreModel;
  /** Certificate bags the file must hold: each distinct certificate once. */
  certBags: number;
  profiles?: PfxProfile[];
}

const CASES: Case[] = [
  { name: 'RSA key + chain', password: PASSWORD, model: { entries: [keyPair('www', RSA_KEY, [RSA_LEAF, INTER, ROOT_CERT])] }, certBags: 3 },
  { name: 'EC key + chain', password: PASSWORD, model: { entries: [keyPair('api-client', EC_KEY, [EC_LEAF, E2E_ROOT])] }, certBags: 2 },
  { name: 'Ed25519 key + chain', password: PASSWORD, model: { entries: [keyPair('ed-client', ED_KEY, [ED_LEAF, INTER, ROOT_CERT])] }, certBags: 3 },
  {
    name: 'certificates only',
    password: PASSWORD,
    model: { entries: [trusted('leaf', RSA_LEAF), trusted('intermediate', INTER), trusted('root', ROOT_CERT)] },
    certBags: 3,
  },
  {
    // The chain's root is also a trusted entry: written once, and that bag is the trusted entry.
    name: 'key pair + extra trusted CAs',
    password: PASSWORD,
    model: { entries: [keyPair('www', RSA_KEY, [RSA_LEAF, INTER, ROOT_CERT]), trusted('e2e-root', E2E_ROOT), trusted('test-root', ROOT_CERT)] },
    certBags: 4,
  },
  { name: 'empty password, non-ASCII alias', password: '', model: { entries: [keyPair('clé ✓', EC_KEY, [EC_LEAF, E2E_ROOT])] }, certBags: 2 },
  { name: 'non-ASCII password', password: NON_ASCII_PASSWORD, model: { entries: [keyPair('www', RSA_KEY, [RSA_LEAF, INTER])] }, certBags: 2 },
];

const ALGORITHMS: Record<PfxProfile, { keys: string; certs: string; mac: string }> = {
  modern: { keys: 'PBES2, PBKDF2, AES-256-CBC, Iteration 2048, PRF hmacWithSHA256', certs: 'PBES2, PBKDF2, AES-256-CBC, Iteration 2048, PRF hmacWithSHA256', mac: 'MAC: sha256, Iteration 2048' },
  legacy: { keys: 'pbeWithSHA1And3-KeyTripleDES-CBC, Iteration 2048', certs: 'pbeWithSHA1And40BitRC2-CBC, Iteration 2048', mac: 'MAC: sha1, Iteration 2048' },
  java: { keys: 'PBES2, PBKDF2, AES-256-CBC, Iteration 2048, PRF hmacWithSHA256', certs: 'PBES2, PBKDF2, AES-256-CBC, Iteration 2048, PRF hmacWithSHA256', mac: 'MAC: sha256, Iteration 2048' },
};

const dir = mkdtempSync(join(tmpdir(), 'certbench-pfx-write-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** JVMs are the slow peers: a few at a time keeps a loaded 2-core machine responsive. */
const javaSlots = limiter(4);
function limiter(n: number) {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async <T>(fn: () => Promise<T>): Promise<T> => {
    if (active >= n) await new Promise<void>((resolve) => waiting.push(resolve));
    active++;
    try {
      return await fn();
    } finally {
      active--;
      waiting.shift()?.();
    }
  };
}

// ---- openssl pkcs12 -info, parsed ----

interface InfoBag {
  kind: 'certificate' | 'key';
  pem: string;
  friendlyName?: string;
  localKeyId?: string;
  trustedKeyUsage: boolean;
}

async function opensslInfo(file: string, password: string, profile: PfxProfile): Promise<{ log: string; bags: InfoBag[] }> {
  const args = ['pkcs12', '-info', '-nodes', '-in', file, '-passin', `pass:${password}`, ...(profile === 'legacy' ? ['-legacy'] : [])];
  const { stdout, stderr } = await run('openssl', args, { env: UTF8_ENV });
  const bags: InfoBag[] = [];
  let attrs: Omit<InfoBag, 'kind' | 'pem'> = { trustedKeyUsage: false };
  let pem: string[] | undefined;
  for (const line of stdout.split('\n')) {
    if (line.startsWith('Bag Attributes')) attrs = { trustedKeyUsage: false };
    const name = /^ {4}friendlyName: (.*)$/.exec(line);
    if (name) attrs.friendlyName = name[1];
    const keyId = /^ {4}localKeyID: (.*)$/.exec(line);
    if (keyId) attrs.localKeyId = keyId[1].replace(/ /g, '').toLowerCase();
    if (line.startsWith('    2.16.840.1.113894.746875.1.1:')) attrs.trustedKeyUsage = true;
    if (/^-----BEGIN (CERTIFICATE|PRIVATE KEY)-----$/.test(line)) pem = [];
    if (pem) pem.push(line);
    const end = /^-----END (CERTIFICATE|PRIVATE KEY)-----$/.exec(line);
    if (end && pem) {
      bags.push({ kind: end[1] === 'CERTIFICATE' ? 'certificate' : 'key', pem: pem.join('\n') + '\n', ...attrs });
      pem = undefined;
    }
  }
  return { log: stderr, bags };
}

async function opensslPublicKey(kind: 'certificate' | 'key', pem: string): Promise<string> {
  const args = kind === 'key' ? ['pkey', '-pubout'] : ['x509', '-pubkey', '-noout'];
  const child = execFile('openssl', args);
  child.stdin?.end(pem);
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  assert.equal(code, 0, `openssl ${args.join(' ')} failed`);
  return out;
}

// ---- keytool -list -v, parsed ----

interface KeytoolEntry {
  alias: string;
  type: string;
  chainLength?: number;
}

async function keytoolList(file: string, password: string): Promise<KeytoolEntry[]> {
  const args = ['-list', '-v', '-storetype', 'PKCS12', '-keystore', file, '-storepass', password];
  const { stdout } = await javaSlots(() => run('keytool', args, { env: UTF8_ENV, timeout: 60_000 }));
  return stdout
    .split(/^Alias name: /m)
    .slice(1)
    .map((section) => ({
      alias: section.split('\n')[0],
      type: /^Entry type: (.*)$/m.exec(section)?.[1] ?? '?',
      ...(/^Certificate chain length: (\d+)$/m.test(section) && { chainLength: Number(/^Certificate chain length: (\d+)$/m.exec(section)?.[1]) }),
    }));
}

const keyEntries = (model: KeystoreModel) => model.entries.filter((e): e is KeyPairEntry => e.type === 'privateKey');
const trustedEntries = (model: KeystoreModel) => model.entries.filter((e): e is TrustedCertEntry => e.type === 'trustedCert');

it("Java refuses OpenSSL's own PFX with a non-ASCII password too", async () => {
  await assert.rejects(javaSlots(() => probeKeystore('PKCS12', fixture('pkcs12', 'nonascii-password.pfx'), NON_ASCII_PASSWORD)), /Password is not ASCII/);
});

for (const profile of ['modern', 'legacy', 'java'] as const) {
  describe(`writePkcs12, ${profile} profile, read by the peers`, { concurrency: true }, () => {
    for (const c of CASES) {
      it(c.name, async () => {
        const bytes = await writePkcs12(c.model, { password: c.password, profile });
        const file = join(dir, `${profile}-${c.name.replace(/\W+/g, '-')}.p12`);
        writeFileSync(file, bytes);
        const ascii = !/[^\x00-\x7f]/.test(c.password);
        await Promise.all([
          checkWithOpenssl(file, c, profile),
          ascii ? checkWithKeytool(file, c, profile) : refusedByJava(file, c.password),
          ascii ? checkWithJava(file, c, profile) : Promise.resolve(),
          checkWithOurReader(bytes, c, profile),
        ]);
      });
    }

    it('openssl refuses a wrong password (the MAC check above can fail)', async () => {
      const file = join(dir, `${profile}-wrong.p12`);
      writeFileSync(file, await writePkcs12(CASES[1].model, { password: PASSWORD, profile }));
      await assert.rejects(opensslInfo(file, `${PASSWORD}x`, profile), /invalid password|Mac verify error/i);
    });
  });
}

async function checkWithOpenssl(file: string, c: Case, profile: PfxProfile): Promise<void> {
  const { log, bags } = await opensslInfo(file, c.password, profile);
  const expected = ALGORITHMS[profile];
  const keys = keyEntries(c.model);
  const trustedCerts = trustedEntries(c.model);
  assert.match(log, new RegExp(`^${expected.mac}$`, 'm'), log);
  assert.match(log, new RegExp(`^PKCS7 Encrypted data: ${expected.certs}$`, 'm'), 'the certificates are encrypted with the profile cipher');
  const shrouded = log.match(/^Shrouded Keybag: (.*)$/gm) ?? [];
  assert.equal(shrouded.length, keys.length);
  for (const line of shrouded) assert.equal(line, `Shrouded Keybag: ${expected.keys}`);
  assert.doesNotMatch(log, /^PKCS7 Data\n(?!Shrouded Keybag)/m, 'no certificate travels unencrypted');

  const certBags = bags.filter((b) => b.kind === 'certificate');
  assert.equal(certBags.length, c.certBags, 'each certificate once');
  assert.equal(certBags.filter((b) => b.trustedKeyUsage).length, profile === 'java' ? trustedCerts.length : 0, 'trustedKeyUsage marks exactly the trusted entries (java profile only)');
  for (const t of trustedCerts) {
    const bag = certBags.find((b) => b.friendlyName === t.alias);
    assert.ok(bag, `a certificate bag named ${t.alias}`);
    assert.equal(bag.trustedKeyUsage, profile === 'java');
  }
  const keyBags = bags.filter((b) => b.kind === 'key');
  assert.equal(keyBags.length, keys.length);
  await Promise.all(
    keys.map(async (entry, i) => {
      const keyBag = keyBags[i];
      // OpenSSL 3.0 prints a BMPString friendlyName through an ASCII-only conversion.
      if (/^[\x20-\x7e]*$/.test(entry.alias)) assert.equal(keyBag.friendlyName, entry.alias);
      assert.equal(keyBag.localKeyId, hex(digest('sha1', entry.chain[0])), 'localKeyId = SHA-1 of the leaf, as OpenSSL writes');
      const leafBag = certBags.find((b) => b.localKeyId === keyBag.localKeyId);
      assert.ok(leafBag, 'the leaf bag shares the key localKeyId');
      assert.equal(leafBag.friendlyName, keyBag.friendlyName);
      assert.equal(hex(pemBlocksOf(leafBag.pem)), hex(entry.chain[0]));
      const [keyPublic, leafPublic] = await Promise.all([opensslPublicKey('key', keyBag.pem), opensslPublicKey('certificate', leafBag.pem)]);
      assert.equal(keyPublic, leafPublic, 'openssl pkey -pubout of the key = openssl x509 -pubkey of its leaf');
    }),
  );
}

const pemBlocksOf = (pem: string) => new Uint8Array(Buffer.from(pem.replace(/-----[A-Z ]+-----/g, ''), 'base64'));

/** What Java's KeyStore lists: key entries always; trusted certificates only when marked (java profile). */
function javaExpectation(c: Case, profile: PfxProfile): { alias: string; type: 'key' | 'trusted'; chainLength?: number }[] {
  return [
    ...keyEntries(c.model).map((e) => ({ alias: e.alias, type: 'key' as const, chainLength: e.chain.length })),
    ...(profile === 'java' ? trustedEntries(c.model).map((e) => ({ alias: e.alias, type: 'trusted' as const })) : []),
  ].sort((a, b) => a.alias.localeCompare(b.alias));
}

async function checkWithKeytool(file: string, c: Case, profile: PfxProfile): Promise<void> {
  const listed = (await keytoolList(file, c.password)).sort((a, b) => a.alias.localeCompare(b.alias));
  const expected = javaExpectation(c, profile).map((e) =>
    e.type === 'key' ? { alias: e.alias, type: 'PrivateKeyEntry', chainLength: e.chainLength } : { alias: e.alias, type: 'trustedCertEntry' },
  );
  assert.deepEqual(listed, expected);
  if (profile === 'modern' && trustedEntries(c.model).length > 0) {
    assert.ok(!listed.some((e) => e.type === 'trustedCertEntry'), 'without trustedKeyUsage Java does not see trusted certificates: why the java profile exists');
  }
}

async function checkWithJava(file: string, c: Case, profile: PfxProfile): Promise<void> {
  const probed = await javaSlots(() => probeKeystore('PKCS12', file, c.password));
  const expected = javaExpectation(c, profile);
  assert.deepEqual(
    probed.map((p) => ({ alias: p.alias, type: p.type, ...(p.type === 'key' && { chainLength: p.chain?.length }) })).sort((a, b) => a.alias.localeCompare(b.alias)),
    expected,
  );
  for (const p of probed.filter((e) => e.type === 'key')) assert.equal(p.keyMatchesLeaf, true, `Java: the key of ${p.alias} signs for its leaf`);
}

/** Java 17's PBE keys accept only ASCII passwords (see the OpenSSL-made file below): its limit, not the file's. */
async function refusedByJava(file: string, password: string): Promise<void> {
  await assert.rejects(javaSlots(() => probeKeystore('PKCS12', file, password)), /Password is not ASCII/);
  const keytool = await javaSlots(() => run('keytool', ['-list', '-storetype', 'PKCS12', '-keystore', file, '-storepass', password], { env: UTF8_ENV })).then(
    () => assert.fail('keytool opened a PKCS#12 with a non-ASCII password'),
    (e: { stdout?: string }) => e.stdout ?? '',
  );
  assert.match(keytool, /keystore password was incorrect/);
}

async function checkWithOurReader(bytes: Uint8Array, c: Case, profile: PfxProfile): Promise<void> {
  const result = await readBytes(bytes, { password: c.password });
  assert.equal(result.format, 'pkcs12');
  assert.equal(result.integrity, 'verified');
  const certs = result.objects.flatMap((o) => (o.kind === 'certificate' ? [o] : []));
  const distinct = new Set(c.model.entries.flatMap((e) => (e.type === 'privateKey' ? e.chain : e.type === 'trustedCert' ? [e.der] : [])).map(hex));
  assert.deepEqual(new Set(certs.map((o) => hex(o.der))), distinct);
  assert.equal(certs.length, c.certBags);
  const keys = result.objects.flatMap((o) => (o.kind === 'privateKey' ? [o] : []));
  assert.deepEqual(
    keys.map((k) => ({ alias: k.alias, pkcs8: hex(k.pkcs8) })),
    keyEntries(c.model).map((e) => ({ alias: e.alias, pkcs8: hex(e.pkcs8) })),
  );
  for (const t of trustedEntries(c.model)) {
    const cert = certs.find((o) => o.alias === t.alias);
    assert.ok(cert, `our reader names ${t.alias}`);
    assert.equal(hex(cert.der), hex(t.der));
    assert.equal(cert.trusted === true, profile === 'java');
  }
  const legacy = result.notes.some((n) => /^Legacy PFX/.test(n));
  assert.equal(legacy, profile === 'legacy');
}
