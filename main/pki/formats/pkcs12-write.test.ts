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
import { JAVA_ENV, probeKeystore, type ProbedEntry } from '../../../test/helpers/java-probe';
import { rejectsWith } from '../../../test/helpers/pki-errors';
import { digest, privateKeyFacts } from '../crypto';
import * as der from '../der/write';
import { readBytes } from '../read';
import { parseCertificate } from '../x509/certificate';
import type { KeystoreModel, KeyPairEntry, PfxProfile, TrustedCertEntry } from './keystore-model';
import { writePkcs12 } from './pkcs12-write';

const run = promisify(execFile);
/**
 * Java reads non-ASCII arguments in the locale's charset. Short-lived JVMs (keytool, the probe) spend most of
 * their CPU in the JIT: C1 only and one compiler thread halve that on a loaded 2-core machine.
 */
const UTF8_ENV = JAVA_ENV;
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
const trusted = (alias: string, cert: Uint8Array): TrustedCertEntry => ({ type: 'trustedCert', alias, der: cert });

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
  // The java profile refuses it (see below): Java cannot open it.
  { name: 'non-ASCII password', password: NON_ASCII_PASSWORD, model: { entries: [keyPair('www', RSA_KEY, [RSA_LEAF, INTER])] }, certBags: 2, profiles: ['modern', 'legacy'] },
  {
    // The layout does not depend on the profile: one profile is enough for two keys sharing their issuers.
    name: 'two key pairs sharing their issuers',
    password: PASSWORD,
    model: { entries: [keyPair('www', RSA_KEY, [RSA_LEAF, INTER, ROOT_CERT]), keyPair('ed-client', ED_KEY, [ED_LEAF, INTER, ROOT_CERT])] },
    certBags: 4,
    profiles: ['modern'],
  },
];

const PROFILE_NAMES = ['modern', 'legacy', 'java'] as const;

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

// ---- Java's KeyStore: test/java/KeystoreProbe.java ----

const javaProbe = (type: 'PKCS12', file: string, storePassword: string): Promise<ProbedEntry[]> => probeKeystore(type, file, storePassword);

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
  const args = ['-J-Duser.language=en', '-J-Duser.country=US', '-list', '-v', '-storetype', 'PKCS12', '-keystore', file, '-storepass', password];
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
  await assert.rejects(javaSlots(() => javaProbe('PKCS12', fixture('pkcs12', 'nonascii-password.pfx'), NON_ASCII_PASSWORD)), /Password is not ASCII/);
});

for (const profile of PROFILE_NAMES) {
  describe(`writePkcs12, ${profile} profile, read by the peers`, { concurrency: true }, () => {
    for (const c of CASES.filter((k) => !k.profiles || k.profiles.includes(profile))) {
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
  const probed = await javaSlots(() => javaProbe('PKCS12', file, c.password));
  const expected = javaExpectation(c, profile);
  assert.deepEqual(
    probed.map((p) => ({ alias: p.alias, type: p.type, ...(p.type === 'key' && { chainLength: p.chain?.length }) })).sort((a, b) => a.alias.localeCompare(b.alias)),
    expected,
  );
  for (const p of probed.filter((e) => e.type === 'key')) assert.equal(p.keyMatchesLeaf, true, `Java: the key of ${p.alias} signs for its leaf`);
}

/** Java 17's PBE keys accept only ASCII passwords (see the OpenSSL-made file below): its limit, not the file's. */
async function refusedByJava(file: string, password: string): Promise<void> {
  await assert.rejects(javaSlots(() => javaProbe('PKCS12', file, password)), /Password is not ASCII/);
  const keytool = await javaSlots(() => run('keytool', ['-J-Duser.language=en', '-list', '-storetype', 'PKCS12', '-keystore', file, '-storepass', password], { env: UTF8_ENV })).then(
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

describe('writePkcs12: what else it writes', () => {
  it('a key without a certificate, and a secret key left out', async () => {
    const model: KeystoreModel = {
      entries: [keyPair('lonely', ED_KEY, []), { type: 'secretKey', alias: 'aes', sealed: new Uint8Array([0xac, 0xed, 0, 5]) }],
    };
    const file = join(dir, 'key-only.p12');
    writeFileSync(file, await writePkcs12(model, { password: PASSWORD, profile: 'modern' }));
    const { log, bags } = await opensslInfo(file, PASSWORD, 'modern');
    assert.deepEqual(bags.map((b) => [b.kind, b.friendlyName, b.localKeyId]), [['key', 'lonely', undefined]]);
    assert.doesNotMatch(log, /PKCS7 Encrypted data/, 'no certificate safe when there are no certificates');
    const result = await readBytes(readFileSync(file), { password: PASSWORD });
    assert.deepEqual(result.objects.map((o) => [o.kind, o.alias]), [['privateKey', 'lonely']]);
  });

  it("a trusted entry that is also a key's leaf gets its own bag (its name and mark would confuse the key's)", async () => {
    const file = join(dir, 'leaf-trusted.p12');
    const model: KeystoreModel = { entries: [keyPair('www', RSA_KEY, [RSA_LEAF, INTER]), trusted('www-cert', RSA_LEAF)] };
    writeFileSync(file, await writePkcs12(model, { password: PASSWORD, profile: 'java' }));
    const probed = await javaSlots(() => javaProbe('PKCS12', file, PASSWORD));
    assert.deepEqual(
      probed.map((p) => [p.alias, p.type, p.chain?.length]),
      [
        ['www', 'key', 2],
        ['www-cert', 'trusted', undefined],
      ],
    );
  });

  it('iteration counts can be overridden (openssl prints them)', async () => {
    const file = join(dir, 'iterations.p12');
    writeFileSync(file, await writePkcs12(CASES[0].model, { password: PASSWORD, profile: 'legacy', iterations: 4096, macIterations: 1000 }));
    const { log } = await opensslInfo(file, PASSWORD, 'legacy');
    assert.match(log, /^MAC: sha1, Iteration 1000$/m);
    assert.match(log, /^Shrouded Keybag: pbeWithSHA1And3-KeyTripleDES-CBC, Iteration 4096$/m);
    assert.match(log, /^PKCS7 Encrypted data: pbeWithSHA1And40BitRC2-CBC, Iteration 4096$/m);
  });

  it('a 255-character alias is the longest', async () => {
    const alias = 'a'.repeat(255);
    const bytes = await writePkcs12({ entries: [trusted(alias, ROOT_CERT)] }, { password: PASSWORD, profile: 'java' });
    const result = await readBytes(bytes, { password: PASSWORD });
    assert.deepEqual(result.objects.map((o) => o.alias), [alias]);
  });

  it('reports its phases in order, ending at 1', async () => {
    const seen: [number, string][] = [];
    await writePkcs12(CASES[0].model, { password: PASSWORD, profile: 'legacy', onProgress: (f, phase) => seen.push([f, phase]) });
    const phases = seen.map(([, p]) => p).filter((p, i, all) => p !== all[i - 1]);
    assert.deepEqual(phases, ['Encrypting the private key', 'Encrypting the certificates', 'Computing the integrity MAC', 'Done']);
    seen.reduce((prev, [f]) => (assert.ok(f >= prev && f <= 1, `progress ${f} after ${prev}`), f), 0);
    assert.equal(seen.at(-1)?.[0], 1);
  });
});

describe('writePkcs12: bad input and cancellation give typed errors', () => {
  const model = CASES[0].model;
  const options = { password: PASSWORD, profile: 'modern' as const };
  const write = (m: KeystoreModel, o: Partial<Parameters<typeof writePkcs12>[1]> = {}) => writePkcs12(m, { ...options, ...o });
  const expectError = async (promise: Promise<unknown>, code: Parameters<typeof rejectsWith>[1], message: RegExp) => {
    const e = await rejectsWith(promise, code);
    assert.match(e.message, message);
    assert.ok(e.hint.length > 10, 'a hint says what to do');
  };

  it('a signal aborted before the start', async () => {
    const controller = new AbortController();
    controller.abort();
    await expectError(write(model, { signal: controller.signal }), 'CANCELLED', /Writing the PKCS#12 \(PFX\) file was cancelled/);
  });

  it('a signal aborted between steps', async () => {
    const controller = new AbortController();
    const onProgress = (_: number, phase: string) => phase === 'Computing the integrity MAC' && controller.abort();
    await expectError(write(model, { signal: controller.signal, onProgress }), 'CANCELLED', /cancelled/);
  });

  it('a signal aborted during a long key derivation stops it at once', async () => {
    for (const profile of ['modern', 'legacy'] as const) {
      const controller = new AbortController();
      const started = Date.now();
      setTimeout(() => controller.abort(), 50);
      // 10,000,000 rounds take seconds; the derivation runs in a worker that Stop terminates.
      await expectError(write(model, { profile, iterations: 10_000_000, signal: controller.signal }), 'CANCELLED', /cancelled/);
      assert.ok(Date.now() - started < 2000, `${profile}: stopped after ${Date.now() - started} ms`);
    }
  });

  it('a key that is not PKCS#8', async () => {
    await expectError(write({ entries: [keyPair('www', new Uint8Array([1, 2, 3]), [RSA_LEAF])] }), 'INVALID_ARGUMENT', /'www' is not a PKCS#8 private key/);
  });

  it('a PKCS#8 shape around a key that does not parse', async () => {
    const broken = der.sequence(der.integer(0), der.algorithm('1.2.840.113549.1.1.1', null), der.octetString(new Uint8Array([1, 2, 3])));
    await expectError(write({ entries: [keyPair('www', broken, [RSA_LEAF])] }), 'CORRUPT', /'www' cannot be used/);
  });

  it('a key Certbench cannot use (Ed448, DSA) is not written for others to trip on', async () => {
    for (const name of ['ed448.pkcs8.pem', 'dsa.pkcs8.pem']) {
      await expectError(write({ entries: [keyPair('odd', one(fixture('keys', name)), [])] }), 'UNSUPPORTED_ALGORITHM', /'odd' cannot be written/);
    }
  });

  it('a key that does not belong to its certificate', async () => {
    await expectError(write({ entries: [keyPair('www', EC_KEY, [RSA_LEAF, INTER])] }), 'NO_MATCHING_KEY', /does not belong to its certificate/);
  });

  it('a certificate that is not one', async () => {
    await expectError(write({ entries: [keyPair('www', RSA_KEY, [RSA_LEAF, new Uint8Array([0x30, 0x03, 1, 2, 3])])] }), 'INVALID_ARGUMENT', /Certificate 2 of the chain of 'www' is not a valid X.509 certificate/);
    await expectError(write({ entries: [trusted('root', new Uint8Array(0))] }), 'INVALID_ARGUMENT', /'root' is empty/);
  });

  it('an alias too long, aliases that Java would merge, one leaf for two keys', async () => {
    await expectError(write({ entries: [trusted('a'.repeat(256), ROOT_CERT)] }), 'INVALID_ARGUMENT', /256 characters long; a PFX friendly name holds at most 255/);
    await expectError(write({ entries: [trusted('Root', ROOT_CERT), trusted('root', INTER)] }), 'INVALID_ARGUMENT', /Two entries are named 'Root' and 'root'/);
    await expectError(write({ entries: [keyPair('a', RSA_KEY, [RSA_LEAF]), keyPair('b', RSA_KEY, [RSA_LEAF])] }), 'INVALID_ARGUMENT', /same certificate/);
  });

  it('nothing to write', async () => {
    await expectError(write({ entries: [] }), 'INVALID_ARGUMENT', /nothing to write/);
    await expectError(write({ entries: [{ type: 'secretKey', alias: 'aes', sealed: new Uint8Array(4) }] }), 'INVALID_ARGUMENT', /only secret keys/);
  });

  it('iteration counts out of range, an unknown profile, no password', async () => {
    for (const iterations of [0, -1, 2.5, Number.NaN, 10_000_001]) {
      await expectError(write(model, { iterations }), 'INVALID_ARGUMENT', /iterations must be a whole number from 1 to 10,000,000/);
    }
    await expectError(write(model, { macIterations: 0 }), 'INVALID_ARGUMENT', /MAC iterations/);
    await expectError(write(model, { profile: 'strong' as PfxProfile }), 'INVALID_ARGUMENT', /no PFX profile 'strong'/);
    await expectError(write(model, { password: undefined as unknown as string }), 'INVALID_ARGUMENT', /No password/);
  });

  it('the java profile refuses a password Java cannot take (the other profiles write it: see the matrix)', async () => {
    for (const password of [NON_ASCII_PASSWORD, 'tab\there']) {
      await expectError(write(model, { profile: 'java', password }), 'INVALID_ARGUMENT', /Java cannot open a PKCS#12 file whose password/);
    }
  });
});

describe('round trip: every PFX fixture and the pyca corpus, read, written at each profile, read again', () => {
  const pkcs12Dir = fixture('pkcs12');
  const pycaDir = fixture('corpus', 'pyca', 'pkcs12');
  const files = fixtureJson<{ files: Record<string, { password: string | null; expect: string }> }>('pkcs12', 'manifest.json').files;
  const pyca = fixtureJson<Record<string, { password: string | null }>>('corpus', 'pyca', 'pkcs12', 'expected.json');
  const inputs = [
    // bench-600k is the same content as bench-2048, only slower to open.
    ...Object.entries(files).filter(([name, f]) => f.expect === 'ok' && name !== 'bench-600k.pfx').map(([name, f]) => ({ name, path: join(pkcs12Dir, name), password: f.password })),
    ...Object.entries(pyca).map(([name, f]) => ({ name: `pyca/${name}`, path: join(pycaDir, name), password: f.password })),
  ];

  /** Keys with the certificate they belong to (by public key), the other certificates as trusted entries. */
  async function modelOf(bytes: Uint8Array, password: string | null): Promise<KeystoreModel> {
    const { objects } = await readBytes(bytes, password === null ? {} : { password });
    const certs = objects.flatMap((o) => (o.kind === 'certificate' ? [o] : []));
    const used = new Set<number>();
    const entries: KeystoreModel['entries'] = [];
    objects.forEach((o, i) => {
      if (o.kind !== 'privateKey') return;
      const spki = hex(privateKeyFacts(o.pkcs8).spki);
      const leaf = certs.findIndex((c, j) => !used.has(j) && hex(parseCertificate(c.der).spkiDer) === spki);
      if (leaf >= 0) used.add(leaf);
      entries.push(keyPair(`${o.alias ?? 'key'}-${i}`, o.pkcs8, leaf >= 0 ? [certs[leaf].der] : []));
    });
    certs.forEach((c, j) => used.has(j) || entries.push(trusted(`${c.alias ?? 'cert'}-c${j}`, c.der)));
    return { entries };
  }

  it(`${inputs.length} files × 3 profiles: the same certificates and keys come back, and openssl verifies the MACs`, async () => {
    assert.ok(inputs.length >= 45, `${inputs.length} inputs`);
    const nothingToWrite: string[] = [];
    await Promise.all(
      inputs.map(async (input, index) => {
        const model = await modelOf(new Uint8Array(readFileSync(input.path)), input.password);
        if (model.entries.length === 0) return void nothingToWrite.push(input.name);
        const want = { certs: certsOf(model), keys: keyEntries(model).map((k) => hex(k.pkcs8)).sort() };
        for (const profile of PROFILE_NAMES) {
          const bytes = await writePkcs12(model, { password: PASSWORD, profile });
          const back = await readBytes(bytes, { password: PASSWORD });
          const got = {
            certs: back.objects.flatMap((o) => (o.kind === 'certificate' ? [hex(o.der)] : [])).sort(),
            keys: back.objects.flatMap((o) => (o.kind === 'privateKey' ? [hex(o.pkcs8)] : [])).sort(),
          };
          assert.deepEqual(got, want, `${input.name} at ${profile}`);
          // openssl checks a third of the files at each profile (the matrix above checks every profile in depth).
          if (PROFILE_NAMES[index % 3] !== profile) continue;
          const file = join(dir, `rt-${profile}-${input.name.replace(/\W+/g, '-')}`);
          writeFileSync(file, bytes);
          await run('openssl', ['pkcs12', '-info', '-noout', '-in', file, '-passin', `pass:${PASSWORD}`, ...(profile === 'legacy' ? ['-legacy'] : [])]);
        }
      }),
    );
    assert.deepEqual(nothingToWrite, ['java-secret.p12'], 'only the file holding just a secret key has nothing a PFX can carry');
  });
});

/** Every certificate a model writes, once each (a trusted entry equal to a leaf has its own bag). */
function certsOf(model: KeystoreModel): string[] {
  const chainCerts = new Set<string>();
  const out: string[] = [];
  for (const e of model.entries) {
    if (e.type === 'privateKey') for (const c of e.chain) if (!chainCerts.has(hex(c))) (chainCerts.add(hex(c)), out.push(hex(c)));
  }
  for (const e of model.entries) if (e.type === 'trustedCert') out.push(hex(e.der));
  return out.sort();
}
