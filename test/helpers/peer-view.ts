/**
 * What OpenSSL and keytool see in a file we wrote: the certificates (SHA-256, in file order) and the
 * public halves of the private keys (SHA-256 of the SubjectPublicKeyInfo, as `openssl pkey -pubout` gives
 * it). Fingerprints are computed here from the PEM the peer printed, never by our reader.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface PeerView {
  certs: string[];
  keySpkis: string[];
}

const sha256 = (der: Buffer) => createHash('sha256').update(der).digest('hex').toUpperCase();

function pemBlocks(text: string): { label: string; der: Buffer; pem: string }[] {
  const out: { label: string; der: Buffer; pem: string }[] = [];
  const re = /-----BEGIN ([A-Z0-9 ]+)-----\r?\n([\s\S]*?)-----END \1-----/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push({ label: m[1], der: Buffer.from(m[2].replace(/[^A-Za-z0-9+/=]/g, ''), 'base64'), pem: m[0] + '\n' });
  return out;
}

async function spkiOfKeyPem(pem: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'peer-key-'));
  try {
    const file = join(dir, 'k.pem');
    await writeFile(file, pem, { mode: 0o600 });
    const { stdout } = await run('openssl', ['pkey', '-in', file, '-pubout', '-outform', 'DER'], { encoding: 'buffer' });
    return sha256(stdout);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** `openssl storeutl` (PEM, DER, PKCS#8, PKCS#1, PKCS#12 with -legacy when asked) or `openssl pkcs7 -print_certs` (P7B). */
export async function opensslView(file: string, options: { password?: string; p7b?: 'pem' | 'der'; legacy?: boolean } = {}): Promise<PeerView> {
  const args = options.p7b
    ? ['pkcs7', '-in', file, '-inform', options.p7b === 'der' ? 'DER' : 'PEM', '-print_certs']
    : ['storeutl', ...(options.legacy ? ['-provider', 'legacy', '-provider', 'default'] : []), '-passin', `pass:${options.password ?? ''}`, file];
  const { stdout } = await run('openssl', args, { maxBuffer: 64 * 1024 * 1024 });
  const blocks = pemBlocks(stdout);
  const certs = blocks.filter((b) => b.label === 'CERTIFICATE').map((b) => sha256(b.der));
  const keySpkis = await Promise.all(blocks.filter((b) => /PRIVATE KEY$/.test(b.label)).map((b) => spkiOfKeyPem(b.pem)));
  if (!options.p7b && /Total found: 0/.test(stdout)) throw new Error(`openssl found nothing in ${file}`);
  return { certs, keySpkis };
}

export interface KeytoolEntry {
  alias: string;
  type: 'PrivateKeyEntry' | 'trustedCertEntry' | 'SecretKeyEntry';
  /** SHA-256 of each certificate of the entry, leaf first. */
  certs: string[];
}

/** `keytool -list -rfc`: every entry with its certificates as keytool prints them. */
export async function keytoolView(file: string, storeType: 'JKS' | 'JCEKS' | 'PKCS12', storePassword: string): Promise<KeytoolEntry[]> {
  const { stdout } = await run('keytool', ['-list', '-rfc', '-keystore', file, '-storetype', storeType, '-storepass', storePassword], { maxBuffer: 64 * 1024 * 1024 });
  const entries: KeytoolEntry[] = [];
  for (const part of stdout.split(/^Alias name: /m).slice(1)) {
    const alias = part.split('\n')[0].trim();
    const type = /Entry type: (\w+)/.exec(part)?.[1] as KeytoolEntry['type'];
    entries.push({ alias, type, certs: pemBlocks(part).filter((b) => b.label === 'CERTIFICATE').map((b) => sha256(b.der)) });
  }
  return entries;
}
