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
import { digest } from '../crypto';
import { PkiError } from '../errors';
import assert from 'node:assert/strict';

const run = promisify(execFile);
/** Java reads non-ASCII command-line passwords in the locale's charset. */
const JAVA_ENV = { ...process.env, LC_ALL: 'C.UTF-8' };

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
