/**
 * Test-only (imported by jks*.test.ts): the peers that judge what the JKS/JCEKS writers produce. keytool
 * -list -v as parsed entries, key pairs taken out of PKCS#12 fixtures by openssl, SHA-256 fingerprints in
 * keytool's notation, and a scratch folder.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import assert from 'node:assert/strict';
import { JAVA_ENV as PROBE_ENV, probeKeystore, type ProbedEntry } from '../../../test/helpers/java-probe';
import { digest } from '../crypto';
import { PkiError } from '../errors';
import { readJavaKeystoreModel } from './jks-model';
import { writeJavaKeystore } from './jks-write';

const run = promisify(execFile);
const JAVA_ENV = PROBE_ENV;

export interface KeytoolEntry {
  alias: string;
  type: 'PrivateKeyEntry' | 'trustedCertEntry' | 'SecretKeyEntry';
  /** Creation date as keytool prints it ("Nov 23, 2026"). */
  created: string;
  /** SHA-256 fingerprints, chain order for key pairs. */
  certSha256: string[];
}

/** `keytool -list -v`, entries sorted by alias. */
export async function keytoolList(kind: 'jks' | 'jceks', file: string, storePassword: string): Promise<KeytoolEntry[]> {
  const args = ['-J-Duser.language=en', '-J-Duser.country=US', '-list', '-v', '-storetype', kind.toUpperCase(), '-keystore', file, '-storepass', storePassword];
  const { stdout } = await run('keytool', args, { env: JAVA_ENV, timeout: 60_000, maxBuffer: 64 << 20 });
  const blocks = stdout.split(/^Alias name: /m).slice(1);
  const count = Number(/Your keystore contains (\d+) entr/.exec(stdout)?.[1]);
  assert.equal(blocks.length, count, 'keytool printed as many entries as it counted');
  return blocks
    .map((block) => {
      const alias = block.slice(0, block.indexOf('\n'));
      const type = /^Entry type: (\S+)/m.exec(block)?.[1] as KeytoolEntry['type'];
      const created = /^Creation date: (.+)$/m.exec(block)?.[1] ?? '';
      const certSha256 = [...block.matchAll(/^\s*SHA256: ([0-9A-F:]+)$/gm)].map((m) => m[1]);
      const chainLength = /^Certificate chain length: (\d+)/m.exec(block);
      if (chainLength) assert.equal(certSha256.length, Number(chainLength[1]), `${alias}: a fingerprint per chain certificate`);
      return { alias, type, created, certSha256 };
    })
    .sort((x, y) => (x.alias < y.alias ? -1 : 1));
}

/** test/java/KeystoreProbe.java through the shared helper (compiled once per test process). */
export const probe = (kind: 'jks' | 'jceks' | 'pkcs12', file: string, storePassword: string, keyPasswords: Record<string, string> = {}): Promise<ProbedEntry[]> =>
  probeKeystore(kind, file, storePassword, keyPasswords);

/** SHA-256 in keytool's notation. */
export const fingerprint = (der: Uint8Array) =>
  Buffer.from(digest('sha256', der)).toString('hex').toUpperCase().match(/../g)!.join(':');

function pemBlocks(text: string, label: string): Uint8Array[] {
  const re = new RegExp(`-----BEGIN ${label}-----([\\s\\S]+?)-----END ${label}-----`, 'g');
  return [...text.matchAll(re)].map((m) => new Uint8Array(Buffer.from(m[1].replace(/\s+/g, ''), 'base64')));
}

/** The key (PKCS#8) and certificates (in the file's order) of a PKCS#12 file, as openssl gives them. */
export async function opensslPfxParts(file: string, password: string): Promise<{ pkcs8: Uint8Array; certificates: Uint8Array[] }> {
  const pass = ['-passin', `pass:${password}`];
  const key = await run('openssl', ['pkcs12', '-in', file, '-nocerts', '-nodes', ...pass]);
  const certs = await run('openssl', ['pkcs12', '-in', file, '-nokeys', ...pass]);
  const [pkcs8] = pemBlocks(key.stdout, 'PRIVATE KEY');
  return { pkcs8, certificates: pemBlocks(certs.stdout, 'CERTIFICATE') };
}

export async function opensslPemParts(keyFile: string, certFiles: string[]): Promise<{ pkcs8: Uint8Array; certificates: Uint8Array[] }> {
  const key = await run('openssl', ['pkey', '-in', keyFile]);
  const certificates = certFiles.flatMap((f) => pemBlocks(readFileSync(f, 'utf8'), 'CERTIFICATE'));
  return { pkcs8: pemBlocks(key.stdout, 'PRIVATE KEY')[0], certificates };
}

/** A scratch folder removed by `done()`. */
export function scratch(prefix: string) {
  const dir = mkdtempSync(join(tmpdir(), `certbench-${prefix}-`));
  return {
    dir,
    write(name: string, bytes: Uint8Array): string {
      const path = join(dir, name);
      writeFileSync(path, bytes);
      return path;
    },
    done: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export async function rejectsWith(promise: Promise<unknown>, code: string, message?: RegExp): Promise<PkiError> {
  let caught: unknown;
  await assert.rejects(promise, (e: unknown) => {
    caught = e;
    return true;
  });
  assert.ok(caught instanceof PkiError, `expected a PkiError, got ${String(caught)}`);
  assert.equal(caught.code, code, caught.message);
  if (message) assert.match(caught.message, message);
  assert.ok(caught.hint.length > 0, 'a hint');
  return caught;
}

/** JCEKS rounds for round trips; JDK 17's 200,000 is exercised once in jks-write.test.ts. */
export const FAST_ROUNDS = 1000;

export interface StoreUnderTest {
  name: string;
  path: string;
  kind: 'jks' | 'jceks';
  storePassword: string;
  /** Per alias, where it differs from the store password. */
  keyPasswords: Record<string, string>;
}

/**
 * readJavaKeystoreModel → writeJavaKeystore (same kind and passwords) → keytool -list -v lists for the copy
 * exactly what it lists for the original (and `expected` from a manifest, when given); reading the copy gives
 * the same model (PKCS#8 bytes, chains, sealed secrets, dates, key passwords); Java opens every key and secret
 * key with its password, and each private key signs for its leaf.
 */
export async function judgeRoundTrip(
  store: StoreUnderTest,
  tmp: ReturnType<typeof scratch>,
  expected?: { alias: string; type: string; certSha256: string[] }[],
): Promise<void> {
  const original = await readJavaKeystoreModel(new Uint8Array(readFileSync(store.path)), { storePassword: store.storePassword, keyPasswords: store.keyPasswords });
  assert.equal(original.kind, store.kind);
  assert.deepEqual(original.locked, [], 'every key opens with the passwords given');
  for (const entry of original.model.entries) {
    assert.ok(entry.created instanceof Date, `${entry.alias} keeps its date`);
    if (entry.type === 'privateKey') assert.equal(entry.keyPassword, store.keyPasswords[entry.alias], `${entry.alias} keeps its own key password`);
  }
  const bytes = await writeJavaKeystore(original.model, { kind: store.kind, storePassword: store.storePassword, iterations: FAST_ROUNDS });
  const path = tmp.write(`${store.name.replace(/\W+/g, '-')}.${store.kind}`, bytes);

  const [theirs, listed] = await Promise.all([keytoolList(store.kind, store.path, store.storePassword), keytoolList(store.kind, path, store.storePassword)]);
  assert.deepEqual(listed, theirs, 'keytool lists the same aliases, entry types, certificates and dates');
  if (expected) assert.deepEqual(listed.map((e) => [e.alias, e.type, e.certSha256]), expected.map((e) => [e.alias, e.type, e.certSha256]));

  const back = await readJavaKeystoreModel(bytes, { storePassword: store.storePassword, keyPasswords: store.keyPasswords });
  assert.deepEqual(back, original, 'the same keys (PKCS#8 bytes), chains, sealed secret keys, dates and key passwords');

  if (original.model.entries.length === 0) return;
  const probed = await probe(store.kind, path, store.storePassword, store.keyPasswords);
  assert.deepEqual(probed.map((e) => e.alias), listed.map((e) => e.alias));
  for (const e of probed) {
    const entry = original.model.entries.find((m) => m.alias === e.alias);
    assert.equal(e.type, entry?.type === 'trustedCert' ? 'trusted' : 'key', `${e.alias}: Java sees the entry type`);
    if (entry?.type === 'privateKey') assert.equal(e.keyMatchesLeaf, true, `${e.alias}: Java's key signs for its leaf`);
  }
}
