/**
 * Runs test/java/KeystoreProbe.java: what java.security.KeyStore sees in a keystore file. The probe is
 * compiled once per test process (launching the source compiles it on every call, seconds on a loaded
 * machine), and the short-lived JVMs skip the optimising compiler they would never use.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const PROBE = join(__dirname, '..', 'java', 'KeystoreProbe.java');

/** Java reads non-ASCII command-line arguments in the locale's charset; quick start-up for one-shot JVMs. */
export const JAVA_ENV = { ...process.env, LC_ALL: 'C.UTF-8', JAVA_TOOL_OPTIONS: '-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:CICompilerCount=1' };

export interface ProbedEntry {
  alias: string;
  type: 'key' | 'trusted' | 'other';
  keyAlgorithm?: string;
  /** Subjects, leaf first (RFC 2253, as Java prints them). */
  chain?: string[];
  keyMatchesLeaf?: boolean;
  subject?: string;
}

let classes: Promise<string> | undefined;

function compiled(): Promise<string> {
  classes ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'certbench-probe-'));
    process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
    await run('javac', ['-d', dir, PROBE], { env: JAVA_ENV, timeout: 120_000 });
    return dir;
  })();
  return classes;
}

/** type: 'JKS' | 'JCEKS' | 'PKCS12' (any case). keyPasswords: per-alias key passwords that differ from the store password. */
export async function probeKeystore(type: string, file: string, storePassword: string, keyPasswords: Record<string, string> = {}): Promise<ProbedEntry[]> {
  const args = ['-cp', await compiled(), 'KeystoreProbe', type.toUpperCase(), file, storePassword, ...Object.entries(keyPasswords).map(([a, p]) => `${a}=${p}`)];
  const { stdout } = await run('java', args, { env: JAVA_ENV, timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
  const lines = stdout.trim().split('\n').map((l) => JSON.parse(l));
  const tail = lines.pop() as { count: number };
  if (tail.count !== lines.length) throw new Error(`probe printed ${lines.length} entries but counted ${tail.count}`);
  return lines as ProbedEntry[];
}
