/**
 * OpenSSL as the peer for the CSR and certificate writers: `openssl req` makes the same request from a config
 * file (prompt = no) for the same key, and `openssl req -verify -text` / `x509 -text` say what they read.
 * The config is written here from plain lists, independently of the app's config exporter.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function openssl(args: string[]): Run {
  const r = spawnSync('openssl', args, { encoding: 'utf8', env: { ...process.env, OPENSSL_CONF: '/dev/null' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** openssl's stdout as bytes (DER output); throws with its stderr when it fails. */
export function opensslBytes(args: string[]): Buffer {
  const r = spawnSync('openssl', args, { env: { ...process.env, OPENSSL_CONF: '/dev/null' } });
  if (r.status !== 0) throw new Error(`openssl ${args[0]} failed: ${r.stderr.toString()}`);
  return r.stdout;
}

/** A scratch folder for the files openssl reads and writes. */
export class Scratch {
  readonly dir = mkdtempSync(join(tmpdir(), 'openssl-req-'));
  private n = 0;
  write(name: string, data: Uint8Array | string): string {
    const file = join(this.dir, `${this.n++}-${name}`);
    writeFileSync(file, data, { mode: 0o600 });
    return file;
  }
  read(file: string): Buffer {
    return readFileSync(file);
  }
  path(name: string): string {
    return join(this.dir, `${this.n++}-${name}`);
  }
  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** What the test asks for, in OpenSSL config spelling. */
export interface ReqConfigInput {
  /** [type, value] in order; repeated types get numbered prefixes ("0.OU"), which OpenSSL strips. */
  subject: [string, string][];
  /** Lines of the extension section, in order: "subjectAltName = DNS:a, IP:1.2.3.4". */
  extensions: string[];
  challengePassword?: string;
  /** Extensions section used for -x509. */
  x509?: boolean;
}

export function reqConfig(input: ReqConfigInput): string {
  const lines = ['[req]', 'prompt = no', 'utf8 = yes', 'string_mask = utf8only', 'distinguished_name = dn'];
  if (input.extensions.length) lines.push(`${input.x509 ? 'x509_extensions' : 'req_extensions'} = ext`);
  if (input.challengePassword !== undefined) lines.push('attributes = attrs');
  lines.push('[dn]', ...input.subject.map(([t, v], i) => `${i}.${t} = ${v}`));
  if (input.challengePassword !== undefined) lines.push('[attrs]', `challengePassword = ${input.challengePassword}`);
  if (input.extensions.length) lines.push('[ext]', ...input.extensions);
  return lines.join('\n') + '\n';
}

/** `openssl req -new` (or -x509) from `config` with the DER PKCS#8 key in `keyFile`; the DER output. */
export function opensslRequest(scratch: Scratch, keyFile: string, config: string, extra: string[] = []): Buffer {
  const cnf = scratch.write('req.cnf', config);
  const out = scratch.path('out.der');
  const r = openssl(['req', '-new', '-config', cnf, '-key', keyFile, '-keyform', 'DER', '-outform', 'DER', '-out', out, ...extra]);
  if (r.status !== 0) throw new Error(`openssl req failed: ${r.stderr}`);
  return scratch.read(out);
}

/** The first element inside a DER SEQUENCE, whole: the CertificationRequestInfo of a CSR, the TBSCertificate of a certificate. */
export function firstElement(der: Uint8Array): Buffer {
  const b = Buffer.from(der);
  const skip = (at: number) => {
    const len = b[at + 1];
    if (len < 0x80) return { start: at + 2, end: at + 2 + len };
    const n = len & 0x7f;
    let l = 0;
    for (let i = 0; i < n; i++) l = l * 256 + b[at + 2 + i];
    return { start: at + 2 + n, end: at + 2 + n + l };
  };
  const outer = skip(0);
  const inner = skip(outer.start);
  return b.subarray(outer.start, inner.end);
}
