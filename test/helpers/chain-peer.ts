/**
 * The chain validator's peer: `openssl verify` on the same files (with -auth_level 2, so RSA under 2048 bits and
 * SHA-1 signatures fail there as they do in Certbench), and `openssl x509 -req` for certificates the test PKI
 * (test-pki.ts) does not make: a leaf that signs, a small RSA key, a SHA-1 signature, chosen extensions only.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openssl, type IssuedCert } from './test-pki';

const dir = mkdtempSync(join(tmpdir(), 'certbench-peer-'));
let n = 0;

export interface SignOptions {
  cn: string;
  /** The whole subject in openssl's form ("/O=Org/CN=x"); default /CN=cn. */
  subject?: string;
  /** x509v3 lines, exactly these (no defaults added). */
  ext: string[];
  /** genpkey arguments; default EC P-256. */
  key?: string[];
  /** Digest for the signature; 'none' for Ed25519 issuers. */
  md?: 'sha1' | 'sha256' | 'sha384' | 'none';
  /** -sigopt values ("rsa_padding_mode:pss"). */
  sigopt?: string[];
  /** Days of validity from now; default 365. */
  days?: number;
}

/** A certificate for a new key signed by `issuer` (any certificate with a key: a leaf too) via `openssl x509 -req`. */
export function signCert(issuer: Pick<IssuedCert, 'certPath' | 'keyPath'>, o: SignOptions): IssuedCert {
  const base = join(dir, `c${++n}`);
  openssl(['genpkey', ...(o.key ?? ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256']), '-out', `${base}.key`]);
  openssl(['req', '-new', '-key', `${base}.key`, '-subj', o.subject ?? `/CN=${o.cn}`, '-out', `${base}.csr`]);
  writeFileSync(`${base}.ext`, `[ext]\n${o.ext.join('\n')}\n`);
  openssl(['x509', '-req', '-in', `${base}.csr`, '-CA', issuer.certPath, '-CAkey', issuer.keyPath, '-set_serial', String(1000 + n), '-days', String(o.days ?? 365), ...(o.md === 'none' ? [] : [`-${o.md ?? 'sha256'}`]), ...(o.sigopt ?? []).flatMap((x) => ['-sigopt', x]), '-extfile', `${base}.ext`, '-extensions', 'ext', '-out', `${base}.pem`]);
  const pem = readFileSync(`${base}.pem`, 'utf8');
  return { name: o.cn, certPath: `${base}.pem`, keyPath: `${base}.key`, pem, serial: String(1000 + n) };
}

export interface VerifyInput {
  leaf: string;
  untrusted?: string[];
  trusted: string[];
  host?: string;
  ip?: string;
  /** ms since the epoch. */
  at?: number;
  purpose?: 'sslserver' | 'sslclient';
}

/** `openssl verify` on PEM texts: ok, and the error line when not. */
export function opensslVerify(v: VerifyInput): { ok: boolean; output: string } {
  const base = join(dir, `v${++n}`);
  writeFileSync(`${base}.leaf.pem`, v.leaf);
  writeFileSync(`${base}.trusted.pem`, v.trusted.join(''));
  const args = ['verify', '-auth_level', '2', '-CAfile', `${base}.trusted.pem`];
  if (v.untrusted?.length) {
    writeFileSync(`${base}.untrusted.pem`, v.untrusted.join(''));
    args.push('-untrusted', `${base}.untrusted.pem`);
  }
  if (v.host) args.push('-verify_hostname', v.host);
  if (v.ip) args.push('-verify_ip', v.ip);
  if (v.at !== undefined) args.push('-attime', String(Math.floor(v.at / 1000)));
  if (v.purpose) args.push('-purpose', v.purpose);
  const r = spawnSync('openssl', [...args, `${base}.leaf.pem`], { encoding: 'utf8' });
  const output = `${r.stdout}${r.stderr}`.trim();
  return { ok: r.status === 0 && /: OK$/m.test(output), output };
}
