/** Runs test/java/KeystoreProbe.java: what java.security.KeyStore sees in a keystore file. */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const PROBE = join(__dirname, '..', 'java', 'KeystoreProbe.java');

export interface ProbedEntry {
  alias: string;
  type: 'key' | 'trusted' | 'other';
  keyAlgorithm?: string;
  /** Subjects, leaf first (RFC 2253, as Java prints them). */
  chain?: string[];
  keyMatchesLeaf?: boolean;
  subject?: string;
}

/** type: 'JKS' | 'JCEKS' | 'PKCS12'. keyPasswords: per-alias key passwords that differ from the store password. */
export async function probeKeystore(type: string, file: string, storePassword: string, keyPasswords: Record<string, string> = {}): Promise<ProbedEntry[]> {
  const args = [PROBE, type, file, storePassword, ...Object.entries(keyPasswords).map(([a, p]) => `${a}=${p}`)];
  const { stdout } = await run('java', args, { timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
  const lines = stdout.trim().split('\n').map((l) => JSON.parse(l));
  const tail = lines.pop() as { count: number };
  if (tail.count !== lines.length) throw new Error(`probe printed ${lines.length} entries but counted ${tail.count}`);
  return lines as ProbedEntry[];
}
