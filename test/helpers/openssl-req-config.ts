/**
 * `openssl req` as the peer for config files: run it on a config in a temp dir and read what it made with our
 * readers, and turn the form's values into the strings those readers print, to compare field by field.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { CsrSpecDto, SanDto } from '../../main/api/dto';
import { fieldOfType } from '../../main/pki/x509/subject-fields';
import { fixture } from './fixtures';

const run = promisify(execFile);

export const RSA_KEY = fixture('keys', 'rsa2048.pkcs8.pem');
export const P256_KEY = fixture('keys', 'ec-p-256.pkcs8.pem');
export const ED25519_KEY = fixture('keys', 'ed25519.pkcs8.pem');

export interface OpensslRun {
  ok: boolean;
  /** What openssl printed on stderr (its error when !ok). */
  stderr: string;
  /** The DER it wrote (CSR, or certificate with -x509). */
  der: Uint8Array | null;
}

/** `openssl req -new -config F -key K -outform DER -out X [-batch] [extra...]` on `config`. */
export async function opensslReq(config: string, options: { key?: string; extra?: string[] } = {}): Promise<OpensslRun> {
  const dir = await mkdtemp(join(tmpdir(), 'ossl-req-'));
  try {
    const cnf = join(dir, 'req.cnf');
    const out = join(dir, 'out.der');
    await writeFile(cnf, config);
    try {
      const { stderr } = await run('openssl', ['req', '-new', '-batch', '-config', cnf, '-key', options.key ?? RSA_KEY, '-outform', 'DER', '-out', out, ...(options.extra ?? [])], { timeout: 20_000 });
      return { ok: true, stderr, der: new Uint8Array(await readFile(out)) };
    } catch (e) {
      return { ok: false, stderr: String((e as { stderr?: string }).stderr ?? e), der: null };
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** [oid, value] per subject field: the form's types resolved the way openssl resolves the config's names. */
export const formSubject = (spec: CsrSpecDto) => spec.subject.map((a) => [fieldOfType(a.type)?.oid ?? a.type, a.value]);

function ipv6Groups(text: string): string {
  const [l, r] = text.split('::');
  const left = l ? l.split(':') : [];
  const right = r !== undefined && r !== '' ? r.split(':') : [];
  const all = r === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return all.map((g) => parseInt(g, 16).toString(16).toUpperCase()).join(':');
}

/** A SanDto as Certbench's reader prints a GeneralName ("DNS:a", "IP:1.2.3.4", "IP:2001:DB8:0:0:0:0:0:1"). */
export function sanString(s: SanDto): string {
  if (s.type === 'IP') return 'IP:' + (s.value.includes(':') ? ipv6Groups(s.value) : s.value);
  return `${s.type}:${s.value}`;
}
